/**
 * Resolves a product or org from the path and checks that the caller may see it (README:
 * unknown → 404, not a member → 403, API user without the scope → 400 unauthorized).
 */
import { appError } from '../errors.js';
import { type Auth, requireScope } from '../middleware/bearer-auth.js';
import { apiUserReaches, findOrg, findProduct, memberOf } from '../model/access.js';
import type { State, Target } from '../model/types.js';

export type TargetKind = Target['kind'];

export function resolveTarget(
  state: State,
  auth: Auth,
  kind: TargetKind,
  idOrSlug: string,
  scope: string,
): Target {
  const target = lookup(state, kind, idOrSlug);
  const noun = kind === 'product' ? 'product' : 'organization';
  const allowed = auth.apiUser
    ? apiUserReaches(auth.apiUser, target)
    : memberOf(state, target, auth.user.username) !== undefined;
  if (!allowed) throw appError(403, `You are not a member of this ${noun}`);
  requireScope(auth, scope);
  return target;
}

function lookup(state: State, kind: TargetKind, idOrSlug: string): Target {
  if (kind === 'product') {
    const product = findProduct(state, idOrSlug);
    if (product) return { kind, product };
    throw appError(404, 'Product not found');
  }
  const org = findOrg(state, idOrSlug);
  if (org) return { kind, org };
  throw appError(404, 'Organization not found');
}

/** Humans change a team only as its Administrator; API users by scope (checked by the caller). */
export function requireAdmin(state: State, auth: Auth, target: Target): void {
  if (auth.apiUser) return;
  const role = memberOf(state, target, auth.user.username)?.role;
  const owner = target.kind === 'product' && target.product.owner === auth.user.username;
  if (role !== 'Administrator' && !owner) {
    throw appError(403, 'Only an Administrator can change this team');
  }
}

export const productFor = (state: State, auth: Auth, idOrSlug: string, scope: string) =>
  (resolveTarget(state, auth, 'product', idOrSlug, scope) as Extract<Target, { kind: 'product' }>)
    .product;

export const orgFor = (state: State, auth: Auth, idOrSlug: string, scope: string) =>
  (resolveTarget(state, auth, 'org', idOrSlug, scope) as Extract<Target, { kind: 'org' }>).org;
