/**
 * Request bodies: JSON or form (`application/x-www-form-urlencoded`, qs bracket syntax for arrays,
 * §1.1). Parsing is Hono's; this only normalises the result and turns bad input into the
 * contract's 400 instead of an exception.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { appError, oauthError } from '../errors.js';
import type { AppEnv } from '../options.js';
import { isTokenRoute } from './rate-limit.js';

/**
 * [INFERRED] The largest request body accepted, 1 MiB: the biggest real body (an API user with
 * all 94 scopes) is about 3 KB. Larger ones are refused before they are read into memory.
 */
const MAX_BODY_BYTES = 1024 * 1024;

/** 413 in the family of the route (§1.3), whether the size is declared or only streamed. */
export const bodySizeLimit = (): MiddlewareHandler<AppEnv> =>
  bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => {
      const text = 'Request body too large: send at most 1 MiB';
      throw isTokenRoute(c.req.path)
        ? oauthError(413, 'invalid_request', text)
        : appError(413, text);
    },
  });

export type Body = Record<string, unknown>;

export const isForm = (c: Context) =>
  (c.req.header('Content-Type') ?? '')
    .toLowerCase()
    .startsWith('application/x-www-form-urlencoded');
const isJson = (c: Context) =>
  /^application\/(.+\+)?json\b/i.test(c.req.header('Content-Type') ?? '');

const parsed = new WeakMap<Request, Promise<Body>>();

/**
 * The request body as an object (`{}` when there is none). `scopes[]=a&scopes[]=b` becomes
 * `scopes: ['a', 'b']`. Throws 400 `{ok:false,error}` for malformed JSON or an unknown type.
 * Parsed once per request, so the bearer check and the handler can both read it.
 */
export function readBody(c: Context<AppEnv>): Promise<Body> {
  let body = parsed.get(c.req.raw);
  if (!body) {
    body = parse(c);
    parsed.set(c.req.raw, body);
  }
  return body;
}

async function parse(c: Context<AppEnv>): Promise<Body> {
  if (c.req.method === 'GET' || c.req.method === 'HEAD') return parseGetBody(c);
  if (isForm(c)) return fromForm(new URLSearchParams(await c.req.text()));
  const text = await c.req.text();
  if (text.trim() === '') return {};
  if (!isJson(c)) {
    throw appError(
      400,
      'Unsupported Content-Type: send application/json or application/x-www-form-urlencoded',
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw appError(400, 'Malformed JSON in the request body');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw appError(400, 'The request body must be a JSON object');
  }
  return value as Body;
}

/**
 * qs bracket arrays, in both of qs's spellings: `scopes[]=a` and, what `qs.stringify` writes by
 * default, `scopes[0]=a` (kept in index order). Any other key is a plain field; repeating it
 * keeps the last value.
 */
function fromForm(params: URLSearchParams): Body {
  const body: Body = {};
  const indexed = new Map<string, [number, string][]>();
  for (const [rawKey, value] of params) {
    const array = /^(.+)\[(\d*)\]$/.exec(rawKey);
    if (!array) {
      body[rawKey] = value;
      continue;
    }
    const [, key, index] = array as unknown as [string, string, string];
    const entries = indexed.get(key) ?? [];
    entries.push([index === '' ? Number.POSITIVE_INFINITY : Number(index), value]);
    indexed.set(key, entries);
  }
  for (const [key, entries] of indexed) {
    // A stable sort: `[]` entries keep their order after the numbered ones.
    body[key] = entries.sort((a, b) => (a[0] === b[0] ? 0 : a[0] < b[0] ? -1 : 1)).map((e) => e[1]);
  }
  return body;
}

/**
 * Fetch's Request has no body on a GET, but a raw HTTP client may send one; Node still has it.
 * Read only to report §1.2's "Method cannot be GET" for a token sent that way.
 */
async function parseGetBody(c: Context<AppEnv>): Promise<Body> {
  const incoming = c.env?.incoming;
  const length = Number(c.req.header('Content-Length') ?? 0);
  if (!incoming || !(length > 0) || length > MAX_BODY_BYTES || incoming.readableEnded) return {};
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (isForm(c)) return fromForm(new URLSearchParams(text));
  try {
    const value = JSON.parse(text);
    return typeof value === 'object' && value !== null ? value : {};
  } catch {
    return {};
  }
}
