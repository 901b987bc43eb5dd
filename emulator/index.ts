/**
 * The emulator's programmatic entry: `startEmulator()` serves `createApp()` on loopback.
 * Used by `server.ts` (npm run emulator), `npm start`, the browser-test plugin and e2e suites.
 *
 *   const emulator = await startEmulator({ port: 0, faults: true, quiet: true });
 *   // … fetch(`${emulator.url}/oauth/token`, …) …
 *   await emulator.close();
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { banner } from './banner.js';
import { answerClientErrors } from './client-errors.js';
import { loadState } from './model/load.js';
import { seedState } from './model/seed.js';
import type { State } from './model/types.js';
import type { AppOptions, RateLimits } from './options.js';

export { createApp } from './app.js';
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
  /** Print nothing (no banner, no MFA codes). */
  quiet?: boolean;
  /** A `--data` file to load instead of the seeded demo data. */
  dataFile?: string;
  limits?: Partial<RateLimits>;
  /** Latency added to every request, ms. */
  latencyMs?: number;
  strictClients?: boolean;
  /** The docs site that uses this emulator, named on its `GET /` page. */
  siteUrl?: string;
  now?: AppOptions['now'];
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
    limits: options.limits,
    latencyMs: options.latencyMs,
    strictClients: options.strictClients,
    siteUrl: options.siteUrl,
    now: options.now,
    log,
  });
  const host = options.host ?? '127.0.0.1';
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port ?? 8081, hostname: host }, () =>
      resolve(s),
    );
    s.once('error', reject);
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
