/**
 * What the "Request and response" pane shows of a recorded exchange. The record
 * keeps the secrets as sent (the reader may reveal them); everything here hides
 * them unless `reveal` is set: the bearer token, the password, the one-time code
 * and the MFA challenge in the request, and tokens in the response body.
 * Imported by the pane's view only, so it loads when a pane is first opened.
 */
import { toCurl } from './snippets.js';
import type { Exchange } from './types.js';

/** What a hidden secret reads as. A fixed run, so it does not give away the length. */
export const MASK = '••••';

/** Form fields of `/oauth/token` whose values are secrets. */
const SECRET_FIELDS = new Set(['password', 'otp', 'mfa_token']);

/** JSON keys whose string values are secrets: a login's token, an API user's token, a challenge. */
export const SECRET_KEYS = new Set(['access_token', 'refresh_token', 'token', 'mfa_token']);

/** Secrets shorter than this are hidden only where they belong (a field), not in any text. */
const MIN_SEARCHED = 8;

export interface ShownExchange {
  /** `POST https://api.particle.io/oauth/token` */
  requestLine: string;
  requestHeaders: [string, string][];
  requestBody?: string;
  /** The request's body is JSON (highlight it). */
  requestJson: boolean;
  /** `200 OK`, or null when no response came. */
  statusLine: string | null;
  responseHeaders: [string, string][];
  responseBody: string;
  durationMs: number;
  /** Bytes of the response body (UTF-8). */
  size: number;
  failure?: string;
  /** The request as a curl command: `$PARTICLE_ACCESS_TOKEN` and friends unless revealed. */
  curl: string;
  /** Strings to hide wherever they appear (tokens), for the JSON highlighter. Empty when revealed. */
  secrets: string[];
}

/** The exchange as the pane shows it; secrets masked unless `reveal`. */
export function showExchange(exchange: Exchange, reveal: boolean): ShownExchange {
  const secrets = reveal ? [] : secretsIn(exchange);
  const hide = (text: string) => maskSecrets(text, secrets);
  const { response } = exchange;
  const body = bodyOf(exchange);
  const responseBody = exchange.text ?? '';
  return {
    requestLine: `${exchange.request.method} ${exchange.url}`,
    requestHeaders: Object.entries(headersOf(exchange)).map(([name, value]) => [
      name,
      reveal ? value : hideBearer(value),
    ]),
    requestBody: body === undefined ? undefined : hide(shownBody(exchange, reveal)),
    requestJson: isJson(headersOf(exchange)['Content-Type']),
    statusLine: response ? `${response.status} ${response.statusText}`.trim() : null,
    responseHeaders: response
      ? [...response.headers].map(([name, value]) => [name, hide(value)])
      : [],
    responseBody,
    durationMs: Math.round(exchange.durationMs),
    size: new TextEncoder().encode(responseBody).length,
    failure: exchange.failure,
    curl: toCurl(baseOf(exchange), exchange.request, { reveal, token: bearerOf(exchange) }),
    secrets,
  };
}

/** `312 bytes`, `4.1 kB`. */
export function formatSize(bytes: number): string {
  return bytes < 1000
    ? `${bytes} byte${bytes === 1 ? '' : 's'}`
    : `${(bytes / 1000).toFixed(1)} kB`;
}

/** Replaces every occurrence of each secret with the mask. */
export function maskSecrets(text: string, secrets: readonly string[]): string {
  return secrets.reduce((out, secret) => out.split(secret).join(MASK), text);
}

/** The API origin: the URL was built as origin + path (client.ts `buildRequest`). */
const baseOf = ({ url, request }: Exchange) => url.slice(0, url.length - request.path.length);

/** The headers as sent (the core always passes a plain object). */
const headersOf = (exchange: Exchange) => (exchange.init.headers ?? {}) as Record<string, string>;
/** The body as sent: form-encoded or JSON text. */
const bodyOf = (exchange: Exchange) => exchange.init.body as string | undefined;

const isJson = (type = '') => /\bjson\b/i.test(type);

const hideBearer = (value: string) => (/^Bearer /i.test(value) ? `Bearer ${MASK}` : value);

function bearerOf(exchange: Exchange): string | undefined {
  return /^Bearer (.+)$/i.exec(headersOf(exchange).Authorization ?? '')?.[1];
}

/** A form body with its secret fields masked, encoded as it was sent. */
function shownBody(exchange: Exchange, reveal: boolean): string {
  const body = bodyOf(exchange) ?? '';
  if (reveal || !/x-www-form-urlencoded/i.test(headersOf(exchange)['Content-Type'] ?? ''))
    return body;
  return [...new URLSearchParams(body)]
    .map(([name, value]) =>
      SECRET_FIELDS.has(name)
        ? `${new URLSearchParams({ [name]: '' })}${MASK}`
        : `${new URLSearchParams({ [name]: value })}`,
    )
    .join('&');
}

/** The long secrets of an exchange: the bearer token, the form's challenge, tokens in the bodies. */
function secretsIn(exchange: Exchange): string[] {
  const found = new Set<string>();
  const bearer = bearerOf(exchange);
  if (bearer) found.add(bearer);
  const body = bodyOf(exchange);
  if (body !== undefined && !isJson(headersOf(exchange)['Content-Type'])) {
    for (const [name, value] of new URLSearchParams(body))
      if (SECRET_FIELDS.has(name)) found.add(value);
  }
  for (const text of [body, exchange.text]) collectTokens(parse(text), found);
  return [...found].filter((secret) => secret.length >= MIN_SEARCHED);
}

function parse(text: string | undefined): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

function collectTokens(value: unknown, found: Set<string>): void {
  if (!value || typeof value !== 'object') return;
  for (const [key, item] of Object.entries(value)) {
    if (typeof item === 'string' && SECRET_KEYS.has(key)) found.add(item);
    else collectTokens(item, found);
  }
}
