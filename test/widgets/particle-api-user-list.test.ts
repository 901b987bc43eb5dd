import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import type { ParticleApiUserEditor } from '../../widgets/api-users/api-user-editor.js';
import type { ParticleApiUserTable } from '../../widgets/api-users/api-user-table.js';
import type { ParticleConfirmDialog } from '../../widgets/api-users/confirm-dialog.js';
import {
  ParticleApiUserCreatedEvent,
  type ParticleApiUsersChangedEvent,
} from '../../widgets/events.js';
import type { ParticleApiUserList } from '../../widgets/particle-api-user-list.js';
import '../../widgets/particle-api-user-list.js';
import { type FakeFetch, fakeFetch, type Responder } from '../helpers/fake-fetch.js';
import { resetSessions, signIn } from '../helpers/session.js';
import {
  API,
  apiUser,
  credentialsBody,
  defaultTeam,
  HOSTILE,
  person,
  teamRoutes,
  until,
} from './api-users/team-api.js';

const TEAM = 'GET /v1/products/:product/team';

async function widget(): Promise<ParticleApiUserList> {
  const el = await fixture<ParticleApiUserList>(
    html`<particle-api-user-list api-base=${API}></particle-api-user-list>`,
  );
  await until(() => el.shadowRoot!.querySelector('particle-target-picker')?.value, 'no target');
  return el;
}

const root = (el: ParticleApiUserList) => el.shadowRoot!;
const listButton = (el: ParticleApiUserList) =>
  root(el).querySelector<HTMLButtonElement>('form button[type=submit]')!;
const status = (el: ParticleApiUserList) => root(el).querySelector('[part=status]')!;
const table = (el: ParticleApiUserList) =>
  root(el).querySelector<ParticleApiUserTable>('particle-api-user-table');
const dialog = (el: ParticleApiUserList) =>
  root(el).querySelector<ParticleConfirmDialog>('particle-confirm-dialog')!;
const rows = (el: ParticleApiUserList) => [
  ...(table(el)?.shadowRoot?.querySelectorAll<HTMLTableRowElement>('tr[data-username]') ?? []),
];
const rowButton = (el: ParticleApiUserList, name: string) =>
  [...table(el)!.shadowRoot!.querySelectorAll('button')].find(
    (b) => b.getAttribute('aria-label') === name,
  )!;

async function list(el: ParticleApiUserList): Promise<void> {
  listButton(el).click();
  await until(() => table(el), 'table never shown');
  await table(el)!.updateComplete;
}

function routes(extra: Record<string, Responder | Responder[]> = {}): FakeFetch {
  return fakeFetch({ ...teamRoutes(), ...extra });
}

describe('<particle-api-user-list>', () => {
  beforeEach(() => signIn(API));
  afterEach(() => {
    sinon.restore();
    resetSessions();
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

  describe('delete', () => {
    it('asks first; Cancel and Escape delete nothing and give the focus back', async () => {
      const api = routes({ 'DELETE /v1/products/:product/team/:user': { body: { ok: true } } });
      const el = await widget();
      await list(el);
      const del = rowButton(el, 'Delete Backend');
      del.click();
      await dialog(el).updateComplete;
      const box = dialog(el).shadowRoot!;
      expect(dialog(el).open).to.equal(true);
      expect(box.textContent).to.contain('Delete API user “Backend”?');
      expect(box.textContent).to.contain('backend+b1@api.particle.io will be removed');
      expect(box.textContent).to.contain('token stops working');
      box.querySelector<HTMLButtonElement>('[part=cancel]')!.click();
      await until(() => table(el)!.shadowRoot!.activeElement === del);
      del.click();
      await sendKeys({ press: 'Escape' });
      await until(() => !dialog(el).open);
      expect(api.callsTo('DELETE /v1/products/:product/team/:user')).to.have.length(0);
    });

    it('Delete confirms: one request, the row goes, the lists are told', async () => {
      const api = routes({
        'DELETE /v1/products/:product/team/:user': { body: { ok: true } },
        [TEAM]: [
          { body: { ok: true, team: defaultTeam() } },
          { body: { ok: true, team: defaultTeam().slice(0, 2).concat(defaultTeam()[3]!) } },
        ],
      });
      const el = await widget();
      await list(el);
      const changed = sinon.spy();
      window.addEventListener('particle-api-users-changed', changed, { once: true });
      rowButton(el, 'Delete Backend').click();
      await dialog(el).updateComplete;
      dialog(el).shadowRoot!.querySelector<HTMLButtonElement>('[part=confirm]')!.click();
      await until(() => status(el).textContent?.includes('Deleted API user “Backend”'));
      const [call] = api.callsTo('DELETE /v1/products/:product/team/:user');
      expect(call!.path).to.equal('/v1/products/1001/team/backend%2Bb1%40api.particle.io');
      expect(api.callsTo('DELETE /v1/products/:product/team/:user')).to.have.length(1);
      await table(el)!.updateComplete;
      expect(rows(el).map((r) => r.dataset.username)).to.deep.equal([
        'dashboard+d2@api.particle.io',
      ]);
      expect((changed.firstCall.args[0] as ParticleApiUsersChangedEvent).apiTarget).to.deep.equal({
        kind: 'product',
        id: '1001',
      });
      expect(root(el).activeElement).to.equal(status(el));
      await until(() => api.callsTo(TEAM).length === 2);
    });

    it('a 403 on delete says the reader lacks access, and keeps the row', async () => {
      routes({
        'DELETE /v1/products/:product/team/:user': {
          status: 403,
          body: { ok: false, error: 'Forbidden' },
        },
      });
      const el = await widget();
      await list(el);
      rowButton(el, 'Delete Backend').click();
      await dialog(el).updateComplete;
      dialog(el).shadowRoot!.querySelector<HTMLButtonElement>('[part=confirm]')!.click();
      await until(() => status(el).classList.contains('error'));
      expect(status(el).textContent).to.contain(
        'You lack access to the product “Sandbox Widgets” (1001)',
      );
      expect(rows(el)).to.have.length(2);
    });
  });

  describe('edit scopes', () => {
    const NEW = 'c0ffee00'.repeat(5);

    async function openEditor(el: ParticleApiUserList): Promise<ParticleApiUserEditor> {
      rowButton(el, 'Edit scopes of Backend').click();
      await until(() => root(el).querySelector('particle-api-user-editor'));
      const editor = root(el).querySelector<ParticleApiUserEditor>('particle-api-user-editor')!;
      await editor.updateComplete;
      return editor;
    }

    const scopeBox = (editor: ParticleApiUserEditor, scope: string) =>
      [
        ...editor
          .shadowRoot!.querySelector('particle-scope-picker')!
          .shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=checkbox]'),
      ].find((c) => c.labels?.[0]?.textContent?.trim() === scope)!;

    it('starts from the current scopes; Cancel closes and gives the focus back', async () => {
      routes();
      const el = await widget();
      await list(el);
      const editor = await openEditor(el);
      expect(scopeBox(editor, 'devices:list').checked).to.equal(true);
      expect(scopeBox(editor, 'events:get').checked).to.equal(false);
      const save = [...editor.shadowRoot!.querySelectorAll('button')].find(
        (b) => b.textContent?.trim() === 'Save scopes',
      )!;
      expect(save.disabled, 'nothing changed yet').to.equal(true);
      [...editor.shadowRoot!.querySelectorAll('button')]
        .find((b) => b.textContent?.trim() === 'Cancel')!
        .click();
      await until(() => !root(el).querySelector('particle-api-user-editor'));
      await until(
        () => table(el)!.shadowRoot!.activeElement === rowButton(el, 'Edit scopes of Backend'),
      );
    });

    it('saving shows the new token once and the table updates by itself', async () => {
      const updated = apiUser('Backend', ['devices:list', 'devices:get', 'events:get'], 'b1');
      const api = routes({
        'PUT /v1/products/:product/team/:user': {
          body: credentialsBody('updated', updated.username, NEW),
        },
        [TEAM]: [
          { body: { ok: true, team: defaultTeam() } },
          { body: { ok: true, team: [updated, defaultTeam()[3]] } },
        ],
      });
      const el = await widget();
      await list(el);
      const editor = await openEditor(el);
      scopeBox(editor, 'events:get').click();
      await editor.updateComplete;
      editor.shadowRoot!.querySelector('form')!.requestSubmit();
      editor.shadowRoot!.querySelector('form')!.requestSubmit();
      await until(() => editor.shadowRoot!.querySelector('particle-api-user-token'));
      const puts = api.callsTo('PUT /v1/products/:product/team/:user');
      expect(puts).to.have.length(1);
      expect(puts[0]!.json).to.deep.equal({
        scopes: ['devices:get', 'devices:list', 'events:get'],
      });
      const token = editor.shadowRoot!.querySelector('particle-api-user-token')!;
      await token.updateComplete;
      expect(token.shadowRoot!.textContent).to.contain('New token for “Backend”');
      expect(token.shadowRoot!.textContent).to.contain('shown only once and never expires');
      expect(token.shadowRoot!.querySelector('particle-snippet')!.command).to.contain('-X PUT');
      await until(() => api.callsTo(TEAM).length === 2, 'table did not reload');
      await until(() => rows(el)[0]?.textContent?.includes('events:get'));
    });

    it('a failed save is said beside the buttons and takes the focus', async () => {
      routes({
        'PUT /v1/products/:product/team/:user': { status: 500, body: { ok: false, error: 'boom' } },
      });
      const el = await widget();
      await list(el);
      const editor = await openEditor(el);
      scopeBox(editor, 'events:get').click();
      await editor.updateComplete;
      editor.shadowRoot!.querySelector('form')!.requestSubmit();
      await until(() => editor.shadowRoot!.querySelector('.error'));
      expect(editor.shadowRoot!.activeElement).to.equal(editor.shadowRoot!.querySelector('.error'));
      expect(editor.shadowRoot!.querySelector('.error')!.textContent).to.contain('HTTP 500');
    });
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
      await until(() => status(el).classList.contains('error'));
      expect(status(el).getAttribute('role')).to.equal('status');
      expect(status(el).textContent).to.contain(
        'You lack access to the product “Sandbox Widgets” (1001)',
      );
      expect(root(el).activeElement).to.equal(status(el));
      listButton(el).click();
      await until(() => status(el).textContent?.includes('Wait 7 seconds'));
    });

    it('one request per click while listing', async () => {
      const api = routes({ [TEAM]: 'hang' });
      const el = await widget();
      listButton(el).click();
      await el.updateComplete;
      listButton(el).click();
      root(el).querySelector('form')!.requestSubmit();
      expect(api.callsTo(TEAM)).to.have.length(1);
      expect(listButton(el).disabled).to.equal(true);
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
