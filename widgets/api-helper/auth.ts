/**
 * Logging in and out (particle-api.md §2): the password grant, the MFA step,
 * token and user checks, and logout that revokes the token before forgetting it.
 * Each `xxxRequest` builder is exported so elements can preview the exact call
 * as curl / CLI (snippets.ts) before sending it.
 */
import type { ApiClient } from './client.js';
import { ApiError } from './errors.js';
import type { Persistence, Session } from './session-store.js';
import type {
  ApiRequest,
  CallOptions,
  LoginOutcome,
  TokenGrant,
  TokenInfo,
  UserInfo,
} from './types.js';

/** The password grant's default lifetime when none is asked for: 90 days (§2.1). */
export const DEFAULT_EXPIRES_IN = 7_776_000;

export interface LoginOptions {
  username: string;
  password: string;
  /** Seconds; 0 asks for a token that never expires. */
  expiresIn?: number;
}

export function loginRequest({ username, password, expiresIn }: LoginOptions): ApiRequest {
  const form: Record<string, string> = { grant_type: 'password', username, password };
  if (expiresIn !== undefined) form.expires_in = String(expiresIn);
  return { method: 'POST', path: '/oauth/token', form, auth: 'client' };
}

export function verifyMfaRequest({ mfaToken, otp }: { mfaToken: string; otp: string }): ApiRequest {
  return {
    method: 'POST',
    path: '/oauth/token',
    form: { grant_type: 'urn:custom:mfa-otp', mfa_token: mfaToken, otp: otp.replace(/\s+/g, '') },
    auth: 'client',
  };
}

export const getUserRequest = (token?: string): ApiRequest => ({
  method: 'GET',
  path: '/v1/user',
  auth: token ? { token } : 'session',
});
export const tokenInfoRequest = (token?: string): ApiRequest => ({
  method: 'GET',
  path: '/v1/access_tokens/current',
  auth: token ? { token } : 'session',
});
export const revokeRequest = (): ApiRequest => ({
  method: 'DELETE',
  path: '/v1/access_tokens/current',
  auth: 'session',
});

interface TokenBody {
  access_token?: unknown;
  expires_in?: unknown;
}

/** Reads the token response; a 200 without a token is the server's fault, not the reader's. */
function toGrant(body: TokenBody, requested: number | undefined, now = Date.now()): TokenGrant {
  if (typeof body.access_token !== 'string' || !body.access_token) {
    throw new ApiError({
      kind: 'server',
      status: 200,
      message: 'The Particle API sent no access token. Try again.',
    });
  }
  const expiresIn =
    typeof body.expires_in === 'number' ? body.expires_in : (requested ?? DEFAULT_EXPIRES_IN);
  return {
    accessToken: body.access_token,
    expiresIn,
    expiresAt: expiresIn === 0 ? null : now + expiresIn * 1000,
  };
}

/** Step one: a token, or an MFA challenge (403 `mfa_required`) to finish with `verifyMfa`. */
export async function login(
  api: ApiClient,
  options: LoginOptions,
  call?: CallOptions,
): Promise<LoginOutcome> {
  try {
    const body = await api.send<TokenBody>(loginRequest(options), call);
    return { status: 'ok', grant: toGrant(body, options.expiresIn) };
  } catch (error) {
    if (!(error instanceof ApiError) || error.kind !== 'mfa-required') throw error;
    if (!error.mfaToken) throw error;
    return {
      status: 'mfa',
      mfaToken: error.mfaToken,
      expiresIn: options.expiresIn ?? DEFAULT_EXPIRES_IN,
    };
  }
}

/**
 * Step two: exchanges the MFA token and a one-time code for an access token.
 * @throws ApiError `otp-invalid` (wrong code: ask again) or `mfa-expired` (start over).
 */
export async function verifyMfa(
  api: ApiClient,
  options: { mfaToken: string; otp: string; expiresIn?: number },
  call?: CallOptions,
): Promise<TokenGrant> {
  return toGrant(await api.send<TokenBody>(verifyMfaRequest(options), call), options.expiresIn);
}

/** The account behind the session, or behind `token` (to check a pasted token before using it). */
export function getUser(
  api: ApiClient,
  options: { token?: string } = {},
  call?: CallOptions,
): Promise<UserInfo> {
  return api.send<UserInfo>(getUserRequest(options.token), call);
}

export function getTokenInfo(api: ApiClient, call?: CallOptions): Promise<TokenInfo> {
  return api.send<TokenInfo>(tokenInfoRequest(), call);
}

/** Makes a grant the page's session (and announces it to the store's subscribers). */
export function startSession(
  api: ApiClient,
  grant: TokenGrant,
  username: string,
  persistence: Persistence = 'tab',
): Session {
  const session: Session = {
    username,
    token: grant.accessToken,
    expiresAt: grant.expiresAt,
    persistence,
  };
  api.session.set(session);
  return api.session.value ?? session;
}

/**
 * Revokes the session's token (awaited), then ends the session whatever the
 * outcome, so a failed revoke never leaves the reader logged in; `revoked` and
 * `error` say whether the token is really dead, for the element to tell.
 */
export async function logout(
  api: ApiClient,
  call?: CallOptions,
): Promise<{ revoked: boolean; error?: ApiError }> {
  const token = api.session.value?.token;
  if (!token) return { revoked: true };
  try {
    // The token is passed explicitly so that a 401 here reads as "logged out", not "expired".
    await api.send({ ...revokeRequest(), auth: { token } }, call);
    return { revoked: true };
  } catch (error) {
    const apiError =
      error instanceof ApiError ? error : new ApiError({ kind: 'network', cause: error });
    // A 401 means the token was already invalid: nothing is left to revoke.
    return apiError.kind === 'session' ? { revoked: true } : { revoked: false, error: apiError };
  } finally {
    if (api.session.value?.token === token) api.session.end('logout');
  }
}
