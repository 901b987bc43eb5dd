/**
 * Options of `createApp` and the shared context every route and middleware receives.
 */
import type { HttpBindings } from '@hono/node-server';
import type { Auth } from './middleware/bearer-auth.js';
import type { Fault } from './middleware/fault-definition.js';
import type { RateLimiter } from './middleware/rate-limit.js';
import type { State } from './model/types.js';

/** particle-api.md §7; every number is configurable so tests need not wait minutes. */
export interface RateLimits {
  /** Length of one counting window, ms (5 min). */
  windowMs: number;
  /** Requests per window per IP on every route (10,000). */
  overall: number;
  /** `POST /oauth/token` requests per window per IP (100). */
  oauthToken: number;
  /** `DELETE /v1/access_tokens/:token` requests per window per IP (100). */
  tokenDelete: number;
  /** Consecutive failed logins from one IP that block it (10). */
  failedLogins: number;
  /** How long such a block lasts, ms (30 min). */
  blockMs: number;
}

export const DEFAULT_LIMITS: RateLimits = {
  windowMs: 5 * 60_000,
  overall: 10_000,
  oauthToken: 100,
  tokenDelete: 100,
  failedLogins: 10,
  blockMs: 30 * 60_000,
};

export interface AppOptions {
  /** Mount `/__emulator/faults` and honour forced faults (off by default). */
  faults?: boolean;
  /** Faults pending from the start (`--fault`), as `parseFault` returned them; needs `faults`. */
  presetFaults?: Fault[];
  /** Latency added to every request, ms. */
  latencyMs?: number;
  limits?: Partial<RateLimits>;
  /** Accept only the three known OAuth clients (§8.1) instead of any well-formed one. */
  strictClients?: boolean;
  /** The clock, epoch ms; tests inject one to expire tokens without sleeping. */
  now?: () => number;
  /**
   * The docs site that uses this emulator, named on its `GET /` page (e.g. by npm start).
   * It also turns on the stand-in hosted login (`/login`, `/logout`, `/account-info`),
   * which only ever sends the reader back to this site's origin.
   */
  siteUrl?: string;
  /** Where console lines go (MFA codes); silent when omitted. */
  log?: (line: string) => void;
  /** The cookie the stand-in login writes (default `ember_simple_auth_session`). */
  loginCookie?: string;
}

/** What every route factory and middleware gets: the data plus the resolved options. */
export interface Emulator {
  state: State;
  limits: RateLimits;
  limiter: RateLimiter;
  faults: boolean;
  latencyMs: number;
  strictClients: boolean;
  now: () => number;
  log: (line: string) => void;
}

/** Hono's environment: Node's request/response when served, and the authenticated caller. */
export type AppEnv = {
  Bindings: Partial<HttpBindings>;
  Variables: { auth: Auth };
};
