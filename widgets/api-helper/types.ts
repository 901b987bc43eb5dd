/**
 * Shapes shared by the api-helper core. Our own constructs (requests, grants,
 * credentials) are camelCase; resources are typed as the API sends them
 * (snake_case), so nothing is lost or renamed between the wire and the elements.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * How a request authenticates: with the logged-in session's token, with the
 * OAuth client (`particle:particle`, HTTP Basic, `/oauth/token` only), not at
 * all, or with an explicit token (e.g. checking a pasted token before it
 * becomes the session). Tokens only ever travel in the `Authorization` header.
 */
export type RequestAuth = 'session' | 'client' | 'none' | { token: string };

/** One call to the API, as data: built by the resource modules, sent by `ApiClient`. */
export interface ApiRequest {
  method: HttpMethod;
  /** Path below the API origin, starting with `/` (e.g. `/v1/user`). */
  path: string;
  /** Form fields (`application/x-www-form-urlencoded`); `/oauth/token` only. */
  form?: Record<string, string>;
  /** JSON body; every other call with a body. */
  json?: unknown;
  auth: RequestAuth;
}

export interface CallOptions {
  /** Aborts the call (kind `aborted`). */
  signal?: AbortSignal;
  /** Overrides the client's timeout for this call (kind `timeout`). */
  timeoutMs?: number;
  /**
   * Called once the call is over (answered, failed or aborted) with what went over
   * the wire, for the element's "Request and response" pane. It holds the secrets
   * as sent: show it through `exchange.ts`, which redacts them, and never log it.
   */
  onExchange?: (exchange: Exchange) => void;
}

/** One request and its response, as the browser sent and received them. */
export interface Exchange {
  /** The call as described by the resource module (for "Copy as curl"). */
  request: ApiRequest;
  url: string;
  /** What was passed to `fetch`: method, headers (`Authorization` included) and body as sent. */
  init: RequestInit;
  /**
   * The answer (its body already read into `text`); its `headers` are those the page may
   * read (CORS-safelisted and exposed). Undefined when no answer came (see `failure`).
   */
  response?: Response;
  /** The response body as received. */
  text?: string;
  /** Why no response came (offline, CORS, timeout, aborted), as a sentence. */
  failure?: string;
  /** From sending to the end of the body, in milliseconds. */
  durationMs: number;
}

/** A new access token from `POST /oauth/token`. */
export interface TokenGrant {
  accessToken: string;
  /** Lifetime in seconds; 0 means the token never expires. */
  expiresIn: number;
  /** Epoch milliseconds, or null when the token never expires. */
  expiresAt: number | null;
}

/**
 * Step one of a login: either a token, or an MFA challenge to answer with
 * `verifyMfa`. `expiresIn` of the challenge is the token lifetime asked for in
 * step one; the server carries it over to the token step two issues.
 */
export type LoginOutcome =
  | { status: 'ok'; grant: TokenGrant }
  | { status: 'mfa'; mfaToken: string; expiresIn: number };

/** `GET /v1/user` (particle-api.md §3.1); fields beyond these are kept as sent. */
export interface UserInfo {
  username: string;
  mfa?: { enabled: boolean };
  account_info?: { first_name?: string; last_name?: string; business_account?: boolean };
  [field: string]: unknown;
}

/** `GET /v1/access_tokens/current` (§2.3); `expires_at` is null for a token that never expires. */
export interface TokenInfo {
  expires_at: string | null;
  client?: string;
  client_id?: string;
  scopes: string[];
  orgs: { id: string; slug: string }[];
}

/** A product as listed by `/v1/user/products` or `/v1/orgs/:org/products` (§4.1). */
export interface Product {
  id: number;
  slug: string;
  name: string;
  platform_id?: number;
  description?: string;
  org?: string;
  organization_id?: string;
  [field: string]: unknown;
}

/** An organization as listed by `/v1/orgs` (§4.3). */
export interface Org {
  id: string;
  slug: string;
  name: string;
}

/** A product's or org's team entry (§5.1); API users have `is_programmatic: true`. */
export interface TeamMember {
  username: string;
  _id?: string;
  friendly_name?: string;
  scopes?: string[];
  is_programmatic?: boolean;
  product_id?: number | null;
  no_mfa?: boolean;
  role?: { id: string; name: string };
  [field: string]: unknown;
}

/** The product or organization whose team an API-user call works on. */
export type Target = { kind: 'product'; id: string } | { kind: 'org'; id: string };

/** What creating or updating an API user returns: its username and its (new) token. */
export interface ApiUserCredentials {
  username: string;
  token: string;
  friendlyName?: string;
  scopes?: string[];
}
