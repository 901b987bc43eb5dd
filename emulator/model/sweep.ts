/**
 * Keeps the emulator's memory bounded however long it runs and however many clients log in:
 * without this, every token ever issued and every MFA challenge ever started stays in `State`
 * (200 clients for 20 s grew the process from 93 MB to 492 MB).
 *
 * - Revoked tokens, tokens expired for over an hour and finished-or-expired MFA challenges are
 *   swept, at most once a minute of the emulator's clock, on the next request (so a test's fake
 *   clock drives it, and an idle emulator does no work). For an hour after its expiry a token
 *   still answers "has expired" (§1.2), then "is invalid", as an unknown one.
 * - At most `MAX_SESSION_TOKENS` live login tokens and `MAX_MFA_CHALLENGES` challenges are kept:
 *   past that, the oldest go first (the API's own limits are undocumented; these are far above
 *   what any reader or test uses, and far below what a load test would pile up).
 */
import type { State } from './types.js';

export const SWEEP_INTERVAL_MS = 60_000;
export const EXPIRED_TOKEN_KEPT_MS = 60 * 60_000;
export const MAX_SESSION_TOKENS = 10_000;
export const MAX_MFA_CHALLENGES = 10_000;

/** Removes what can no longer be used; API users' tokens never expire and stay until replaced. */
export function sweep(state: State, now: number): void {
  for (const [value, token] of state.tokens) {
    const long = token.expiresAt !== null && token.expiresAt + EXPIRED_TOKEN_KEPT_MS <= now;
    if (token.revoked || long) state.tokens.delete(value);
  }
  for (const [value, challenge] of state.mfaChallenges) {
    if (challenge.challengeExpiresAt <= now) state.mfaChallenges.delete(value);
  }
}

/** Drops the oldest login tokens (Maps keep insertion order) while there are more than the cap. */
export function capSessionTokens(state: State, max = MAX_SESSION_TOKENS): void {
  let excess = state.tokens.size - max;
  if (excess <= 0) return;
  for (const [value, token] of state.tokens) {
    if (excess <= 0) break;
    if (token.apiUser) continue;
    state.tokens.delete(value);
    excess--;
  }
}

/** Drops the oldest MFA challenges while there are more than the cap. */
export function capMfaChallenges(state: State, max = MAX_MFA_CHALLENGES): void {
  for (const value of state.mfaChallenges.keys()) {
    if (state.mfaChallenges.size <= max) break;
    state.mfaChallenges.delete(value);
  }
}

/** A sweeper bound to a state and a clock: call `tick()` on every request. */
export function sweeper(state: State, now: () => number): { tick(): void } {
  let last: number | undefined;
  return {
    tick() {
      const at = now();
      last ??= at;
      if (at - last < SWEEP_INTERVAL_MS) return;
      last = at;
      sweep(state, at);
    },
  };
}
