/**
 * What the target picker offers: the reader's products grouped by owner (their
 * sandbox, then each organization) and their organizations; how a partial's
 * `product=` / `org=` or the session's org preselects one; and how a target is named
 * in sentences. Pure apart from `loadTargets`, which asks the core.
 */
import type { ApiClient } from '../api-helper/client.js';
import { ApiError } from '../api-helper/errors.js';
import { listOrgProducts, listOrgs, listSandboxProducts } from '../api-helper/products.js';
import type { CallOptions, Org, Product, Target } from '../api-helper/types.js';

export interface OrgProducts {
  org: Org;
  products: Product[];
}

export interface TargetCatalog {
  /** Products the reader owns outside any organization. */
  sandbox: Product[];
  /** Each organization with its products. */
  orgs: OrgProducts[];
}

/** Loads the reader's sandbox products, organizations and each organization's products. */
export async function loadTargets(
  api: ApiClient,
  options: CallOptions = {},
): Promise<TargetCatalog> {
  const [products, orgs] = await Promise.all([
    listSandboxProducts(api, options),
    listOrgs(api, options),
  ]);
  const perOrg = await Promise.all(
    orgs.map(async (org) => ({ org, products: await orgProductsOrNone(api, org, options) })),
  );
  // `/v1/user/products` may also list organization products: show each under its owner only.
  const inOrgs = new Set(perOrg.flatMap((o) => o.products.map((p) => String(p.id))));
  const sandbox = products.filter((p) => !p.organization_id && !inOrgs.has(String(p.id)));
  return { sandbox, orgs: perOrg };
}

/**
 * An organization's products; none when the reader may not list them (a member without
 * `products:list`), so one closed organization does not hide all the others.
 */
async function orgProductsOrNone(
  api: ApiClient,
  org: Org,
  options: CallOptions,
): Promise<Product[]> {
  try {
    return await listOrgProducts(api, org.id, options);
  } catch (error) {
    if (error instanceof ApiError && (error.kind === 'forbidden' || error.kind === 'not-found')) {
      return [];
    }
    throw error;
  }
}

const byIdOrSlug = (wanted: string) => (item: { id: string | number; slug: string }) =>
  String(item.id) === wanted || item.slug === wanted;

export function allProducts(catalog: TargetCatalog): Product[] {
  return [...catalog.sandbox, ...catalog.orgs.flatMap((o) => o.products)];
}

export function findProduct(catalog: TargetCatalog, idOrSlug: string): Product | undefined {
  return allProducts(catalog).find(byIdOrSlug(idOrSlug));
}

export function findOrg(catalog: TargetCatalog, idOrSlug: string): Org | undefined {
  return catalog.orgs.map((o) => o.org).find(byIdOrSlug(idOrSlug));
}

export interface Preselect {
  /** The partial's `product=` (id or slug). */
  product?: string;
  /** The partial's `org=` (id or slug). */
  org?: string;
  /** The organization chosen in `<particle-sso select-org>`. */
  sessionOrg?: string;
}

/**
 * The target to start with: the partial's product, else the partial's org, else the
 * session's org, else the first product, else the first org. `missing` names an
 * attribute value that matched nothing the reader can reach, so the picker can say so.
 */
export function preselect(
  catalog: TargetCatalog,
  wanted: Preselect,
): { target?: Target; missing?: string } {
  const product = wanted.product ? findProduct(catalog, wanted.product) : undefined;
  if (product) return { target: { kind: 'product', id: String(product.id) } };
  const org = wanted.org ? findOrg(catalog, wanted.org) : undefined;
  const missing =
    (wanted.product && !product ? wanted.product : undefined) ??
    (wanted.org && !org ? wanted.org : undefined);
  if (org) return { target: { kind: 'org', id: org.id }, missing };
  const sessionOrg = wanted.sessionOrg ? findOrg(catalog, wanted.sessionOrg) : undefined;
  if (sessionOrg) return { target: { kind: 'org', id: sessionOrg.id }, missing };
  const first = allProducts(catalog)[0];
  if (first) return { target: { kind: 'product', id: String(first.id) }, missing };
  const firstOrg = catalog.orgs[0]?.org;
  return { target: firstOrg ? { kind: 'org', id: firstOrg.id } : undefined, missing };
}

/** The target in a sentence: `the product “Widgets” (1234)` / `the organization “Acme Inc”`. */
export function describeTarget(catalog: TargetCatalog | undefined, target: Target): string {
  if (target.kind === 'product') {
    const product = catalog && findProduct(catalog, target.id);
    return product ? `the product “${product.name}” (${product.id})` : `the product ${target.id}`;
  }
  const org = catalog && findOrg(catalog, target.id);
  return org ? `the organization “${org.name}”` : `the organization ${target.id}`;
}

export function sameTarget(a: Target | undefined, b: Target | undefined): boolean {
  return !!a && !!b && a.kind === b.kind && a.id === b.id;
}

/**
 * Whether a list showing `shown` lists API users made for `changed`: the same target,
 * or an organization whose product it is (an org's team lists its products' API users).
 */
export function covers(
  catalog: TargetCatalog | undefined,
  shown: Target,
  changed: Target,
): boolean {
  if (sameTarget(shown, changed)) return true;
  if (shown.kind !== 'org' || changed.kind !== 'product' || !catalog) return false;
  const entry = catalog.orgs.find((o) => o.org.id === shown.id);
  return !!entry?.products.some((p) => String(p.id) === changed.id);
}
