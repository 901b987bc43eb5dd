import { expect } from '@open-wc/testing';
import type { ParticleApiUserEditor } from '../../../widgets/api-users/api-user-editor.js';
import { ParticleApiUserCreatedEvent } from '../../../widgets/events.js';
import type { FakeResponse } from '../../helpers/fake-fetch.js';
import {
  editorButton,
  list,
  listWidget,
  openEditor,
  root,
  routes,
  rowButton,
  rows,
  scopeBox,
  status,
  TEAM,
  table,
} from './list-fixture.js';
import { apiUser, credentialsBody, defaultTeam, loggedInEachTest, until } from './team-api.js';

const PUT = 'PUT /v1/products/:product/team/:user';
const NEW = 'c0ffee00'.repeat(5);

describe('<particle-api-user-list> editing scopes', () => {
  loggedInEachTest();

  it('is accessible with the editor open', async function () {
    // axe over 94 scope checkboxes: a few seconds alone, more on a loaded two-core machine.
    this.timeout(30_000);
    routes();
    const el = await listWidget();
    await list(el);
    await openEditor(el);
    await expect(el).to.be.accessible();
  });

  it('opens on the current scopes with the focus in it; Cancel closes and gives the focus back', async () => {
    routes();
    const el = await listWidget();
    await list(el);
    const editor = await openEditor(el);
    expect(rowButton(el, 'Edit scopes of Backend').getAttribute('aria-expanded')).to.equal('true');
    expect(scopeBox(editor, 'devices:list').checked).to.equal(true);
    expect(scopeBox(editor, 'events:get').checked).to.equal(false);
    expect(editorButton(editor, 'Save scopes').disabled, 'nothing changed yet').to.equal(true);
    const picker = editor.shadowRoot!.querySelector('particle-scope-picker')!;
    await until(() => picker.shadowRoot!.activeElement?.getAttribute('part') === 'filter');
    editorButton(editor, 'Cancel').click();
    await until(() => !root(el).querySelector('particle-api-user-editor'));
    await until(
      () => table(el)!.shadowRoot!.activeElement === rowButton(el, 'Edit scopes of Backend'),
    );
    expect(rowButton(el, 'Edit scopes of Backend').getAttribute('aria-expanded')).to.equal('false');
  });

  it('keeps the reader’s edits when the table reloads meanwhile', async () => {
    const api = routes();
    const el = await listWidget();
    await list(el);
    const editor = await openEditor(el);
    scopeBox(editor, 'events:get').click();
    const before = table(el)!.users;
    window.dispatchEvent(new ParticleApiUserCreatedEvent({ kind: 'product', id: '1001' }, 'x'));
    await until(() => table(el)!.users !== before, 'the table did not reload');
    expect(api.callsTo(TEAM)).to.have.length(2);
    await editor.updateComplete;
    expect(scopeBox(editor, 'events:get').checked).to.equal(true);
    expect(editorButton(editor, 'Save scopes').disabled).to.equal(false);
  });

  /** Lists, opens Backend's editor, adds events:get and presses Save scopes. */
  async function saveWithEventsGet() {
    const el = await listWidget();
    await list(el);
    const editor = await openEditor(el);
    scopeBox(editor, 'events:get').click();
    await editor.updateComplete;
    editor.shadowRoot!.querySelector('form')!.requestSubmit();
    return { el, editor };
  }

  it('saving shows the new token once and the table updates by itself', async () => {
    const updated = apiUser('Backend', ['devices:list', 'devices:get', 'events:get'], 'b1');
    const api = routes({
      [PUT]: { body: credentialsBody('updated', updated.username, NEW) },
      [TEAM]: [
        { body: { ok: true, team: defaultTeam() } },
        { body: { ok: true, team: [updated, defaultTeam()[3]] } },
      ],
    });
    const { el, editor } = await saveWithEventsGet();
    editor.shadowRoot!.querySelector('form')!.requestSubmit();
    await until(() => editor.shadowRoot!.querySelector('particle-api-user-token'));
    const puts = api.callsTo(PUT);
    expect(puts).to.have.length(1);
    expect(puts[0]!.path).to.equal('/v1/products/1001/team/backend%2Bb1%40api.particle.io');
    expect(puts[0]!.json).to.deep.equal({ scopes: ['devices:get', 'devices:list', 'events:get'] });
    const token = editor.shadowRoot!.querySelector('particle-api-user-token')!;
    await token.updateComplete;
    expect(token.shadowRoot!.textContent).to.contain('New token for “Backend”');
    expect(token.shadowRoot!.textContent).to.contain('shown only once and never expires');
    expect(
      token.shadowRoot!.querySelector('particle-secret')!.shadowRoot!.textContent,
    ).not.to.contain(NEW);
    expect(token.shadowRoot!.querySelector('particle-snippet')!.command).to.contain('-X PUT');
    expect(token.shadowRoot!.activeElement?.textContent).to.equal('New token for “Backend”');
    // Focus says where the token is; the list's live region says what happened.
    expect(status(el).textContent).to.contain(
      'Saved the scopes of “Backend”. Copy its new token now: it is shown only once.',
    );
    await until(() => api.callsTo(TEAM).length === 2, 'table did not reload');
    await until(() => rows(el)[0]?.textContent?.includes('events:get'));
  });

  it('shows the save as busy before its request goes out', async () => {
    let saveDisabledWhenSent: boolean | undefined;
    let editor: ParticleApiUserEditor | undefined;
    const api = routes({
      [PUT]: () => {
        saveDisabledWhenSent = editorButton(editor!, 'Save scopes').disabled;
        return new Promise<FakeResponse>(() => {}); // no answer: the save stays in flight
      },
    });
    const el = await listWidget();
    await list(el);
    editor = await openEditor(el);
    scopeBox(editor, 'events:get').click();
    await editor.updateComplete;
    editor.shadowRoot!.querySelector('form')!.requestSubmit();
    expect(api.callsTo(PUT), 'sent in the submit’s own task').to.have.length(0);
    await until(() => api.callsTo(PUT).length === 1, 'no save was sent');
    expect(saveDisabledWhenSent, 'Save scopes was still enabled when the request left').to.equal(
      true,
    );
  });

  it('a failed save is said beside the buttons and takes the focus', async () => {
    routes({ [PUT]: { status: 500, body: { ok: false, error: 'boom' } } });
    const { editor } = await saveWithEventsGet();
    await until(() => editor.shadowRoot!.querySelector('.error'));
    expect(editor.shadowRoot!.activeElement).to.equal(editor.shadowRoot!.querySelector('.error'));
    expect(editor.shadowRoot!.querySelector('.error')!.textContent).to.contain('HTTP 500');
  });

  it('an expired session during a save brings back the login prompt', async () => {
    routes({ [PUT]: { status: 401, body: { error: 'invalid_token' } } });
    const { el } = await saveWithEventsGet();
    await until(() => root(el).querySelector('particle-login-prompt'), 'no login prompt');
    expect(root(el).querySelector('particle-api-user-editor')).to.equal(null);
  });
});
