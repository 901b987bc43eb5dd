/**
 * The emulator's programmatic entry: `startEmulator()` serves `createApp()` on loopback.
 * Used by `server.ts` (npm run emulator), `npm start`, the browser-test plugin and e2e suites.
 *
 *   const emulator = await startEmulator({ port: 0, faults: true, quiet: true });
 *   // … fetch(`${emulator.url}/oauth/token`, …) …
 *   await emulator.close();
 */
import { createServer, type ServerOptions } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { createApp } from './app.js';
import { banner } from './banner.js';
import { answerClientErrors, answerOddTargets } from './client-errors.js';
import { loadState } from './model/load.js';
import { seedState } from './model/seed.js';
import type { State } from './model/types.js';
import type { AppOptions, RateLimits } from './options.js';

export { createApp } from './app.js';
export { FaultDefinitionError, parseFault } from './middleware/fault-definition.js';
export { DataFileError } from './model/data-file.js';
export { loadState } from './model/load.js';
export { DEMO_PASSWORD, DEMO_USER, MFA_SECRET, MFA_USER, seedState } from './model/seed.js';
export type { State } from './model/types.js';
export type { AppOptions, RateLimits } from './options.js';

export interface EmulatorOptions {
  /** 0 picks a free port; default 8081. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Enable `/__emulator/faults` (see README). */
  faults?: boolean;
  /** Faults pending from the start (the CLI's `--fault`); see `parseFault`. */
  presetFaults?: AppOptions['presetFaults'];
  /** Print nothing (no banner, no MFA codes). */
  quiet?: boolean;
  /** A `--data` file to load instead of the seeded demo data. */
  dataFile?: string;
  limits?: Partial<RateLimits>;
  /** Latency added to every request, ms. */
  latencyMs?: number;
  strictClients?: boolean;
  /** The docs site that uses this emulator: named on its `GET /` page; the stand-in login returns there. */
  siteUrl?: string;
  now?: AppOptions['now'];
  /** How long a client may take to send its headers / its whole request, and to stay idle (ms). */
  timeouts?: { headersMs?: number; requestMs?: number; keepAliveMs?: number };
  /** The cookie the stand-in login writes (default `ember_simple_auth_session`). */
  loginCookie?: string;
}

export interface RunningEmulator {
  /** `http://host:port`, without a trailing slash. */
  url: string;
  state: State;
  close(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const state = options.dataFile ? loadState(options.dataFile) : seedState();
  const log = options.quiet ? undefined : (line: string) => console.log(line);
  const app = createApp(state, {
    faults: options.faults,
    presetFaults: options.presetFaults,
    limits: options.limits,
    latencyMs: options.latencyMs,
    strictClients: options.strictClients,
    siteUrl: options.siteUrl,
    now: options.now,
    log,
    loginCookie: options.loginCookie,
  });
  const host = options.host ?? '127.0.0.1';
  const { headersMs = 20_000, requestMs = 60_000, keepAliveMs = 5_000 } = options.timeouts ?? {};
  const serverOptions: ServerOptions = {
    // A request without `Host` (HTTP/1.0 tools, raw sockets) is served as if addressed to
    // `host`, instead of Node's bare 400 without JSON or CORS.
    requireHostHeader: false,
    headersTimeout: headersMs,
    requestTimeout: requestMs,
    keepAliveTimeout: keepAliveMs,
    // Node looks for timed-out requests this often (every 30 s by default: too coarse for tests).
    connectionsCheckingInterval: Math.min(headersMs, requestMs, 30_000) / 4,
  };
  const listener = getRequestListener(app.fetch, { hostname: host });
  const server = createServer(serverOptions, answerOddTargets(listener));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8081, host, () => resolve());
  });
  answerClientErrors(server);
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  log?.(banner(url, state, options));
  return {
    url,
    state,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // Keep-alive connections (browsers, the CLI) would otherwise hold close() open.
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}
