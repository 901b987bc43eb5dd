/**
 * The transport: turns an `ApiRequest` into one `fetch`, with a timeout and the
 * caller's abort signal, and turns every failure into an `ApiError`. Resource
 * modules (auth, products, api-users) only describe requests.
 */
import { ApiError, errorFromResponse, unreadableReply } from './errors.js';
import { SessionStore } from './session-store.js';
import type { ApiRequest, CallOptions } from './types.js';

export const DEFAULT_API_BASE = 'https://api.particle.io';
export const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * The longest request URL sent. RFC 9110 §4.1 asks every server to accept at least 8,000
 * octets; beyond that a server may refuse it (Node, and so the emulator, answers the CORS
 * preflight with 431, which a page can only see as "could not reach"). An API user with an
 * 18 KB username cannot be addressed at all, so the reader is told that instead.
 */
export const MAX_URL_LENGTH = 8000;

/** A UTF-16 surrogate without its pair: `encodeURIComponent` throws on it, UTF-8 cannot carry it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * `encodeURIComponent` for one path segment, which never throws: a segment with a lone surrogate
 * is left as it is, and `send()` refuses the request with a sentence (`buildRequest` and the
 * command snippets stay pure and safe to call while rendering).
 */
export function encodeSegment(segment: string): string {
  return LONE_SURROGATE.test(segment) ? segment : encodeURIComponent(segment);
}

/** Header values are ISO-8859-1 (fetch throws a TypeError on anything else); tokens are printable ASCII. */
const TOKEN_CHARACTERS = /^[\x21-\x7e]*$/;

/**
 * The OAuth client our widgets log in with, sent as HTTP Basic. Particle's docs
 * publish it ("you can use particle:particle"), so it is not a secret.
 */
export const OAUTH_CLIENT = { id: 'particle', secret: 'particle' } as const;

type Fetch = (input: string, init: RequestInit) => Promise<Response>;

/** The base URL without trailing slashes: `https://api.particle.io/` → `https://api.particle.io`. */
export function normalizeBase(baseUrl: string): string {
  return (baseUrl.trim() || DEFAULT_API_BASE).replace(/\/+$/, '');
}

/** Pure: the URL and `RequestInit` for a request; `token` is the session's token for `'session'` calls. */
export function buildRequest(
  baseUrl: string,
  req: ApiRequest,
  token?: string,
): [string, RequestInit] {
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: string | undefined;
  if (req.form) {
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(req.form).toString();
  } else if (req.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(req.json);
  }
  const bearer =
    typeof req.auth === 'object' ? req.auth.token : req.auth === 'session' ? token : undefined;
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  if (req.auth === 'client') {
    headers.Authorization = `Basic ${btoa(`${OAUTH_CLIENT.id}:${OAUTH_CLIENT.secret}`)}`;
  }
  return [`${normalizeBase(baseUrl)}${req.path}`, { method: req.method, headers, body }];
}

export interface ApiClientOptions {
  baseUrl: string;
  session?: SessionStore;
  /** Defaults to the global `fetch`, looked up on every call (so test stubs on `window.fetch` apply). */
  fetch?: Fetch;
  timeoutMs?: number;
}

export class ApiClient {
  readonly baseUrl: string;
  readonly session: SessionStore;
  fetch: Fetch;
  timeoutMs: number;

  constructor(options: ApiClientOptions) {
    this.baseUrl = normalizeBase(options.baseUrl);
    this.session = options.session ?? new SessionStore(originOf(this.baseUrl));
    this.fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  /** Sends the request and resolves with the parsed JSON body; rejects with an `ApiError` only. */
  async send<T>(req: ApiRequest, options: CallOptions = {}): Promise<T> {
    if (hasDotSegment(req.path)) {
      // `fetch` would resolve `/v1/orgs/../products` to `/v1/products`: another call entirely.
      throw new ApiError({
        kind: 'validation',
        message: 'That is not a valid product, organization or user name. Check it and try again.',
      });
    }
    refuseUnsendable(req);
    const token = req.auth === 'session' ? this.session.value?.token : undefined;
    if (req.auth === 'session' && !token) {
      throw new ApiError({
        kind: 'session',
        message: 'You are not logged in. Log in and try again.',
      });
    }
    const [url, init] = buildRequest(this.baseUrl, req, token);
    if (url.length > MAX_URL_LENGTH) {
      throw new ApiError({
        kind: 'validation',
        message: `This cannot be sent: a name in it is so long that the request address would be ${url.length.toLocaleString('en-US')} characters, and servers need only accept ${MAX_URL_LENGTH.toLocaleString('en-US')}. Nothing was sent; this page cannot change or delete it.`,
      });
    }
    const timeout = new AbortController();
    const timer = setTimeout(
      () => timeout.abort(new DOMException('Timed out', 'TimeoutError')),
      options.timeoutMs ?? this.timeoutMs,
    );
    const caller = options.signal;
    const signal = caller ? anySignal(caller, timeout.signal) : timeout.signal;
    const started = performance.now();
    let response: Response | undefined;
    let text: string | undefined;
    let failure: ApiError | undefined;
    try {
      if (caller?.aborted) throw caller.reason;
      response = await this.fetch(url, { ...init, signal });
      text = await response.text();
    } catch (cause) {
      const kind = caller?.aborted ? 'aborted' : timeout.signal.aborted ? 'timeout' : 'network';
      failure = new ApiError({ kind, cause });
      throw failure;
    } finally {
      clearTimeout(timer);
      // Before the call resolves or rejects, so a refused call is in the pane too. Kept
      // small on purpose: every page's first load carries it; exchange.ts reads it.
      options.onExchange?.({
        request: req,
        url,
        init,
        response,
        text,
        failure: failure?.message,
        durationMs: performance.now() - started,
      });
    }
    const body = parseJson(text, response.status);
    if (!response.ok) {
      const error = errorFromResponse(req, response.status, body.value, response.headers);
      // Only end the session whose token was refused, not one started meanwhile.
      if (error.status === 401 && token && this.session.value?.token === token) {
        this.session.end('expired');
      }
      throw error;
    }
    if (!body.ok) throw unreadableReply(response.status);
    return body.value as T;
  }
}

/** Throws the validation error for a request `fetch` could not send (it would say "network"). */
function refuseUnsendable(req: ApiRequest): void {
  if (LONE_SURROGATE.test(req.path)) {
    throw new ApiError({
      kind: 'validation',
      message:
        'This cannot be sent: a name in it contains a broken character (an unpaired UTF-16 surrogate) that no request address can carry. Nothing was sent; this page cannot change or delete it.',
    });
  }
  if (typeof req.auth === 'object' && !TOKEN_CHARACTERS.test(req.auth.token)) {
    throw new ApiError({
      kind: 'session',
      message:
        'That access token is invalid: it contains characters an access token never has (tokens are letters and digits only). Check it and paste it again, or log in with your email and password.',
    });
  }
}

/** True when a path segment is `.` or `..`, which URL parsing removes (also as `%2e`). */
function hasDotSegment(path: string): boolean {
  return path
    .split('?')[0]!
    .split('/')
    .some((segment) => /^(\.|%2e){1,2}$/i.test(segment));
}

/** `AbortSignal.any` where the browser has it (Safari < 17.4 does not), else the same by hand. */
function anySignal(a: AbortSignal, b: AbortSignal): AbortSignal {
  if (typeof AbortSignal.any === 'function') return AbortSignal.any([a, b]);
  const both = new AbortController();
  for (const signal of [a, b]) {
    if (signal.aborted) both.abort(signal.reason);
    else signal.addEventListener('abort', () => both.abort(signal.reason), { once: true });
  }
  return both.signal;
}

/**
 * Empty bodies read as `{}` only for 204 and 205, which have none by definition (§1.1): a 200
 * with an empty body is a broken reply, not an empty list. Anything that is not JSON (an HTML
 * error page) is not ok either.
 */
function parseJson(text: string, status: number): { ok: boolean; value: unknown } {
  if (text.trim() === '') return { ok: status === 204 || status === 205, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, value: undefined };
  }
}

function originOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).origin;
  } catch {
    return baseUrl;
  }
}

const clients = new Map<string, ApiClient>();

/** The one ApiClient (with its SessionStore) for an API origin; empty means api.particle.io. */
export function apiFor(baseUrl: string = DEFAULT_API_BASE): ApiClient {
  const key = normalizeBase(baseUrl);
  let client = clients.get(key);
  if (!client) {
    client = new ApiClient({ baseUrl: key });
    clients.set(key, client);
  }
  return client;
}

/** Every client `apiFor` has handed out on this page (tests use it to clean up after themselves). */
export function apiClients(): ApiClient[] {
  return [...clients.values()];
}

/** Forgets every cached client and stops its session store. For tests. */
export function resetApiClients(): void {
  for (const client of clients.values()) client.session.dispose();
  clients.clear();
}
