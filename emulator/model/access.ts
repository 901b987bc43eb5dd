/**
 * Who sees what: product and org lookup, membership, and the JSON shapes of §4 and §5.
 */
import { stableHex } from './ids.js';
import type { ApiUser, Member, Org, Product, State, Target } from './types.js';

/** A product by numeric id or slug (§1.4); an org by 24-hex id or slug. */
export const findProduct = (state: State, idOrSlug: string): Product | undefined =>
  state.products.find((p) => String(p.id) === idOrSlug || p.slug === idOrSlug);
export const findOrg = (state: State, idOrSlug: string): Org | undefined =>
  state.orgs.find((o) => o.id === idOrSlug || o.slug === idOrSlug);

/** Human members of a target: an org product also has its org's team (§5.1). */
export function humanTeam(state: State, target: Target): Member[] {
  if (target.kind === 'org') return target.org.team;
  const org = state.orgs.find((o) => o.id === target.product.orgId);
  const members = [...target.product.team];
  for (const m of org?.team ?? [])
    if (!members.some((x) => x.username === m.username)) members.push(m);
  return members;
}

export const memberOf = (state: State, target: Target, username: string): Member | undefined =>
  humanTeam(state, target).find((m) => m.username === username);

/** An API user reaches its own product, or its own org and that org's products. */
export function apiUserReaches(apiUser: ApiUser, target: Target): boolean {
  if (target.kind === 'org') return apiUser.orgId === target.org.id;
  return (
    apiUser.productId === target.product.id ||
    (apiUser.orgId !== null && apiUser.orgId === target.product.orgId)
  );
}

/** API users listed on a team: an org's list includes those of all its products (§5.1). */
export function apiUsersOf(state: State, target: Target): ApiUser[] {
  const all = [...state.apiUsers.values()];
  if (target.kind === 'product') return all.filter((a) => a.productId === target.product.id);
  const productIds = new Set(
    state.products.filter((p) => p.orgId === target.org.id).map((p) => p.id),
  );
  return all.filter(
    (a) => a.orgId === target.org.id || (a.productId !== null && productIds.has(a.productId)),
  );
}

/** Sandbox products the user belongs to (GET /v1/user/products). */
export const sandboxProductsOf = (state: State, username: string): Product[] =>
  state.products.filter(
    (p) =>
      p.orgId === null && (p.owner === username || p.team.some((m) => m.username === username)),
  );

export const orgsOf = (state: State, username: string): Org[] =>
  state.orgs.filter((o) => o.team.some((m) => m.username === username));

export function productJson(state: State, product: Product) {
  const org = state.orgs.find((o) => o.id === product.orgId);
  return {
    id: product.id,
    platform_id: product.platformId,
    name: product.name,
    slug: product.slug,
    description: product.description,
    subscription_id: 1000 + product.id,
    ...(product.owner ? { user: product.owner } : {}),
    ...(org ? { org: org.name, organization_id: org.id } : {}),
    groups: product.groups,
    settings: { location: {}, known_application: { opt_in: true }, quarantine: false },
  };
}

export const orgJson = (org: Org) => ({ id: org.id, slug: org.slug, name: org.name });

/** Role ids: the doc example's Administrator id, then the next numbers ([INFERRED]). */
const ROLE_IDS: Record<Member['role'], string> = {
  Administrator: '000000000000000000000002',
  Developer: '000000000000000000000003',
  'View-only': '000000000000000000000004',
  Support: '000000000000000000000005',
};

export function humanJson(state: State, member: Member) {
  const user = state.users.get(member.username);
  return {
    _id: user?.id ?? stableHex(`user:${member.username}`, 24), // invited, no account yet
    username: member.username,
    no_mfa: !user?.mfaSecret,
    scim_provisioned: false,
    no_password: false,
    role: { id: ROLE_IDS[member.role], name: member.role },
  };
}

export const apiUserJson = (apiUser: ApiUser) => ({
  username: apiUser.username,
  friendly_name: apiUser.friendlyName,
  scopes: apiUser.scopes,
  is_programmatic: true,
  product_id: apiUser.productId,
});
