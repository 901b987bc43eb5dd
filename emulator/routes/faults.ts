/**
 * The fault control routes, mounted at `/__emulator/faults` only when faults are on.
 * `POST` adds one fault, `GET` lists the pending ones, `DELETE` clears them all. With them,
 * `/__emulator/requests` (the request log).
 */
import { Hono } from 'hono';
import { appError } from '../errors.js';
import { readBody } from '../middleware/body.js';
import {
  FAULT_STATUSES,
  type Fault,
  type FaultStatus,
  type FaultStore,
  type RequestLog,
} from '../middleware/faults.js';
import type { AppEnv } from '../options.js';

const MAX_LATENCY_MS = 60_000;

function readFault(body: Record<string, unknown>): Fault {
  const { method, path, status, malformed, empty, drop, latencyMs, count = 1 } = body;
  if (typeof path !== 'string' || !path.startsWith('/'))
    throw appError(400, 'path must start with "/"');
  if (method !== undefined && (typeof method !== 'string' || !/^[A-Za-z]+$/.test(method))) {
    throw appError(400, 'method must be an HTTP method such as "GET"');
  }
  if (status !== undefined && !FAULT_STATUSES.includes(status as FaultStatus)) {
    throw appError(400, `status must be one of ${FAULT_STATUSES.join(', ')}`);
  }
  if (malformed !== undefined && malformed !== true) throw appError(400, 'malformed must be true');
  if (empty !== undefined && empty !== true) throw appError(400, 'empty must be true');
  if (drop !== undefined && drop !== true) throw appError(400, 'drop must be true');
  if (
    latencyMs !== undefined &&
    (!Number.isInteger(latencyMs) ||
      (latencyMs as number) < 0 ||
      (latencyMs as number) > MAX_LATENCY_MS)
  ) {
    throw appError(400, `latencyMs must be a whole number from 0 to ${MAX_LATENCY_MS}`);
  }
  if (!Number.isInteger(count) || (count as number) < 1)
    throw appError(400, 'count must be a positive whole number');
  if ([status, malformed, empty, drop].filter((x) => x !== undefined).length > 1) {
    throw appError(400, 'Give only one of status, malformed, empty and drop');
  }
  if (status === undefined && !malformed && !empty && !drop && latencyMs === undefined) {
    throw appError(400, 'Give one of status, malformed, empty, drop or latencyMs');
  }
  return {
    ...(method ? { method: (method as string).toUpperCase() } : {}),
    path,
    ...(status !== undefined ? { status: status as FaultStatus } : {}),
    ...(malformed ? { malformed: true } : {}),
    ...(empty ? { empty: true } : {}),
    ...(drop ? { drop: true } : {}),
    ...(latencyMs !== undefined ? { latencyMs: latencyMs as number } : {}),
    count: count as number,
  };
}

export function faultRoutes(store: FaultStore) {
  return new Hono<AppEnv>()
    .get('/', (c) => c.json({ ok: true, faults: store.faults }))
    .post('/', async (c) => {
      const fault = readFault(await readBody(c));
      store.add(fault);
      return c.json({ ok: true, fault }, 201);
    })
    .delete('/', (c) => c.json({ ok: true, cleared: store.clear() }));
}

/** `/__emulator/requests`: `GET` lists what reached the emulator (oldest first), `DELETE` clears it. */
export function requestLogRoutes(log: RequestLog) {
  return new Hono<AppEnv>()
    .get('/', (c) => c.json({ ok: true, requests: log.entries }))
    .delete('/', (c) => c.json({ ok: true, cleared: log.clear() }));
}
