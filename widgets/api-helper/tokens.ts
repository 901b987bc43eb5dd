/**
 * Checking a token the reader brings (pasted, or kept from elsewhere) before it becomes a
 * session: whose it is and when it expires (particle-api.md §2.3, §3.1).
 */
import { getUser, tokenInfoRequest } from './auth.js';
import type { ApiClient } from './client.js';
import { ApiError } from './errors.js';
import type { CallOptions, TokenInfo, UserInfo } from './types.js';

/** `expires_at` of token info as epoch ms; null for a token that never expires (§2.3). */
function expiryFrom(info: TokenInfo): number | null {
  if (info.expires_at === null || info.expires_at === undefined) return null;
  const at = typeof info.expires_at === 'string' ? Date.parse(info.expires_at) : Number.NaN;
  if (Number.isNaN(at)) {
    throw new ApiError({
      kind: 'server',
      status: 200,
      message: 'The Particle API sent a token expiry that could not be read. Try again.',
    });
  }
  return at;
}

/**
 * Checks a token the reader pasted before it becomes a session: whose it is (`GET /v1/user`)
 * and when it expires (`GET /v1/access_tokens/current`), both with that token as Bearer. The
 * page's session is neither used nor ended, whatever the answer.
 * @throws ApiError `session` (invalid, revoked or expired token, in words about the pasted
 * token), `forbidden` (an API user's token: it cannot read a user), or any transport kind.
 */
export async function checkToken(
  api: ApiClient,
  token: string,
  call?: CallOptions,
): Promise<{ user: UserInfo; expiresAt: number | null }> {
  let user: UserInfo;
  try {
    user = await getUser(api, { token }, call);
  } catch (error) {
    if (error instanceof ApiError && error.kind === 'forbidden' && error.status === 400) {
      throw new ApiError({
        kind: 'forbidden',
        status: error.status,
        error: error.error,
        errorDescription: error.errorDescription,
        message:
          "That is an API user's token, which cannot log in here. Paste a token of your own account, or log in with your email and password.",
        cause: error,
      });
    }
    throw error;
  }
  const info = await api.send<TokenInfo>(tokenInfoRequest(token), call);
  return { user, expiresAt: expiryFrom(info) };
}
