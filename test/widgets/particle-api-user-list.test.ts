import { expect, fixture, html } from '@open-wc/testing';
import { ParticleApiUserCreatedEvent } from '../../widgets/events.js';
import type { ParticleApiUserList } from '../../widgets/particle-api-user-list.js';
import '../../widgets/particle-api-user-list.js';
import { fakeFetch } from '../helpers/fake-fetch.js';
import { resetSessions } from '../helpers/session.js';
import {
  dialog,
  list,
  listButton,
  root,
  routes,
  rowButton,
  rows,
  status,
  TEAM,
  table,
  listWidget as widget,
} from './api-users/list-fixture.js';
import {
  API,
  HOSTILE,
  loggedInEachTest,
  person,
  teamRoutes,
  teamRoutesUnlessFaked,
  until,
} from './api-users/team-api.js';
import { liveRegions, runWidgetBaseTests } from './widget-base-tests.js';

describe('<particle-api-user-list>', () => {
  loggedInEachTest();

  runWidgetBaseTests('<particle-api-user-list>', {
    setup: () => {
      teamRoutesUnlessFaked();
      return widget();
    },
    fill: () => {},
    submit: 'form button[type=submit]',
    route: TEAM,
    kept: [],
    extraRoutes: teamRoutes(),
  });

  it('is accessible', async () => {
    routes();
    const el = await widget();
    await list(el);
    await expect(el).to.be.accessible();
  });

  it('shows a login prompt instead of the form when nobody is logged in', async () => {
    resetSessions();
    const el = await fixture<ParticleApiUserList>(
      html`<particle-api-user-list api-base=${API}></particle-api-user-list>`,
    );
    const prompt = root(el).querySelector('particle-login-prompt')!;
    expect(prompt.purpose).to.equal('list your API users');
    expect(root(el).querySelector('form')).to.equal(null);
  });

  it('lists API users in a table and counts the people separately', async () => {
    const api = routes();
    const el = await widget();
    expect(listButton(el).textContent?.trim()).to.equal('List API users');
    await list(el);
    expect(api.callsTo(TEAM)[0]!.path).to.equal('/v1/products/1001/team');
    const cells = rows(el).map((r) => [...r.children].map((c) => c.textContent?.trim()));
    expect(cells.map((c) => c[0])).to.deep.equal(['Backend', 'Dashboard']);
    expect(cells[0]![1]).to.equal('backend+b1@api.particle.io');
    expect(table(el)!.shadowRoot!.querySelector('caption')!.textContent).to.equal(
      'API users of the product “Sandbox Widgets” (1001)',
    );
    expect(root(el).querySelector('.humans')!.textContent).to.contain('2 team members are people');
    expect(table(el)!.shadowRoot!.textContent).not.to.contain('owner@example.com');
    expect(listButton(el).textContent?.trim()).to.equal('Refresh');
    expect(status(el).textContent).to.contain('2 API users');
  });

  it('keeps the status line apart from the form when the page makes the host a block', async () => {
    routes();
    const el = await widget();
    el.style.display = 'block'; // as the site's stylesheet does
    await list(el);
    const form = root(el).querySelector('form')!.getBoundingClientRect();
    const line = status(el).getBoundingClientRect();
    expect(line.top - form.bottom).to.be.greaterThan(8);
    expect(table(el)!.getBoundingClientRect().top - line.bottom).to.be.greaterThan(8);
  });

  it('has exactly one live region, with the table, editor and dialog in place', async () => {
    routes();
    const el = await widget();
    await list(el);
    rowButton(el, 'Edit scopes of Backend').click();
    await until(() => root(el).querySelector('particle-api-user-editor'));
    await root(el).querySelector('particle-api-user-editor')!.updateComplete;
    expect(liveRegions(root(el))).to.deep.equal([status(el)]);
  });

  it('folds long scope lists', async () => {
    routes();
    const el = await widget();
    await list(el);
    const dashboard = rows(el)[1]!;
    const details = dashboard.querySelector('details')!;
    expect(details.open).to.equal(false);
    expect(details.querySelector('summary')!.textContent).to.equal('3 more scopes');
    expect(dashboard.textContent).to.contain('devices:list');
  });

  it('has an empty state', async () => {
    fakeFetch(teamRoutes({ team: [person('owner@example.com')] }));
    const el = await widget();
    listButton(el).click();
    await until(() => table(el));
    await table(el)!.updateComplete;
    expect(table(el)!.shadowRoot!.textContent).to.contain('none yet');
    expect(root(el).querySelector('.humans')!.textContent).to.contain('1 team member is a person');
  });

  it('reloads by itself when an API user is created for the target it shows', async () => {
    const api = routes();
    const el = await widget();
    await list(el);
    window.dispatchEvent(new ParticleApiUserCreatedEvent({ kind: 'product', id: '9999' }, 'x'));
    expect(api.callsTo(TEAM)).to.have.length(1);
    document.body.dispatchEvent(
      new ParticleApiUserCreatedEvent({ kind: 'product', id: '1001' }, 'x'),
    );
    await until(() => api.callsTo(TEAM).length === 2);
    // Quietly: the stale "Listed 2 API users" line goes, nothing new is announced.
    await until(() => status(el).textContent === '');
    expect(rows(el)).to.have.length(2);
  });

  it('an organization list reloads for its products’ API users; a product list does not', async () => {
    const api = fakeFetch(teamRoutes());
    const [org, product] = [await widget(), await widget()];
    const picker = root(org).querySelector('particle-target-picker')!;
    picker.shadowRoot!.querySelector<HTMLInputElement>('input[value=org]')!.click();
    await until(() => picker.value?.kind === 'org');
    await list(org);
    await list(product);
    const orgCalls = () => api.callsTo('GET /v1/orgs/:org/team').length;
    const productCalls = () => api.callsTo(TEAM).length;
    expect([orgCalls(), productCalls()]).to.deep.equal([1, 1]);
    window.dispatchEvent(new ParticleApiUserCreatedEvent({ kind: 'product', id: '2002' }, 'x'));
    await until(() => orgCalls() === 2, 'the org list did not reload');
    expect(productCalls()).to.equal(1);
  });

  it('still answers the reader when a reload replaces their pending List', async () => {
    const api = routes({ [TEAM]: ['hang', { body: { ok: true, team: [] } }] });
    const el = await widget();
    listButton(el).click();
    await until(() => api.callsTo(TEAM).length === 1, 'the List request was not sent');
    window.dispatchEvent(new ParticleApiUserCreatedEvent({ kind: 'product', id: '1001' }, 'x'));
    await until(() => status(el).textContent?.includes('Listed 0 API users'));
    expect(api.callsTo(TEAM)).to.have.length(2);
  });

  describe('errors', () => {
    it('an expired session brings back the login prompt', async () => {
      routes({ [TEAM]: { status: 401, body: { error: 'invalid_token' } } });
      const el = await widget();
      listButton(el).click();
      await until(() => root(el).querySelector('particle-login-prompt'));
      expect(root(el).querySelector('particle-login-prompt')!.expired).to.equal(true);
    });

    it('403 and rate limit are sentences in the live region, focused', async () => {
      routes({
        [TEAM]: [
          { status: 403, body: { ok: false, error: 'Forbidden' } },
          {
            status: 429,
            body: { ok: false, error: 'Too many requests' },
            headers: { 'Retry-After': '7' },
          },
        ],
      });
      const el = await widget();
      listButton(el).click();
      await until(() => status(el).querySelector('.error'));
      expect(status(el).getAttribute('role')).to.equal('status');
      expect(status(el).textContent).to.contain(
        'You lack access to the product “Sandbox Widgets” (1001)',
      );
      expect(root(el).activeElement).to.equal(status(el));
      listButton(el).click();
      await until(() => status(el).textContent?.includes('Wait 7 seconds'));
    });
  });

  it('renders hostile names as text and creates no element', async () => {
    fakeFetch(teamRoutes({ hostile: true }));
    const el = await widget();
    await list(el);
    const shadow = table(el)!.shadowRoot!;
    expect(shadow.querySelector('#injected, b, img, script')).to.equal(null);
    expect(rows(el)[0]!.querySelector('th')!.textContent).to.equal(HOSTILE.user);
    expect(shadow.querySelector('caption')!.textContent).to.contain(HOSTILE.product);
    rowButton(el, `Delete ${HOSTILE.user}`).click();
    await dialog(el).updateComplete;
    expect(dialog(el).shadowRoot!.querySelector('#injected, b')).to.equal(null);
    expect(dialog(el).shadowRoot!.textContent).to.contain(HOSTILE.user);
    dialog(el).shadowRoot!.querySelector<HTMLButtonElement>('[part=cancel]')!.click();
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});
