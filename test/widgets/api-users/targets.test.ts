import { expect } from '@open-wc/testing';
import type { Org, Product } from '../../../widgets/api-helper/types.js';
import {
  covers,
  describeTarget,
  preselect,
  sameTarget,
  type TargetCatalog,
} from '../../../widgets/api-users/targets.js';
import { acme, acmeProduct, sandboxProduct } from './team-api.js';

const catalog: TargetCatalog = {
  sandbox: [sandboxProduct() as Product],
  orgs: [
    { org: acme() as Org, products: [acmeProduct() as Product] },
    { org: { id: 'org-globex', slug: 'globex', name: 'Globex' }, products: [] },
  ],
};

describe('API-user targets', () => {
  it('preselects product=, then org=, then the session’s org, then the first product', () => {
    expect(preselect(catalog, { product: '2002', org: 'acme' }).target).to.deep.equal({
      kind: 'product',
      id: '2002',
    });
    expect(preselect(catalog, { org: 'globex', sessionOrg: 'org-acme-id' }).target).to.deep.equal({
      kind: 'org',
      id: 'org-globex',
    });
    expect(preselect(catalog, { sessionOrg: 'org-acme-id' }).target).to.deep.equal({
      kind: 'org',
      id: 'org-acme-id',
    });
    expect(preselect(catalog, {}).target).to.deep.equal({ kind: 'product', id: '1001' });
  });

  it('names an attribute that matches nothing, and falls back', () => {
    const { target, missing } = preselect(catalog, { org: 'initech' });
    expect(missing).to.equal('initech');
    expect(target).to.deep.equal({ kind: 'product', id: '1001' });
    expect(preselect({ sandbox: [], orgs: [] }, {}).target).to.equal(undefined);
  });

  it('describes targets for sentences, even unknown ones', () => {
    expect(describeTarget(catalog, { kind: 'product', id: '1001' })).to.equal(
      'the product “Sandbox Widgets” (1001)',
    );
    expect(describeTarget(catalog, { kind: 'org', id: 'org-acme-id' })).to.equal(
      'the organization “Acme Inc”',
    );
    expect(describeTarget(undefined, { kind: 'product', id: '77' })).to.equal('the product 77');
  });

  it('an organization list covers its products’ API users; a product list only its own', () => {
    const org = { kind: 'org', id: 'org-acme-id' } as const;
    expect(covers(catalog, org, { kind: 'product', id: '2002' })).to.equal(true);
    expect(covers(catalog, org, { kind: 'product', id: '1001' })).to.equal(false);
    expect(covers(catalog, { kind: 'product', id: '2002' }, org)).to.equal(false);
    expect(sameTarget(org, { kind: 'product', id: 'org-acme-id' })).to.equal(false);
  });
});
