/**
 * The `--data FILE` format (documented in emulator/README.md) and its conversion into a `State`.
 * The seed data uses the same shape, so both go through one validator.
 */
import { apiUsername, stableHex } from './ids.js';
import { KNOWN_SCOPES } from './scopes.js';
import { type ApiUser, type Member, ROLES, type Role, type State, type User } from './types.js';

export interface MemberData {
  username: string;
  role: Role;
}

export interface ApiUserData {
  friendlyName: string;
  scopes: string[];
  /**
   * Optional: scopes outside §6's list (any non-empty text), appended to `scopes`. An API user
   * made when the API knew scopes this list lacks looks like this; they grant nothing here.
   */
  unlistedScopes?: string[];
  /** Optional: a stable name is derived from the friendly name when omitted. */
  username?: string;
  /** Optional: 40 lowercase hex; a stable token is derived from the username when omitted. */
  token?: string;
}

export interface DataFile {
  users: {
    username: string;
    password: string;
    firstName?: string;
    lastName?: string;
    mfaSecret?: string | null;
    queryTokenDisabled?: boolean;
    ssoOnly?: boolean;
  }[];
  orgs?: {
    id?: string;
    slug: string;
    name: string;
    team?: MemberData[];
    apiUsers?: ApiUserData[];
  }[];
  products?: {
    id: number;
    slug: string;
    name: string;
    description?: string;
    platformId?: number;
    /** Slug of the owning org; omit for a sandbox product (then `owner` is required). */
    org?: string;
    owner?: string;
    groups?: string[];
    team?: MemberData[];
    apiUsers?: ApiUserData[];
  }[];
}

/** Thrown for a data file that does not have the documented shape; the message names the field. */
export class DataFileError extends Error {}

type Json = Record<string, unknown>;

function fail(path: string, what: string): never {
  throw new DataFileError(`${path} ${what}`);
}
/** The fields each kind of object may have: a misspelt one is an error, not silently ignored. */
const FIELDS = {
  root: ['users', 'orgs', 'products'],
  user: [
    'username',
    'password',
    'firstName',
    'lastName',
    'mfaSecret',
    'queryTokenDisabled',
    'ssoOnly',
  ],
  org: ['id', 'slug', 'name', 'team', 'apiUsers'],
  product: [
    'id',
    'slug',
    'name',
    'description',
    'platformId',
    'org',
    'owner',
    'groups',
    'team',
    'apiUsers',
  ],
  member: ['username', 'role'],
  apiUser: ['friendlyName', 'scopes', 'unlistedScopes', 'username', 'token'],
} as const;

function object(value: unknown, path: string, fields: readonly string[]): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    fail(path, 'must be an object');
  const unknown = Object.keys(value).find((key) => !fields.includes(key));
  if (unknown !== undefined) {
    fail(path, `has an unknown field "${unknown}" (known: ${fields.join(', ')})`);
  }
  return value as Json;
}
function list(value: unknown, path: string): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail(path, 'must be an array');
  return value;
}
function text(value: unknown, path: string, optional = false): string {
  if (optional && value === undefined) return '';
  if (typeof value !== 'string' || value.length === 0) fail(path, 'must be a non-empty string');
  return value;
}

function member(value: unknown, path: string, users: Map<string, User>): Member {
  const m = object(value, path, FIELDS.member);
  const username = text(m.username, `${path}.username`);
  if (!users.has(username)) fail(`${path}.username`, `"${username}" is not one of the users`);
  if (!ROLES.includes(m.role as Role)) fail(`${path}.role`, `must be one of ${ROLES.join(', ')}`);
  return { username, role: m.role as Role };
}

function apiUser(
  value: unknown,
  path: string,
  owner: Pick<ApiUser, 'productId' | 'orgId'>,
): ApiUser {
  const a = object(value, path, FIELDS.apiUser);
  const friendlyName = text(a.friendlyName, `${path}.friendlyName`);
  const scopes = list(a.scopes, `${path}.scopes`).map((s, i) => text(s, `${path}.scopes[${i}]`));
  for (const s of scopes)
    if (!KNOWN_SCOPES.has(s))
      fail(`${path}.scopes`, `has an unknown scope "${s}" (put it in unlistedScopes if meant)`);
  const unlisted = list(a.unlistedScopes, `${path}.unlistedScopes`).map((s, i) =>
    text(s, `${path}.unlistedScopes[${i}]`),
  );
  for (const s of unlisted)
    if (KNOWN_SCOPES.has(s))
      fail(`${path}.unlistedScopes`, `has "${s}", which is listed: move it to scopes`);
  const username =
    a.username === undefined
      ? apiUsername(friendlyName, `${path} ${friendlyName}`)
      : text(a.username, `${path}.username`);
  const token =
    a.token === undefined ? stableHex(`token:${username}`) : text(a.token, `${path}.token`);
  if (!/^[0-9a-f]{40}$/.test(token)) fail(`${path}.token`, 'must be 40 lowercase hex characters');
  return { username, friendlyName, scopes: [...scopes, ...unlisted], token, ...owner };
}

/** Builds a fresh `State` from parsed JSON, or throws a `DataFileError` naming the bad field. */
export function stateFromData(data: unknown): State {
  const root = object(data, 'the data file', FIELDS.root);
  const state: State = {
    users: new Map(),
    orgs: [],
    products: [],
    apiUsers: new Map(),
    tokens: new Map(),
    mfaChallenges: new Map(),
  };
  list(root.users, 'users').forEach((value, i) => {
    const u = object(value, `users[${i}]`, FIELDS.user);
    const username = text(u.username, `users[${i}].username`);
    // Logins match emails case-insensitively, so `Ann@x` would shadow `ann@x`.
    if ([...state.users.keys()].some((name) => name.toLowerCase() === username.toLowerCase())) {
      fail(`users[${i}].username`, `"${username}" appears twice (emails ignore case)`);
    }
    const mfaSecret = u.mfaSecret == null ? null : text(u.mfaSecret, `users[${i}].mfaSecret`);
    if (mfaSecret && !/^[A-Z2-7]+=*$/.test(mfaSecret))
      fail(`users[${i}].mfaSecret`, 'must be base32');
    state.users.set(username, {
      id: stableHex(`user:${username}`, 24),
      username,
      password: text(u.password, `users[${i}].password`),
      firstName: text(u.firstName, `users[${i}].firstName`, true),
      lastName: text(u.lastName, `users[${i}].lastName`, true),
      mfaSecret,
      queryTokenDisabled: u.queryTokenDisabled === true,
      ssoOnly: u.ssoOnly === true,
    });
  });
  const addApiUsers = (
    values: unknown,
    path: string,
    owner: Pick<ApiUser, 'productId' | 'orgId'>,
  ) =>
    list(values, path).forEach((value, i) => {
      const created = apiUser(value, `${path}[${i}]`, owner);
      if (state.apiUsers.has(created.username)) fail(`${path}[${i}].username`, 'appears twice');
      const token = created.token!;
      if (state.tokens.has(token)) fail(`${path}[${i}].token`, 'is the token of another API user');
      state.apiUsers.set(created.username, created);
      state.tokens.set(token, {
        token,
        username: created.username,
        client: 'user',
        createdAt: 0,
        expiresAt: null,
        refreshToken: null,
        apiUser: true,
        revoked: false,
      });
    });
  list(root.orgs, 'orgs').forEach((value, i) => {
    const o = object(value, `orgs[${i}]`, FIELDS.org);
    const slug = text(o.slug, `orgs[${i}].slug`);
    const id = o.id === undefined ? stableHex(`org:${slug}`, 24) : text(o.id, `orgs[${i}].id`);
    if (!/^[0-9a-f]{24}$/.test(id)) fail(`orgs[${i}].id`, 'must be 24 lowercase hex characters');
    if (state.orgs.some((q) => q.id === id || q.slug === slug)) {
      fail(`orgs[${i}]`, 'repeats the id or slug of an earlier org');
    }
    const team = list(o.team, `orgs[${i}].team`).map((m, j) =>
      member(m, `orgs[${i}].team[${j}]`, state.users),
    );
    state.orgs.push({ id, slug, name: text(o.name, `orgs[${i}].name`), team });
    addApiUsers(o.apiUsers, `orgs[${i}].apiUsers`, { productId: null, orgId: id });
  });
  list(root.products, 'products').forEach((value, i) => {
    const p = object(value, `products[${i}]`, FIELDS.product);
    const path = `products[${i}]`;
    if (!Number.isSafeInteger(p.id) || (p.id as number) <= 0)
      fail(`${path}.id`, 'must be a positive integer');
    if (state.products.some((q) => q.id === p.id || q.slug === p.slug)) {
      fail(path, 'repeats the id or slug of an earlier product');
    }
    if (p.org !== undefined && p.owner !== undefined) {
      fail(path, 'has both org and owner: an org product has no owner, a sandbox product no org');
    }
    const org = p.org === undefined ? null : state.orgs.find((o) => o.slug === p.org);
    if (org === undefined)
      fail(`${path}.org`, `"${String(p.org)}" is not the slug of one of the orgs`);
    const owner = org ? null : text(p.owner, `${path}.owner`);
    if (owner && !state.users.has(owner))
      fail(`${path}.owner`, `"${owner}" is not one of the users`);
    state.products.push({
      id: p.id as number,
      slug: text(p.slug, `${path}.slug`),
      name: text(p.name, `${path}.name`),
      description: text(p.description, `${path}.description`, true),
      platformId: typeof p.platformId === 'number' ? p.platformId : 12,
      orgId: org?.id ?? null,
      owner,
      groups: list(p.groups, `${path}.groups`).map((g, j) => text(g, `${path}.groups[${j}]`)),
      team: list(p.team, `${path}.team`).map((m, j) =>
        member(m, `${path}.team[${j}]`, state.users),
      ),
    });
    addApiUsers(p.apiUsers, `${path}.apiUsers`, { productId: p.id as number, orgId: null });
  });
  return state;
}
