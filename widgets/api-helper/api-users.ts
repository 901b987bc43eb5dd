/**
 * A product's or organization's team, and the API users in it (particle-api.md §5).
 * Usernames like `name+x7k2@api.particle.io` go into the path with
 * `encodeSegment` (`encodeURIComponent` that never throws): `+` becomes `%2B` and `@` `%40`, which servers decode back
 * to the literal characters (a raw `+` could be read as a space).
 */
import { type ApiClient, encodeSegment } from './client.js';
import { ApiError, unreadableReply } from './errors.js';
import type { ApiRequest, ApiUserCredentials, CallOptions, Target, TeamMember } from './types.js';

export function teamPath(target: Target, username?: string): string {
  const prefix = target.kind === 'product' ? 'products' : 'orgs';
  const base = `/v1/${prefix}/${encodeSegment(target.id)}/team`;
  return username === undefined ? base : `${base}/${encodeSegment(username)}`;
}

export interface ApiUserFields {
  friendlyName: string;
  scopes: string[];
}

export const listTeamRequest = (target: Target): ApiRequest => ({
  method: 'GET',
  path: teamPath(target),
  auth: 'session',
});

export const createApiUserRequest = (
  target: Target,
  { friendlyName, scopes }: ApiUserFields,
): ApiRequest => ({
  method: 'POST',
  path: teamPath(target),
  json: { friendly_name: friendlyName, scopes },
  auth: 'session',
});

export function updateApiUserRequest(
  target: Target,
  username: string,
  {
    friendlyName,
    scopes,
  }: Partial<Pick<ApiUserFields, 'friendlyName'>> & Pick<ApiUserFields, 'scopes'>,
): ApiRequest {
  const json = friendlyName === undefined ? { scopes } : { friendly_name: friendlyName, scopes };
  return { method: 'PUT', path: teamPath(target, username), json, auth: 'session' };
}

export const deleteApiUserRequest = (target: Target, username: string): ApiRequest => ({
  method: 'DELETE',
  path: teamPath(target, username),
  auth: 'session',
});

/** What to call a member: its friendly name, or its username when it has none. */
export const memberName = (member: TeamMember): string => member.friendly_name || member.username;

/** Every member of the team, humans and API users (`is_programmatic`) alike. */
export async function listTeam(
  api: ApiClient,
  target: Target,
  call?: CallOptions,
): Promise<TeamMember[]> {
  const body = await api.send<{ team?: unknown }>(listTeamRequest(target), call);
  // Without a `team` array the reply says nothing about the team: not "0 members".
  if (!Array.isArray(body.team)) throw unreadableReply(200);
  return body.team as TeamMember[];
}

interface CreatedBody {
  username?: unknown;
  friendly_name?: unknown;
  scopes?: unknown;
  tokens?: { token?: unknown }[];
}

/** Reads `created` / `updated` (§5.2, §5.3): a success without a token is the server's fault. */
function toCredentials(
  entry: CreatedBody | undefined,
  fields: Partial<ApiUserFields>,
): ApiUserCredentials {
  const token = entry?.tokens?.[0]?.token;
  if (typeof entry?.username !== 'string' || typeof token !== 'string') {
    throw new ApiError({
      kind: 'server',
      status: 200,
      message:
        'The Particle API did not return the API user and its token. Check the team list, then try again.',
    });
  }
  const scopes = Array.isArray(entry.scopes) ? (entry.scopes as string[]) : fields.scopes;
  const friendlyName =
    typeof entry.friendly_name === 'string' ? entry.friendly_name : fields.friendlyName;
  return { username: entry.username, token, friendlyName, scopes };
}

/** Creates an API user; its token is shown once and never expires. */
export async function createApiUser(
  api: ApiClient,
  target: Target,
  fields: ApiUserFields,
  call?: CallOptions,
): Promise<ApiUserCredentials> {
  const body = await api.send<{ created?: CreatedBody }>(
    createApiUserRequest(target, fields),
    call,
  );
  return toCredentials(body.created, fields);
}

/** Changes an API user's scopes (and name); the API replaces its token, returned here. */
export async function updateApiUser(
  api: ApiClient,
  target: Target,
  username: string,
  fields: { friendlyName?: string; scopes: string[] },
  call?: CallOptions,
): Promise<ApiUserCredentials> {
  const body = await api.send<{ updated?: CreatedBody }>(
    updateApiUserRequest(target, username, fields),
    call,
  );
  return toCredentials(body.updated, fields);
}

/** Removes the API user and, with it, its token. */
export async function deleteApiUser(
  api: ApiClient,
  target: Target,
  username: string,
  call?: CallOptions,
): Promise<void> {
  await api.send(deleteApiUserRequest(target, username), call);
}
