/**
 * Access tokens: issue, look up, revoke. Pure functions over `State` (the clock is passed in).
 */
import { newToken } from './ids.js';
import { capSessionTokens } from './sweep.js';
import type { ApiUser, State, Token } from './types.js';

export function issueToken(
  state: State,
  grant: { username: string; client: string; expiresAt: number | null },
  now: number,
): Token {
  const token: Token = {
    token: newToken(),
    username: grant.username,
    client: grant.client,
    createdAt: now,
    expiresAt: grant.expiresAt,
    // §2.1: no refresh token for a never-expiring access token.
    refreshToken: grant.expiresAt === null ? null : newToken(),
    apiUser: false,
    revoked: false,
  };
  state.tokens.set(token.token, token);
  capSessionTokens(state);
  return token;
}

export type TokenCheck = { ok: true; token: Token } | { ok: false; reason: 'invalid' | 'expired' };

/** Unknown and revoked tokens are "invalid"; a known token past its expiry is "expired". */
export function checkToken(state: State, value: string, now: number): TokenCheck {
  const token = state.tokens.get(value);
  if (!token || token.revoked) return { ok: false, reason: 'invalid' };
  if (token.expiresAt !== null && token.expiresAt <= now) return { ok: false, reason: 'expired' };
  return { ok: true, token };
}

export function revokeToken(state: State, token: Token): void {
  token.revoked = true;
  const apiUser = state.apiUsers.get(token.username);
  if (apiUser?.token === token.token) apiUser.token = null;
}

/** Revokes every token of a human account (DELETE /v1/access_tokens). */
export function revokeAllTokens(state: State, username: string): void {
  for (const token of state.tokens.values()) {
    if (token.username === username && !token.apiUser) token.revoked = true;
  }
}

/** Gives an API user a fresh never-expiring token and revokes the old one (§5.3, §5.4). */
export function replaceApiUserToken(state: State, apiUser: ApiUser, now: number): Token {
  const old = apiUser.token ? state.tokens.get(apiUser.token) : undefined;
  if (old) old.revoked = true;
  const token: Token = {
    token: newToken(),
    username: apiUser.username,
    client: 'user',
    createdAt: now,
    expiresAt: null,
    refreshToken: null,
    apiUser: true,
    revoked: false,
  };
  state.tokens.set(token.token, token);
  apiUser.token = token.token;
  return token;
}
