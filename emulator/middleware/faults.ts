/**
 * Forced faults for tests and demos (only with `faults: true` / `--faults`): the next `count`
 * requests matching a method and path answer with a given status (the contract's body for it,
 * or a custom body of the same shape), malformed JSON, a dropped connection, or extra latency.
 * What a fault may say is checked in `fault-definition.ts`.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { appError, invalidToken, oauthError, ParticleError } from '../errors.js';
import type { AppEnv } from '../options.js';
import type { Fault, FaultBody } from './fault-definition.js';
import { isTokenRoute, tooManyRequests } from './rate-limit.js';

/** Seconds a forced 429 asks the client to wait. */
const FAULT_RETRY_AFTER = 30;

export class FaultStore {
  readonly faults: Fault[] = [];

  add(fault: Fault): void {
    this.faults.push(fault);
  }

  clear(): number {
    return this.faults.splice(0).length;
  }

  /** Takes one use of the first fault matching the request, if any. */
  take(method: string, path: string): Fault | undefined {
    const fault = this.faults.find((f) => matches(f, method, path));
    if (fault && --fault.count <= 0) this.faults.splice(this.faults.indexOf(fault), 1);
    return fault;
  }
}

const trim = (path: string) => (path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path);

function matches(fault: Fault, method: string, path: string): boolean {
  if (fault.method && fault.method.toUpperCase() !== method) return false;
  if (fault.path.endsWith('*')) return path.startsWith(fault.path.slice(0, -1));
  return trim(fault.path) === trim(path);
}

/** A forced status with the fault's own body; a 429 still says when to retry. */
function customError(status: number, body: FaultBody): ParticleError {
  const headers: Record<string, string> =
    status === 429 ? { 'Retry-After': String(FAULT_RETRY_AFTER) } : {};
  return 'ok' in body
    ? new ParticleError(status as ContentfulStatusCode, body, headers)
    : oauthError(status as ContentfulStatusCode, body.error, body.error_description, { headers });
}

/** The contract's body for each forced status, in the family the path uses (§1.3). */
function faultError(status: number, path: string): ParticleError {
  const oauth = isTokenRoute(path);
  switch (status) {
    case 401:
      return invalidToken();
    case 403:
      return oauth
        ? oauthError(403, 'access_denied', 'Access denied (forced by the emulator)')
        : appError(403, 'You do not have permission to do this (forced by the emulator)');
    case 429:
      return tooManyRequests(path, FAULT_RETRY_AFTER);
    case 500:
      return oauth
        ? oauthError(500, 'server_error', 'server_error')
        : appError(500, 'Internal server error');
    case 502:
      return oauth ? oauthError(502, 'server_error', 'server_error') : appError(502, 'Bad gateway');
    default: // 503: parseFault lets no other status through without a body
      return oauth
        ? oauthError(503, 'server_error', 'server_error')
        : appError(503, 'Service unavailable');
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A connection that ends without a response. Served over HTTP, the socket is destroyed and the
 * empty response after it is never written, so nothing is logged. Only under `app.request()`
 * (no server, nothing to close) does the body fail to read instead; that stream is never handed
 * to the Node server, whose response writer would print the error's stack.
 */
function dropConnection(c: Context<AppEnv>): Response {
  const { incoming, outgoing } = c.env ?? {};
  if (incoming || outgoing) {
    // `socket` can already be gone (a client that gave up); destroying the response is enough.
    (incoming?.socket ?? outgoing)?.destroy();
    return new Response(null);
  }
  return new Response(
    new ReadableStream({
      start: (controller) => controller.error(new Error('connection dropped')),
    }),
  );
}

export const faults =
  (store: FaultStore, globalLatencyMs: number): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    if (globalLatencyMs > 0) await sleep(globalLatencyMs);
    if (c.req.method === 'OPTIONS' || c.req.path.startsWith('/__emulator/')) return next();
    const fault = store.take(c.req.method, c.req.path);
    if (!fault) return next();
    if (fault.latencyMs) await sleep(fault.latencyMs);
    if (fault.drop) return dropConnection(c);
    if (fault.status && fault.body) throw customError(fault.status, fault.body);
    if (fault.status) throw faultError(fault.status, c.req.path);
    if (fault.malformed) {
      return c.body('{"ok":true,"truncated', 200, {
        'Content-Type': 'application/json; charset=utf-8',
      });
    }
    if (fault.empty)
      return c.body(null, 200, { 'Content-Type': 'application/json; charset=utf-8' });
    await next();
  };

/**
 * What reached the emulator, for tests that count requests per click (`GET /__emulator/requests`).
 * Preflights and the control routes are left out; only the last `MAX_LOGGED` are kept.
 */
export class RequestLog {
  static readonly MAX_LOGGED = 1000;
  readonly entries: { method: string; path: string }[] = [];

  record(method: string, path: string): void {
    this.entries.push({ method, path });
    if (this.entries.length > RequestLog.MAX_LOGGED) this.entries.shift();
  }

  clear(): number {
    return this.entries.splice(0).length;
  }
}

export const logRequests =
  (log: RequestLog): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    if (c.req.method !== 'OPTIONS' && !c.req.path.startsWith('/__emulator/')) {
      log.record(c.req.method, c.req.path);
    }
    await next();
  };
