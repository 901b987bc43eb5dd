/**
 * The two error-body families of particle-api.md §1.3. Handlers throw a `ParticleError`; the one
 * top-level `onError` (app.ts) renders it, so no handler builds an error body by hand.
 */

import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export type OAuthErrorBody = { error: string; error_description: string; mfa_token?: string };
/** `info` appears on some app-layer errors (§1.3); only forced faults (README) send it here. */
export type AppErrorBody = { ok: false; error: string; info?: string };

export class ParticleError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly body: OAuthErrorBody | AppErrorBody,
    readonly headers: Record<string, string> = {},
  ) {
    super(status, { message: 'error_description' in body ? body.error_description : body.error });
  }

  override getResponse(): Response {
    return Response.json(this.body, { status: this.status, headers: this.headers });
  }
}

/** The OAuth family (S7): `{error, error_description}`, never cached. */
export function oauthError(
  status: ContentfulStatusCode,
  error: string,
  description: string,
  extra: { headers?: Record<string, string>; mfaToken?: string } = {},
): ParticleError {
  const body: OAuthErrorBody = extra.mfaToken
    ? { mfa_token: extra.mfaToken, error, error_description: description }
    : { error, error_description: description };
  const headers: Record<string, string> = {
    'Cache-Control': 'no-store',
    Pragma: 'no-cache',
    ...extra.headers,
  };
  if (error === 'invalid_client') headers['WWW-Authenticate'] = 'Basic realm="Service"';
  return new ParticleError(status, body, headers);
}

/** The app family (api-service): `{ok: false, error}`. */
export const appError = (
  status: ContentfulStatusCode,
  message: string,
  headers: Record<string, string> = {},
): ParticleError => new ParticleError(status, { ok: false, error: message }, headers);

export const invalidRequest = (description: string) =>
  oauthError(400, 'invalid_request', description);
export const invalidToken = () =>
  oauthError(401, 'invalid_token', 'The access token provided is invalid.');
export const expiredToken = () =>
  oauthError(401, 'invalid_token', 'The access token provided has expired.');

/** §5.6: the documented "standard 400 unauthorized" of API users (see README for the choice). */
export const apiUsersNotAllowed = () =>
  oauthError(400, 'unauthorized', 'API users are not allowed to call this endpoint');
export const missingScope = (scope: string) =>
  oauthError(
    400,
    'unauthorized',
    `This API user is missing the scope "${scope}" for this endpoint`,
  );
