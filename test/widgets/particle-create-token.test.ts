import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import { apiFor } from '../../widgets/api-helper/client.js';
import type { ParticleSecret } from '../../widgets/components/particle-secret.js';
import type { ParticleCreateToken } from '../../widgets/particle-create-token.js';
import '../../widgets/particle-create-token.js';
import { heardAsSeen, names } from '../helpers/ax-tree.js';
import { fakeFetch } from '../helpers/fake-fetch.js';
import { resetSessions, signIn } from '../helpers/session.js';
import {
  codeStepShown,
  expiredChallenge,
  GOOD_CODE,
  grant,
  mfaAccount,
  NEW_TOKEN,
  type,
  wrongPassword,
} from './login-fixtures.js';

import { expectFocus, runWidgetBaseTests } from './widget-base-tests.js';

/** Its own API origin: every suite's page shares this localStorage; a session stored here is ours. */
const API = 'https://create-token.api.test';

const render = () =>
  fixture<ParticleCreateToken>(
    html`<particle-create-token api-base=${API}>
      <div class="particle-fallback">Creating a token needs JavaScript.</div>
    </particle-create-token>`,
  );

const root = (el: ParticleCreateToken) => el.shadowRoot!;
const $ = <T extends Element = HTMLInputElement>(el: ParticleCreateToken, selector: string) =>
  root(el).querySelector<T>(selector)!;
const status = (el: ParticleCreateToken) => $(el, '[role=status]').textContent!.trim();
const createButton = (el: ParticleCreateToken) =>
  $<HTMLButtonElement>(el, 'form[part=form] [type=submit]');
/** Everything a reader (or a screen reader) can read, through the nested shadow roots. */
function visibleText(node: Node): string {
  let text = '';
  for (const child of node.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) text += child.textContent;
    else if (child instanceof Element) {
      if (child.shadowRoot) text += visibleText(child.shadowRoot);
      text += visibleText(child);
    }
  }
  return text;
}

function fill(el: ParticleCreateToken, lifetime = '900', username = 'demo@example.com') {
  type($(el, 'input[name=username]'), username);
  type($(el, 'input[name=password]'), 'demo-password');
  type($<HTMLSelectElement>(el, 'select[name=expiresIn]'), lifetime);
}

async function create(el: ParticleCreateToken) {
  createButton(el).click();
  await waitUntil(() => $(el, '[part=result]'), 'no token');
  await el.updateComplete;
}

/** A widget that has just created a token of `lifetime` seconds, with the clipboard stubbed. */
async function created(lifetime = '900') {
  const api = fakeFetch({ 'POST /oauth/token': grant(Number(lifetime)) });
  const write = sinon.stub(navigator.clipboard, 'writeText').resolves();
  const el = await render();
  fill(el, lifetime);
  await create(el);
  return { el, api, write };
}

describe('<particle-create-token>', () => {
  afterEach(() => {
    sinon.restore();
    resetSessions();
  });

  it('is accessible', async () => {
    await expect(await render()).to.be.accessible();
  });

  it('offers the lifetimes, 15 minutes first, and keeps its form semantics in the shadow root', async () => {
    const el = await render();
    const options = [...root(el).querySelectorAll('option')].map((o) => o.textContent);
    expect(options).to.deep.equal([
      '15 minutes',
      '1 hour',
      '8 hours',
      '1 day',
      '30 days',
      '90 days',
      'Never',
    ]);
    expect($<HTMLSelectElement>(el, 'select').value).to.equal('900');
    const form = $<HTMLFormElement>(el, 'form[part=form]');
    expect($(el, 'input[autocomplete=username]').form).to.equal(form);
    expect($(el, 'input[autocomplete=current-password]').labels![0]!.textContent).to.equal(
      'Password',
    );
  });

  it('prefills the email with the logged-in username', async () => {
    signIn(API, { username: 'reader@example.com' });
    const el = await render();
    expect($(el, 'input[name=username]').value).to.equal('reader@example.com');
  });

  describe('after creating a token', () => {
    it('shows it masked, with its expiry and the commands, and does not touch the session', async () => {
      const session = signIn(API);
      const api = fakeFetch({ 'POST /oauth/token': grant(900) });
      const el = await render();
      fill(el);
      await create(el);
      expect(api.calls).to.have.length(1);
      expect(api.calls[0]!.form!.get('expires_in')).to.equal('900');
      expect(apiFor(API).session.value).to.deep.equal(session);
      const text = visibleText(el.shadowRoot!);
      expect(text).not.to.contain(NEW_TOKEN);
      expect(text).to.contain('b0b1').and.contain('c8c9');
      expect(text).to.contain('This token expires in 15 minutes');
      expect(status(el)).to.equal('Token created; it expires in 15 minutes.');
      expect(el.shadowRoot!.activeElement?.textContent).to.equal('Your new access token');
      expect($(el, 'input[name=password]').value).to.equal('');
      expect($(el, 'input[name=username]').value).to.equal('demo@example.com');
      await expect(el).to.be.accessible();
    });

    it('shows the token only after Show token, and copies it', async () => {
      const { el, write } = await created();
      const secret = $<ParticleSecret>(el, 'particle-secret');
      const button = (part: string) =>
        secret.shadowRoot!.querySelector<HTMLButtonElement>(`[part=${part}]`)!;
      expect(names(await heardAsSeen('token masked'), 'button')).to.include('Show token');
      button('toggle').click();
      await secret.updateComplete;
      expect(visibleText(el.shadowRoot!)).to.contain(NEW_TOKEN);
      button('copy').click();
      await waitUntil(() => status(el).startsWith('Copied'));
      expect(write).to.have.been.calledOnceWith(NEW_TOKEN);
      expect(status(el)).to.equal('Copied the token to the clipboard.');
    });

    it('gives commands without the token or the password', async () => {
      const { el, write } = await created();
      const snippets = [...root(el).querySelectorAll('particle-snippet')];
      expect(snippets.map((s) => s.getAttribute('label'))).to.deep.equal(['Particle CLI', 'curl']);
      for (const snippet of snippets) {
        snippet.shadowRoot!.querySelector<HTMLButtonElement>('[part=copy]')!.click();
      }
      await waitUntil(() => write.callCount === 2);
      const copied = write.args.map(([text]) => text).join('\n');
      expect(copied).to.contain('particle token create --expires-in 900');
      expect(copied).to.contain('curl');
      expect(copied).to.contain('expires_in=900');
      expect(copied).not.to.contain(NEW_TOKEN);
      expect(copied).not.to.contain('demo-password');
    });

    it('says "never expires" and uses --never-expires for Never', async () => {
      const { el, api, write } = await created('0');
      expect(api.calls[0]!.form!.get('expires_in')).to.equal('0');
      expect(visibleText(el.shadowRoot!)).to.contain('This token never expires.');
      const cli = $(el, 'particle-snippet');
      cli.shadowRoot!.querySelector<HTMLButtonElement>('[part=copy]')!.click();
      await waitUntil(() => write.called);
      expect(write.firstCall.args[0]).to.equal('particle token create --never-expires');
    });
  });

  it('lets the page style the token and the commands with ::part', async () => {
    fakeFetch({ 'POST /oauth/token': grant(900) });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`
      particle-create-token::part(token) { letter-spacing: 3px; }
      particle-create-token::part(command-code) { letter-spacing: 4px; }`);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    try {
      const el = await render();
      fill(el);
      await create(el);
      const inner = (host: string, part: string) =>
        $(el, host).shadowRoot!.querySelector(`[part=${part}]`)!;
      expect(getComputedStyle(inner('particle-secret', 'value')).letterSpacing).to.equal('3px');
      expect(getComputedStyle(inner('particle-snippet', 'code')).letterSpacing).to.equal('4px');
    } finally {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    }
  });

  describe('with MFA', () => {
    it('asks for the code, keeps the lifetime, and creates the token', async () => {
      // Logged in as someone else: the wrong code's 401 must not end the page's session.
      const session = signIn(API, { username: 'reader@example.com' });
      const api = fakeFetch({ 'POST /oauth/token': mfaAccount() });
      const el = await render();
      fill(el, '3600', 'mfa@example.com');
      createButton(el).click();
      await waitUntil(() => codeStepShown(el));
      const code = $(el, 'input[name=otp]');
      expectFocus(el.shadowRoot!.activeElement, code);
      expect(status(el)).to.equal('Password accepted. One more step: the one-time code.');
      await expect(el).to.be.accessible();
      expect(code.autocomplete).to.equal('one-time-code');
      type(code, '111111');
      $<HTMLButtonElement>(el, 'form.mfa [type=submit]').click();
      await waitUntil(() => status(el).includes('not valid'));
      expect(code.value).to.equal('111111');
      expectFocus(el.shadowRoot!.activeElement, code);
      expect(apiFor(API).session.value).to.deep.equal(session);
      type(code, GOOD_CODE);
      $<HTMLButtonElement>(el, 'form.mfa [type=submit]').click();
      await waitUntil(() => $(el, '[part=result]'));
      await el.updateComplete;
      expect(api.calls).to.have.length(3);
      expect(visibleText(el.shadowRoot!)).to.contain('This token expires in 1 hour');
      expect(codeStepShown(el)).to.equal(false);
    });

    it('can be cancelled, back to the form with what was typed and focus on Password', async () => {
      fakeFetch({ 'POST /oauth/token': mfaAccount() });
      const el = await render();
      fill(el, '3600', 'mfa@example.com');
      createButton(el).click();
      await waitUntil(() => codeStepShown(el));
      $<HTMLButtonElement>(el, 'form.mfa [part=cancel]').click();
      await el.updateComplete;
      expect(codeStepShown(el)).to.equal(false);
      expect(status(el)).to.equal('Token creation cancelled.');
      expect($(el, 'input[name=username]').value).to.equal('mfa@example.com');
      expectFocus(el.shadowRoot!.activeElement, $(el, 'input[name=password]'));
    });

    it('goes back to the first step when the MFA step expired', async () => {
      fakeFetch({ 'POST /oauth/token': mfaAccount(expiredChallenge) });
      const el = await render();
      fill(el, '3600', 'mfa@example.com');
      createButton(el).click();
      await waitUntil(() => codeStepShown(el));
      type($(el, 'input[name=otp]'), '222222');
      $<HTMLButtonElement>(el, 'form.mfa [type=submit]').click();
      await waitUntil(() => !$(el, 'form[part=form]').hidden);
      expect(status(el)).to.contain('The two-step login has expired');
      expect($(el, 'input[name=password]').value).to.equal('demo-password');
      expectFocus(el.shadowRoot!.activeElement, $(el, 'input[name=password]'));
    });
  });

  it('says a wrong password and keeps everything typed', async () => {
    fakeFetch({ 'POST /oauth/token': wrongPassword });
    const el = await render();
    fill(el, '86400');
    createButton(el).click();
    await waitUntil(() => status(el).includes('incorrect'));
    expect($(el, 'input[name=password]').value).to.equal('demo-password');
    expect($<HTMLSelectElement>(el, 'select').value).to.equal('86400');
    expectFocus(el.shadowRoot!.activeElement, $(el, 'input[name=password]'));
    expect($(el, '[part=result]')).to.equal(null);
  });

  runWidgetBaseTests('<particle-create-token>', {
    setup: () => render(),
    fill: (r) => {
      type(r.querySelector('input[name=username]')!, 'demo@example.com');
      type(r.querySelector('input[name=password]')!, 'demo-password');
    },
    submit: 'form[part=form] [type=submit]',
    route: 'POST /oauth/token',
    kept: ['input[name=username]', 'input[name=password]', 'select[name=expiresIn]'],
  });
});
