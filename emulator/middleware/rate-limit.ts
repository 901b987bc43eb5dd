/**
 * Rate limits of particle-api.md §7: fixed windows per IP and bucket, plus the block after
 * consecutive failed logins. Answers 429 with `Retry-After` (an [INFERRED] extra, see README).
 */
import type { Context, MiddlewareHandler } from 'hono';
import { appError, oauthError, type ParticleError } from '../errors.js';
import type { AppEnv, Emulator, RateLimits } from '../options.js';

export class RateLimiter {
  readonly #windows = new Map<string, { start: number; count: number }>();
  readonly #failures = new Map<string, { count: number; blockedUntil: number }>();

  constructor(
    readonly limits: RateLimits,
    readonly now: () => number,
  ) {}

  /** Counts one request; returns the seconds to wait when the limit is exceeded, else null. */
  hit(bucket: string, key: string, limit: number): number | null {
    const now = this.now();
    const id = `${bucket} ${key}`;
    let window = this.#windows.get(id);
    if (!window || now - window.start >= this.limits.windowMs) {
      window = { start: now, count: 0 };
      this.#windows.set(id, window);
    }
    window.count++;
    return window.count > limit ? seconds(window.start + this.limits.windowMs - now) : null;
  }

  /** Seconds until a blocked IP may log in again, or null when it is not blocked. */
  blockedFor(key: string): number | null {
    const entry = this.#failures.get(key);
    const left = entry ? entry.blockedUntil - this.now() : 0;
    return left > 0 ? seconds(left) : null;
  }

  loginFailed(key: string): void {
    const entry = this.#failures.get(key) ?? { count: 0, blockedUntil: 0 };
    entry.count++;
    if (entry.count >= this.limits.failedLogins) {
      entry.blockedUntil = this.now() + this.limits.blockMs;
      entry.count = 0;
    }
    this.#failures.set(key, entry);
  }

  loginSucceeded(key: string): void {
    this.#failures.delete(key);
  }
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** The caller's IP when served over HTTP; one shared key under `app.request()`. */
export const clientKey = (c: Context<AppEnv>): string =>
  c.env?.incoming?.socket?.remoteAddress ?? 'local';

export const isTokenRoute = (path: string) => path === '/oauth/token';

/** The 429 of §7: the OAuth family on `/oauth/token`, the app family elsewhere. */
export function tooManyRequests(path: string, retryAfter: number): ParticleError {
  const headers = { 'Retry-After': String(retryAfter) };
  return isTokenRoute(path)
    ? oauthError(429, 'rate_limit_exceeded', 'Rate limit exceeded.', { headers })
    : appError(429, 'Too many requests', headers);
}

const TOKEN_DELETE = /^\/v1\/access_tokens\/(?!current$)[^/]+$/;

export const rateLimit =
  (emu: Emulator): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const { limiter, limits } = emu;
    const { method, path } = c.req;
    if (method === 'OPTIONS' || path.startsWith('/__emulator/')) return next();
    const key = clientKey(c);
    let wait = limiter.hit('overall', key, limits.overall);
    if (wait === null && method === 'POST' && isTokenRoute(path)) {
      wait = limiter.blockedFor(key) ?? limiter.hit('oauth', key, limits.oauthToken);
    }
    if (wait === null && method === 'DELETE' && TOKEN_DELETE.test(path)) {
      wait = limiter.hit('token-delete', key, limits.tokenDelete);
    }
    if (wait !== null) throw tooManyRequests(path, wait);
    await next();
  };
