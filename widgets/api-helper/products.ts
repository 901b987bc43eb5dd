/** Products and organizations the session's user can see (particle-api.md §4). */
import { type ApiClient, encodeSegment } from './client.js';
import type { ApiRequest, CallOptions, Org, Product } from './types.js';

const get = (path: string): ApiRequest => ({ method: 'GET', path, auth: 'session' });

export const listSandboxProductsRequest = () => get('/v1/user/products');
export const listOrgsRequest = () => get('/v1/orgs');
export const listOrgProductsRequest = (org: string) =>
  get(`/v1/orgs/${encodeSegment(org)}/products`);

/** Products owned by the user (not an organization's). */
export async function listSandboxProducts(api: ApiClient, call?: CallOptions): Promise<Product[]> {
  const body = await api.send<{ products?: Product[] }>(listSandboxProductsRequest(), call);
  return (body.products ?? []).filter((product) => !product.organization_id);
}

export async function listOrgs(api: ApiClient, call?: CallOptions): Promise<Org[]> {
  const body = await api.send<{ organizations?: Org[] }>(listOrgsRequest(), call);
  return body.organizations ?? [];
}

/** The products of one organization, by id or slug. */
export async function listOrgProducts(
  api: ApiClient,
  org: string,
  call?: CallOptions,
): Promise<Product[]> {
  const body = await api.send<{ products?: Product[] }>(listOrgProductsRequest(org), call);
  return body.products ?? [];
}
