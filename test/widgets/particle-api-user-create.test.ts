import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import sinon from 'sinon';
import { apiFor } from '../../widgets/api-helper/client.js';
import type { ParticleApiUserCreatedEvent } from '../../widgets/events.js';
import type { ParticleApiUserCreate } from '../../widgets/particle-api-user-create.js';
import '../../widgets/particle-api-user-create.js';
import { fakeFetch } from '../helpers/fake-fetch.js';
import { fakeToken, resetSessions, signIn } from '../helpers/session.js';
import {
  API,
  credentialsBody,
  HOSTILE,
  teamRoutes,
  teamRoutesUnlessFaked,
  until,
} from './api-users/team-api.js';
import { liveRegions, runWidgetBaseTests } from './widget-base-tests.js';

const NEW_TOKEN = 'f00dfeed'.repeat(5);
const USERNAME = 'backend+x7k2@api.particle.io';
const created = { body: credentialsBody('created', USERNAME, NEW_TOKEN) };

async function widget(attrs = ''): Promise<ParticleApiUserCreate> {
  const el = await fixture<ParticleApiUserCreate>(
    attrs === 'org'
      ? html`<particle-api-user-create api-base=${API} org="acme"></particle-api-user-create>`
      : html`<particle-api-user-create api-base=${API}></particle-api-user-create>`,
  );
  const picker = () => el.shadowRoot!.querySelector('particle-target-picker');
  if (apiFor(API).session.value) await until(() => picker()?.value, 'target never loaded');
  return el;
}

const root = (el: ParticleApiUserCreate) => el.shadowRoot!;
const submit = (el: ParticleApiUserCreate) =>
  root(el).querySelector<HTMLButtonElement>('[part=submit]')!;
const status = (el: ParticleApiUserCreate) => root(el).querySelector('[part=status]')!;
const picker = (el: ParticleApiUserCreate) => root(el).querySelector('particle-scope-picker')!;

async function fill(el: ParticleApiUserCreate, name: string, scopes: string[]): Promise<void> {
  const input = root(el).querySelector<HTMLInputElement>('#friendly-name')!;
  input.value = name;
  input.dispatchEvent(new Event('input'));
  for (const scope of scopes) {
    const box = [
      ...picker(el).shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=checkbox]'),
    ].find((c) => c.labels?.[0]?.textContent?.trim() === scope)!;
    box.click();
  }
  await el.updateComplete;
}

describe('<particle-api-user-create>', () => {
  afterEach(() => {
    sinon.restore();
    resetSessions();
    for (const sso of document.querySelectorAll('particle-sso')) sso.remove();
  });

  runWidgetBaseTests('<particle-api-user-create>', {
    setup: () => {
      signIn(API);
      teamRoutesUnlessFaked();
      return widget();
    },
    fill: (shadow) =>
      fill((shadow as ShadowRoot).host as ParticleApiUserCreate, 'Backend', ['devices:list']),
    submit: '[part=submit]',
    route: 'POST /v1/products/:product/team',
    kept: ['#friendly-name'],
    extraRoutes: teamRoutes(),
  });

  it('is accessible', async function () {
    // axe over 94 scope checkboxes: a few seconds alone, more on a loaded two-core machine.
    this.timeout(30_000);
    signIn(API);
    fakeFetch(teamRoutes());
    await expect(await widget()).to.be.accessible();
  });

  describe('when nobody is logged in', () => {
    it('shows one sentence and a Log in button that goes to the page’s particle-sso', async () => {
      if (!customElements.get('particle-sso')) {
        customElements.define('particle-sso', class extends HTMLElement {});
      }
      const sso = document.createElement('particle-sso') as HTMLElement & { focusLogin(): void };
      sso.focusLogin = sinon.spy();
      document.body.append(sso);
      const api = fakeFetch(teamRoutes());
      const el = await widget();
      const prompt = root(el).querySelector('particle-login-prompt')!;
      expect(prompt.shadowRoot!.textContent).to.contain('Log in to create an API user.');
      expect(root(el).querySelector('form')).to.equal(null);
      prompt.shadowRoot!.querySelector('button')!.click();
      expect(sso.focusLogin).to.have.been.calledOnce;
      expect(api.calls).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('says where to log in when the page has no particle-sso', async () => {
      const el = await widget();
      const prompt = root(el).querySelector('particle-login-prompt')!;
      prompt.shadowRoot!.querySelector('button')!.click();
      await prompt.updateComplete;
      expect(prompt.shadowRoot!.textContent).to.contain('This page has no login form');
      expect(prompt.shadowRoot!.querySelector('a')!.getAttribute('href')).to.contain(
        'access-tokens',
      );
    });

    it('appears as soon as someone logs in elsewhere on the page', async () => {
      fakeFetch(teamRoutes());
      const el = await widget();
      signIn(API);
      await el.updateComplete;
      expect(root(el).querySelector('form')).not.to.equal(null);
    });
  });

  describe('when logged in', () => {
    beforeEach(() => signIn(API));

    it('enables Create API user only with a target, a name and at least one scope', async () => {
      fakeFetch(teamRoutes());
      const el = await widget();
      expect(submit(el).disabled).to.equal(true);
      expect(root(el).textContent).to.contain('Needs a friendly name, at least one scope.');
      await fill(el, 'Backend', []);
      expect(submit(el).disabled).to.equal(true);
      await fill(el, 'Backend', ['devices:list']);
      expect(submit(el).disabled).to.equal(false);
      await fill(el, '   ', []);
      expect(submit(el).disabled).to.equal(true);
    });

    it('has exactly one live region, also with a result on screen', async () => {
      fakeFetch({ ...teamRoutes(), 'POST /v1/products/:product/team': created });
      const el = await widget();
      expect(liveRegions(root(el))).to.deep.equal([status(el)]);
      await fill(el, 'Backend', ['devices:list']);
      submit(el).click();
      await until(() => root(el).querySelector('particle-api-user-token'));
      await root(el).querySelector('particle-api-user-token')!.updateComplete;
      expect(liveRegions(root(el))).to.deep.equal([status(el)]);
    });

    it('creates the API user and shows its token once, masked, with a redacted curl', async () => {
      const api = fakeFetch({ ...teamRoutes(), 'POST /v1/products/:product/team': created });
      const el = await widget();
      await fill(el, 'Backend', ['devices:list', 'events:get', 'devices.function:call']);
      setTimeout(() => submit(el).click());
      const event = (await oneEvent(
        el,
        'particle-api-user-created',
      )) as ParticleApiUserCreatedEvent;
      expect(event.apiTarget).to.deep.equal({ kind: 'product', id: '1001' });
      expect(event.username).to.equal(USERNAME);
      expect(event.bubbles && event.composed).to.equal(true);

      const [post] = api.callsTo('POST /v1/products/:product/team');
      expect(post!.path).to.equal('/v1/products/1001/team');
      expect(post!.json).to.deep.equal({
        friendly_name: 'Backend',
        scopes: ['devices.function:call', 'devices:list', 'events:get'],
      });
      await el.updateComplete;
      const result = root(el).querySelector('particle-api-user-token')!;
      await result.updateComplete;
      const text = result.shadowRoot!.textContent!;
      expect(text).to.contain(USERNAME);
      expect(text).to.contain('shown only once and never expires');
      const secret = result.shadowRoot!.querySelector('particle-secret')!;
      expect(secret.shadowRoot!.textContent).not.to.contain(NEW_TOKEN);
      const curl = result.shadowRoot!.querySelector('particle-snippet')!.command;
      expect(curl).to.contain('$PARTICLE_ACCESS_TOKEN').and.contain('/v1/products/1001/team');
      expect(curl).not.to.contain(fakeToken()).and.not.to.contain(NEW_TOKEN);
      expect(status(el).textContent).to.contain(
        'Created API user “Backend” in the product “Sandbox Widgets” (1001)',
      );
      expect(result.shadowRoot!.activeElement?.textContent).to.equal('API user created');
      // The name is cleared, so a second click cannot create a twin.
      expect(submit(el).disabled).to.equal(true);
    });

    it('creates an organization API user for org=', async () => {
      const api = fakeFetch({ ...teamRoutes(), 'POST /v1/orgs/:org/team': created });
      const el = await widget('org');
      await fill(el, 'Fleet', ['devices:list']);
      submit(el).click();
      await until(() => root(el).querySelector('particle-api-user-token'));
      expect(api.callsTo('POST /v1/orgs/:org/team')[0]!.path).to.equal('/v1/orgs/org-acme-id/team');
    });

    it('a 403 says the reader lacks access to that product, and keeps the input', async () => {
      fakeFetch({
        ...teamRoutes(),
        'POST /v1/products/:product/team': { status: 403, body: { ok: false, error: 'Forbidden' } },
      });
      const el = await widget();
      await fill(el, 'Backend', ['devices:list']);
      submit(el).click();
      await until(() => status(el).querySelector('.error'));
      expect(status(el).textContent).to.contain(
        'You lack access to the product “Sandbox Widgets” (1001)',
      );
      expect(root(el).activeElement).to.equal(status(el));
      expect(root(el).querySelector<HTMLInputElement>('#friendly-name')!.value).to.equal('Backend');
      expect(submit(el).disabled).to.equal(false);
    });

    it('an expired session brings back the login prompt', async () => {
      fakeFetch({
        ...teamRoutes(),
        'POST /v1/products/:product/team': { status: 401, body: { error: 'invalid_token' } },
      });
      const el = await widget();
      await fill(el, 'Backend', ['devices:list']);
      submit(el).click();
      await until(() => root(el).querySelector('particle-login-prompt'));
      const prompt = root(el).querySelector('particle-login-prompt')!;
      await prompt.updateComplete;
      expect(prompt.shadowRoot!.textContent).to.contain('Your session has expired.');
    });

    it('says a rejected input in the API’s own words, and keeps the form', async () => {
      fakeFetch({
        ...teamRoutes(),
        'POST /v1/products/:product/team': {
          status: 400,
          body: { ok: false, error: 'Unknown scope: devices:fly' },
        },
      });
      const el = await widget();
      await fill(el, 'Backend', ['devices:list']);
      submit(el).click();
      await until(() => status(el).querySelector('.error'));
      expect(status(el).textContent).to.contain('The API rejected the request');
      expect(status(el).textContent).to.contain('Unknown scope: devices:fly');
      expect(picker(el).value).to.deep.equal(['devices:list']);
    });

    it('announces Copy token in its live region', async () => {
      fakeFetch({ ...teamRoutes(), 'POST /v1/products/:product/team': created });
      const write = sinon.stub(navigator.clipboard, 'writeText').resolves();
      const el = await widget();
      await fill(el, 'Backend', ['devices:list']);
      submit(el).click();
      await until(() => root(el).querySelector('particle-api-user-token'));
      const view = root(el).querySelector('particle-api-user-token')!;
      await view.updateComplete;
      const secret = view.shadowRoot!.querySelector('particle-secret')!;
      secret.shadowRoot!.querySelector<HTMLButtonElement>('[part=copy]')!.click();
      await until(() => status(el).textContent?.includes('Copied the token to the clipboard.'));
      expect(write).to.have.been.calledOnceWith(NEW_TOKEN);
    });

    it('renders hostile names from the API as text', async () => {
      fakeFetch({
        ...teamRoutes({ hostile: true }),
        'POST /v1/products/:product/team': {
          status: 403,
          body: { ok: false, error: HOSTILE.error },
        },
      });
      const el = await widget();
      await fill(el, 'Backend', ['devices:list']);
      submit(el).click();
      await until(() => status(el).querySelector('.error'));
      expect(status(el).textContent).to.contain(HOSTILE.error);
      expect(status(el).textContent).to.contain(HOSTILE.product);
      const everything = [root(el), root(el).querySelector('particle-target-picker')!.shadowRoot!];
      for (const r of everything) expect(r.querySelector('img, script, #evil, a')).to.equal(null);
      expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    });

    it('forgets the token when the reader logs out', async () => {
      fakeFetch({ ...teamRoutes(), 'POST /v1/products/:product/team': created });
      const el = await widget();
      await fill(el, 'Backend', ['devices:list']);
      submit(el).click();
      await until(() => root(el).querySelector('particle-api-user-token'));
      apiFor(API).session.end('logout');
      await el.updateComplete;
      signIn(API);
      await el.updateComplete;
      expect(root(el).querySelector('particle-api-user-token')).to.equal(null);
    });
  });
});
