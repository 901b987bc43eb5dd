/**
 * The fault control routes, mounted at `/__emulator/faults` only when faults are on.
 * `POST` adds one fault, `GET` lists the pending ones, `DELETE` clears them all. With them,
 * `/__emulator/requests` (the request log).
 */
import { Hono } from 'hono';
import { appError } from '../errors.js';
import { readBody } from '../middleware/body.js';
import { FaultDefinitionError, parseFault } from '../middleware/fault-definition.js';
import type { FaultStore, RequestLog } from '../middleware/faults.js';
import type { AppEnv } from '../options.js';

export function faultRoutes(store: FaultStore) {
  return new Hono<AppEnv>()
    .get('/', (c) => c.json({ ok: true, faults: store.faults }))
    .post('/', async (c) => {
      const body = await readBody(c);
      try {
        const fault = parseFault(body);
        store.add(fault);
        return c.json({ ok: true, fault }, 201);
      } catch (error) {
        if (error instanceof FaultDefinitionError) throw appError(400, error.message);
        throw error;
      }
    })
    .delete('/', (c) => c.json({ ok: true, cleared: store.clear() }));
}

/** `/__emulator/requests`: `GET` lists what reached the emulator (oldest first), `DELETE` clears it. */
export function requestLogRoutes(log: RequestLog) {
  return new Hono<AppEnv>()
    .get('/', (c) => c.json({ ok: true, requests: log.entries }))
    .delete('/', (c) => c.json({ ok: true, cleared: log.clear() }));
}
