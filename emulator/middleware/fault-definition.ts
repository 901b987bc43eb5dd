/**
 * What a fault definition may say (README "Faults"), read from untrusted JSON: a
 * `POST /__emulator/faults` body or a `--fault` command-line value. A mistake is a
 * `FaultDefinitionError` whose message names the field; the route answers it as the contract's
 * 400 `{ok:false,error}`, the command line as a usage error.
 */
import type { AppErrorBody, OAuthErrorBody } from '../errors.js';

/** Statuses a fault can force with the contract's own body for them (no `body` given). */
export const FAULT_STATUSES = [401, 403, 429, 500, 502, 503] as const;

/** A forced error body: one of the contract's two families (particle-api.md §1.3), nothing else. */
export type FaultBody = OAuthErrorBody | AppErrorBody;

export interface Fault {
  method?: string;
  /** Exact path (`/x/` and `/x` alike), or a prefix ending in `*` (`/v1/orgs/*`). */
  path: string;
  /** One of FAULT_STATUSES, or with `body` any 4xx or 5xx. */
  status?: number;
  /** The error body to send with `status` instead of the contract's usual one. */
  body?: FaultBody;
  malformed?: boolean;
  /** 200 with an empty body (a proxy or a broken server). */
  empty?: boolean;
  drop?: boolean;
  latencyMs?: number;
  /** How many more requests this fault applies to. */
  count: number;
}

export class FaultDefinitionError extends Error {}

const MAX_LATENCY_MS = 60_000;
const FIELDS = [
  'method',
  'path',
  'status',
  'body',
  'malformed',
  'empty',
  'drop',
  'latencyMs',
  'count',
];
const SHAPES = '{"error","error_description"} (OAuth) or {"ok":false,"error","info"?} (app)';

function fail(message: string): never {
  throw new FaultDefinitionError(message);
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The custom body, checked against the two families so a fault never invents a third shape. */
function readBody(body: unknown): FaultBody {
  if (!isObject(body)) fail(`body must be an object: ${SHAPES}`);
  const app = 'ok' in body;
  const allowed = app ? ['ok', 'error', 'info'] : ['error', 'error_description'];
  const unknown = Object.keys(body).find((key) => !allowed.includes(key));
  if (unknown !== undefined) fail(`body has an unknown field "${unknown}": give ${SHAPES}`);
  if (typeof body.error !== 'string' || body.error === '')
    fail('body.error must be a non-empty string');
  if (app) {
    if (body.ok !== false) fail('body.ok must be false (an error body)');
    if (body.info !== undefined && typeof body.info !== 'string')
      fail('body.info must be a string');
    return body.info === undefined
      ? { ok: false, error: body.error }
      : { ok: false, error: body.error, info: body.info };
  }
  if (typeof body.error_description !== 'string')
    fail(`body.error_description must be a string (or give ${SHAPES})`);
  return { error: body.error, error_description: body.error_description };
}

function readStatus(status: unknown, custom: boolean): number | undefined {
  if (status === undefined) {
    if (custom) fail('body needs a status from 400 to 599');
    return undefined;
  }
  if (custom) {
    if (!Number.isInteger(status) || (status as number) < 400 || (status as number) > 599)
      fail('status must be a whole number from 400 to 599 with a body');
  } else if (!FAULT_STATUSES.includes(status as (typeof FAULT_STATUSES)[number])) {
    fail(`status must be one of ${FAULT_STATUSES.join(', ')} (or any 4xx/5xx with a body)`);
  }
  return status as number;
}

const flag = (value: unknown, name: string) => {
  if (value !== undefined && value !== true) fail(`${name} must be true`);
  return value === true;
};

/** A checked `Fault`, or a `FaultDefinitionError` naming what is wrong. */
export function parseFault(input: unknown): Fault {
  if (!isObject(input))
    fail('A fault must be a JSON object such as {"path":"/v1/user","status":503}');
  const unknown = Object.keys(input).find((key) => !FIELDS.includes(key));
  if (unknown !== undefined) fail(`Unknown fault field "${unknown}" (known: ${FIELDS.join(', ')})`);
  const { method, path, latencyMs, count = 1 } = input;
  if (typeof path !== 'string' || !path.startsWith('/')) fail('path must start with "/"');
  if (method !== undefined && (typeof method !== 'string' || !/^[A-Za-z]+$/.test(method))) {
    fail('method must be an HTTP method such as "GET"');
  }
  const body = input.body === undefined ? undefined : readBody(input.body);
  const status = readStatus(input.status, body !== undefined);
  const malformed = flag(input.malformed, 'malformed');
  const empty = flag(input.empty, 'empty');
  const drop = flag(input.drop, 'drop');
  if (
    latencyMs !== undefined &&
    (!Number.isInteger(latencyMs) ||
      (latencyMs as number) < 0 ||
      (latencyMs as number) > MAX_LATENCY_MS)
  ) {
    fail(`latencyMs must be a whole number from 0 to ${MAX_LATENCY_MS}`);
  }
  if (!Number.isInteger(count) || (count as number) < 1)
    fail('count must be a positive whole number');
  if (
    [status, malformed || undefined, empty || undefined, drop || undefined].filter(
      (x) => x !== undefined,
    ).length > 1
  ) {
    fail('Give only one of status, malformed, empty and drop');
  }
  if (status === undefined && !malformed && !empty && !drop && latencyMs === undefined) {
    fail('Give one of status, malformed, empty, drop or latencyMs');
  }
  return {
    ...(method ? { method: (method as string).toUpperCase() } : {}),
    path,
    ...(status !== undefined ? { status } : {}),
    ...(body ? { body } : {}),
    ...(malformed ? { malformed } : {}),
    ...(empty ? { empty } : {}),
    ...(drop ? { drop } : {}),
    ...(latencyMs !== undefined ? { latencyMs: latencyMs as number } : {}),
    count: count as number,
  };
}
