import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import type { ParticleApiUsersChangedEvent } from '../../../widgets/events.js';
import type { FakeResponse } from '../../helpers/fake-fetch.js';
import {
  dialog,
  list,
  listWidget,
  root,
  routes,
  rowButton,
  rows,
  status,
  TEAM,
  table,
} from './list-fixture.js';
import { defaultTeam, loggedInEachTest, until } from './team-api.js';

const DELETE = 'DELETE /v1/products/:product/team/:user';

describe('<particle-api-user-list> deleting an API user', () => {
  loggedInEachTest();

  it('is accessible with the dialog open', async () => {
    routes();
    const el = await listWidget();
    await list(el);
    rowButton(el, 'Delete Backend').click();
    await dialog(el).updateComplete;
    await expect(el).to.be.accessible();
    await expect(dialog(el)).to.be.accessible();
  });

  it('asks first; Cancel and Escape delete nothing and give the focus back', async () => {
    const api = routes({ [DELETE]: { body: { ok: true } } });
    const el = await listWidget();
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
    expect(api.callsTo(DELETE)).to.have.length(0);
  });

  it('Delete confirms: one request, the row goes, the lists are told', async () => {
    const api = routes({
      [DELETE]: { body: { ok: true } },
      [TEAM]: [
        { body: { ok: true, team: defaultTeam() } },
        { body: { ok: true, team: defaultTeam().slice(0, 2).concat(defaultTeam()[3]!) } },
      ],
    });
    const el = await listWidget();
    await list(el);
    const changed = sinon.spy();
    window.addEventListener('particle-api-users-changed', changed, { once: true });
    rowButton(el, 'Delete Backend').click();
    await dialog(el).updateComplete;
    const confirm = dialog(el).shadowRoot!.querySelector<HTMLButtonElement>('[part=confirm]')!;
    confirm.click();
    confirm.click(); // the dialog is closed by then: still one request
    await until(() => status(el).textContent?.includes('Deleted API user “Backend”'));
    const calls = api.callsTo(DELETE);
    expect(calls).to.have.length(1);
    expect(calls[0]!.path).to.equal('/v1/products/1001/team/backend%2Bb1%40api.particle.io');
    await table(el)!.updateComplete;
    expect(rows(el).map((r) => r.dataset.username)).to.deep.equal(['dashboard+d2@api.particle.io']);
    expect((changed.firstCall.args[0] as ParticleApiUsersChangedEvent).apiTarget).to.deep.equal({
      kind: 'product',
      id: '1001',
    });
    expect(root(el).activeElement).to.equal(status(el));
    await until(() => api.callsTo(TEAM).length === 2);
  });

  it('lets no row act while a delete runs, from before it is sent, and every row again once it is done', async () => {
    let answer!: (response: FakeResponse) => void;
    let busyWhenSent: boolean | undefined;
    const api = routes({
      [DELETE]: () => {
        busyWhenSent = buttons().every((b) => b.disabled);
        return new Promise((done) => (answer = done));
      },
      [TEAM]: [
        { body: { ok: true, team: defaultTeam() } },
        { body: { ok: true, team: defaultTeam().slice(0, 2).concat(defaultTeam()[3]!) } },
      ],
    });
    const el = await listWidget();
    await list(el);
    const buttons = () => [...table(el)!.shadowRoot!.querySelectorAll('button')];
    expect(buttons().filter((b) => b.disabled)).to.have.length(0);
    rowButton(el, 'Delete Backend').click();
    await dialog(el).updateComplete;
    dialog(el).shadowRoot!.querySelector<HTMLButtonElement>('[part=confirm]')!.click();
    expect(api.callsTo(DELETE), 'sent in the click’s own task').to.have.length(0);
    await until(() => api.callsTo(DELETE).length === 1, 'no delete was sent');
    expect(busyWhenSent, 'rows could still act when the delete left').to.equal(true);
    expect(buttons().every((b) => b.disabled)).to.equal(true);
    expect(buttons()).to.have.length(4);
    answer({ body: { ok: true } });
    await until(() => status(el).textContent?.includes('Deleted API user “Backend”'));
    await until(
      () => buttons().length === 2 && buttons().every((b) => !b.disabled),
      'the remaining row cannot act',
    );
  });

  it('a 403 says the reader lacks access, and keeps the row', async () => {
    routes({ [DELETE]: { status: 403, body: { ok: false, error: 'Forbidden' } } });
    const el = await listWidget();
    await list(el);
    rowButton(el, 'Delete Backend').click();
    await dialog(el).updateComplete;
    dialog(el).shadowRoot!.querySelector<HTMLButtonElement>('[part=confirm]')!.click();
    await until(() => status(el).querySelector('.error'));
    expect(status(el).textContent).to.contain(
      'You lack access to the product “Sandbox Widgets” (1001)',
    );
    expect(rows(el)).to.have.length(2);
  });

  it('a rate limit says the wait; an expired session brings back the login prompt', async () => {
    routes({
      [DELETE]: [
        { status: 429, body: { error: 'rate_limit_exceeded' }, headers: { 'Retry-After': '17' } },
        { status: 401, body: { error: 'invalid_token' } },
      ],
    });
    const el = await listWidget();
    await list(el);
    const confirmDelete = async () => {
      rowButton(el, 'Delete Backend').click();
      await dialog(el).updateComplete;
      dialog(el).shadowRoot!.querySelector<HTMLButtonElement>('[part=confirm]')!.click();
    };
    await confirmDelete();
    await until(() => /17 seconds/.test(status(el).textContent ?? ''), 'no wait said');
    expect(rows(el)).to.have.length(2);
    await confirmDelete();
    await until(() => root(el).querySelector('particle-login-prompt'), 'no login prompt');
    const prompt = root(el).querySelector('particle-login-prompt')!;
    await prompt.updateComplete;
    expect(prompt.shadowRoot!.textContent).to.contain('Your session has expired.');
    expect(table(el)).to.equal(null);
  });
});
