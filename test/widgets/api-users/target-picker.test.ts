import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import { apiFor } from '../../../widgets/api-helper/client.js';
import type { ParticleTargetPicker } from '../../../widgets/api-users/target-picker.js';
import '../../../widgets/api-users/target-picker.js';
import { heardAsSeen, names } from '../../helpers/ax-tree.js';
import { fakeFetch } from '../../helpers/fake-fetch.js';
import { API, HOSTILE, loggedInEachTest, teamRoutes, until } from './team-api.js';

interface Attrs {
  product?: string;
  org?: string;
  sessionOrg?: string;
}

async function picker(attrs: Attrs = {}): Promise<ParticleTargetPicker> {
  const el = await fixture<ParticleTargetPicker>(html`<particle-target-picker
    .api=${apiFor(API)}
    .product=${attrs.product}
    .org=${attrs.org}
    .sessionOrg=${attrs.sessionOrg}
  ></particle-target-picker>`);
  await until(() => !el.shadowRoot!.querySelector('.busy-hint'), 'choices never loaded');
  return el;
}

const root = (el: ParticleTargetPicker) => el.shadowRoot!;
const select = (el: ParticleTargetPicker) => root(el).querySelector<HTMLSelectElement>('select');
const radio = (el: ParticleTargetPicker, value: string) =>
  root(el).querySelector<HTMLInputElement>(`input[type=radio][value=${value}]`)!;

describe('<particle-target-picker>', () => {
  loggedInEachTest();

  it('is accessible', async () => {
    fakeFetch(teamRoutes());
    await expect(await picker()).to.be.accessible();
  });

  it('groups products by owner, each shown as name and id', async () => {
    fakeFetch(teamRoutes());
    const el = await picker();
    const groups = [...root(el).querySelectorAll('optgroup')];
    expect(groups.map((g) => g.label)).to.deep.equal(['Your sandbox', 'Acme Inc']);
    expect(groups[0]!.textContent).to.contain('Sandbox Widgets (1001)');
    expect(groups[1]!.textContent).to.contain('Acme Tracker (2002)');
    expect(names(await heardAsSeen('products loaded'), 'combobox')).to.deep.equal(['Product']);
    expect(el.value).to.deep.equal({ kind: 'product', id: '1001' });
  });

  it('switches to Organization and reports the change', async () => {
    fakeFetch(teamRoutes());
    const el = await picker();
    const changes = sinon.spy();
    el.addEventListener('change', changes);
    radio(el, 'org').click();
    await el.updateComplete;
    expect(names(await heardAsSeen('organization chosen'), 'combobox')).to.deep.equal([
      'Organization',
    ]);
    expect(select(el)!.textContent).to.contain('Acme Inc (acme)');
    expect(el.value).to.deep.equal({ kind: 'org', id: 'org-acme-id' });
    expect(el.label).to.equal('the organization “Acme Inc”');
    expect(changes).to.have.been.calledOnce;
    radio(el, 'product').click();
    await el.updateComplete;
    expect(el.value).to.deep.equal({ kind: 'product', id: '1001' });
  });

  it('preselects the product named by product= (id or slug)', async () => {
    fakeFetch(teamRoutes());
    const el = await picker({ product: 'acme-tracker' });
    expect(el.value).to.deep.equal({ kind: 'product', id: '2002' });
    expect(select(el)!.value).to.equal('2002');
    expect(el.label).to.equal('the product “Acme Tracker” (2002)');
  });

  it('preselects the organization named by org=', async () => {
    fakeFetch(teamRoutes());
    const el = await picker({ org: 'acme' });
    expect(el.value).to.deep.equal({ kind: 'org', id: 'org-acme-id' });
    expect(radio(el, 'org').checked).to.equal(true);
  });

  it('preselects the organization chosen in particle-sso, and follows it until the reader picks', async () => {
    fakeFetch(teamRoutes());
    const el = await picker({ sessionOrg: 'org-acme-id' });
    expect(el.value).to.deep.equal({ kind: 'org', id: 'org-acme-id' });
    const later = await picker();
    expect(later.value?.kind).to.equal('product');
    later.sessionOrg = 'org-acme-id'; // chosen in particle-sso after this picker loaded
    await later.updateComplete;
    expect(later.value).to.deep.equal({ kind: 'org', id: 'org-acme-id' });
    radio(later, 'product').click();
    later.sessionOrg = undefined;
    await later.updateComplete;
    expect(later.value?.kind).to.equal('product');
  });

  it('says so when product= names nothing the reader can reach', async () => {
    fakeFetch(teamRoutes());
    const el = await picker({ product: 'not-mine' });
    expect(root(el).textContent).to.contain('“not-mine”, named by this page, is not a product');
    expect(el.value).to.deep.equal({ kind: 'product', id: '1001' });
  });

  it('explains what to do when there are no products or organizations', async () => {
    fakeFetch(teamRoutes({ sandbox: [], orgs: [] }));
    const el = await picker();
    expect(el.value).to.equal(undefined);
    expect(root(el).textContent).to.contain('You have no products yet');
    radio(el, 'org').click();
    await el.updateComplete;
    expect(root(el).textContent).to.contain('You are not a member of any organization');
  });

  it('shows a load failure with Try again', async () => {
    const api = fakeFetch({
      ...teamRoutes(),
      'GET /v1/orgs': [{ status: 500 }, { body: { organizations: [] } }],
    });
    const el = await picker();
    expect(root(el).querySelector('.error')!.textContent).to.contain('HTTP 500');
    root(el).querySelector('button')!.click();
    await until(() => el.value !== undefined);
    expect(api.callsTo('GET /v1/orgs')).to.have.length(2);
  });

  it('still offers an organization whose products the reader may not list', async () => {
    fakeFetch({
      ...teamRoutes(),
      'GET /v1/orgs/:org/products': { status: 403, body: { ok: false, error: 'Forbidden' } },
    });
    const el = await picker();
    expect([...root(el).querySelectorAll('optgroup')].map((g) => g.label)).to.deep.equal([
      'Your sandbox',
    ]);
    radio(el, 'org').click();
    await el.updateComplete;
    expect(el.value).to.deep.equal({ kind: 'org', id: 'org-acme-id' });
  });

  it('renders hostile product and organization names as text', async () => {
    fakeFetch(teamRoutes({ hostile: true }));
    const el = await picker();
    expect(select(el)!.textContent).to.contain(HOSTILE.product);
    expect(
      root(el).querySelector('optgroup')?.parentElement?.querySelectorAll('optgroup')[1]?.label,
    ).to.equal(HOSTILE.org);
    expect(root(el).querySelector('img, script')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});
