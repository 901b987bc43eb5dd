/**
 * A fake `fetch` for browser suites: stubs `window.fetch` with sinon and answers
 * by "METHOD /path" with JSON, so tests describe the API they need in one object.
 * The core looks `fetch` up on every call, so elements pick the stub up too.
 *
 *   const api = fakeFetch({
 *     'POST /oauth/token': { body: { access_token: 'a'.repeat(40), expires_in: 3600 } },
 *     'GET /v1/products/:product/team': { body: { ok: true, team: [] } },
 *     'DELETE /v1/access_tokens/current': [{ status: 500 }, { body: { ok: true } }], // in turn
 *     'GET /v1/user': 'hang',                  // never answers; rejects when aborted
 *     'GET /v1/orgs': 'network-error',         // like offline / CORS (TypeError)
 *   });
 *   // … exercise the code …
 *   expect(api.calls[0].form?.get('grant_type')).to.equal('password');
 *   api.restore(); // or rely on sinon.restore() in afterEach
 *
 * Paths ignore the origin, the query and a trailing slash; `:name` matches one
 * segment. A request no route matches gets a 404 and is listed in `unmatched`.
 */
import { waitUntil } from '@open-wc/testing';
import sinon from 'sinon';

export interface FakeResponse {
  status?: number;
  /** Serialized as JSON. */
  body?: unknown;
  /** Sent as is instead of `body` (HTML error pages, malformed JSON, empty bodies). */
  raw?: string;
  headers?: Record<string, string>;
}

export type Responder =
  | FakeResponse
  | 'hang'
  | 'network-error'
  | ((request: RecordedRequest) => FakeResponse | Promise<FakeResponse>);

export interface RecordedRequest {
  method: string;
  url: string;
  /** Path without origin or query, e.g. `/v1/products/acme-tracker/team`. */
  path: string;
  headers: Headers;
  body?: string;
  /** The body parsed as a form, when it was form-encoded. */
  form?: URLSearchParams;
  /** The body parsed as JSON, when it was JSON. */
  json?: unknown;
  /** The route key that answered (`'GET /v1/user'`), or undefined if none matched. */
  route?: string;
  signal?: AbortSignal;
}

export interface FakeFetch {
  stub: sinon.SinonStub;
  calls: RecordedRequest[];
  unmatched: RecordedRequest[];
  /** Calls answered by one route key. */
  callsTo(route: string): RecordedRequest[];
  restore(): void;
}

function matches(pattern: string, path: string): boolean {
  const want = pattern.replace(/\/+$/, '').split('/');
  const got = path.replace(/\/+$/, '').split('/');
  return want.length === got.length && want.every((w, i) => w.startsWith(':') || w === got[i]);
}

function record(input: RequestInfo | URL, init: RequestInit = {}): RecordedRequest {
  const url = String(input instanceof Request ? input.url : input);
  const headers = new Headers(init.headers);
  const body = typeof init.body === 'string' ? init.body : undefined;
  const type = headers.get('Content-Type') ?? '';
  return {
    method: (init.method ?? 'GET').toUpperCase(),
    url,
    path: new URL(url, location.href).pathname,
    headers,
    body,
    form:
      body !== undefined && type.includes('x-www-form-urlencoded')
        ? new URLSearchParams(body)
        : undefined,
    json: body !== undefined && type.includes('json') ? JSON.parse(body) : undefined,
    signal: init.signal ?? undefined,
  };
}

function hang(signal: AbortSignal | undefined): Promise<Response> {
  return new Promise((_, reject) => {
    signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

export function fakeFetch(routes: Record<string, Responder | Responder[]>): FakeFetch {
  const calls: RecordedRequest[] = [];
  const unmatched: RecordedRequest[] = [];
  const turns = new Map<string, number>();
  const stub = sinon.stub(window, 'fetch').callsFake(async (input, init) => {
    const request = record(input, init);
    calls.push(request);
    if (request.signal?.aborted) throw request.signal.reason;
    const key = Object.keys(routes).find((k) => {
      const [method, pattern] = k.split(' ');
      return method === request.method && matches(pattern!, request.path);
    });
    if (!key) {
      unmatched.push(request);
      return new Response(JSON.stringify({ ok: false, error: 'Not found (no fake route)' }), {
        status: 404,
      });
    }
    request.route = key;
    const entry = routes[key]!;
    const turn = turns.get(key) ?? 0;
    turns.set(key, turn + 1);
    const responder = Array.isArray(entry) ? entry[Math.min(turn, entry.length - 1)]! : entry;
    if (responder === 'hang') return hang(request.signal);
    if (responder === 'network-error') throw new TypeError('Failed to fetch');
    const answer = typeof responder === 'function' ? await responder(request) : responder;
    const text = answer.raw ?? (answer.body === undefined ? '' : JSON.stringify(answer.body));
    const status = answer.status ?? 200;
    return new Response(status === 204 ? null : text, {
      status,
      headers: { 'Content-Type': 'application/json', ...answer.headers },
    });
  });
  return {
    stub,
    calls,
    unmatched,
    callsTo: (route) => calls.filter((c) => c.route === route),
    restore: () => stub.restore(),
  };
}

/**
 * Clicks `button` twice at once, again after `host` has rendered, and again once a request
 * has gone out (a widget sends it in the task after the click), then waits a task: the
 * requests `sent()` counts afterwards are all those clicks sent. `sent()` is counted from
 * `before`, the requests sent earlier.
 */
export async function clickRepeatedly(
  button: () => HTMLElement,
  host: { updateComplete: Promise<unknown> },
  sent: () => number,
  before = 0,
): Promise<void> {
  button().click();
  button().click();
  await host.updateComplete;
  button().click();
  await waitUntil(() => sent() > before, 'no request was sent');
  button().click();
  await new Promise((done) => setTimeout(done));
  await host.updateComplete;
}
