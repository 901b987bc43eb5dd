/**
 * Validation of team request bodies (§5.2–§5.3). Undocumented by Particle, so [INFERRED]:
 * every problem is a 400 `{ok:false,error}` whose text names the field (see README).
 */
import { appError } from '../errors.js';
import type { Body } from '../middleware/body.js';
import { KNOWN_SCOPES } from '../model/scopes.js';
import { type Member, ROLES, type Role } from '../model/types.js';

const MAX_FRIENDLY_NAME = 255;

export function readFriendlyName(body: Body): string {
  const name = body.friendly_name;
  if (typeof name !== 'string' || name.trim() === '') {
    throw appError(400, 'friendly_name is required: give the API user a name');
  }
  if (name.length > MAX_FRIENDLY_NAME) {
    throw appError(400, `friendly_name is too long: use at most ${MAX_FRIENDLY_NAME} characters`);
  }
  return name.trim();
}

/** A non-empty list of known scopes, without duplicates (a single form value counts as one). */
export function readScopes(body: Body): string[] {
  const raw = typeof body.scopes === 'string' ? [body.scopes] : body.scopes;
  if (!Array.isArray(raw) || raw.length === 0) {
    throw appError(400, 'scopes is required: pick at least one scope');
  }
  const scopes = [...new Set(raw)];
  for (const scope of scopes) {
    if (typeof scope !== 'string' || !KNOWN_SCOPES.has(scope)) {
      throw appError(400, `Unknown scope: ${JSON.stringify(scope)}`);
    }
  }
  return scopes as string[];
}

export function readRole(body: Body): Role {
  if (!ROLES.includes(body.role as Role)) {
    throw appError(400, `role must be one of ${ROLES.join(', ')}`);
  }
  return body.role as Role;
}

/** A human invitation: an email-like username and a role (Developer when omitted). */
export function readInvite(body: Body): Member {
  const username = body.username;
  if (typeof username !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(username)) {
    throw appError(400, 'username must be the email address of the person to invite');
  }
  return { username, role: body.role === undefined ? 'Developer' : readRole(body) };
}
