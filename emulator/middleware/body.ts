/**
 * Request bodies: JSON or form (`application/x-www-form-urlencoded`, qs bracket syntax for arrays,
 * §1.1). Parsing is Hono's; this only normalises the result and turns bad input into the
 * contract's 400 instead of an exception.
 */
import type { Context } from 'hono';
import { appError } from '../errors.js';
import type { AppEnv } from '../options.js';

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

function fromForm(params: URLSearchParams): Body {
  const body: Body = {};
  for (const [rawKey, value] of params) {
    const key = rawKey.endsWith('[]') ? rawKey.slice(0, -2) : rawKey;
    const previous = body[key];
    if (rawKey.endsWith('[]')) body[key] = [...((previous as string[] | undefined) ?? []), value];
    else body[key] = value;
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
  if (!incoming || !(length > 0) || incoming.readableEnded) return {};
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
