import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ParticleConfirmDialog } from '../../../widgets/api-users/confirm-dialog.js';
import '../../../widgets/api-users/confirm-dialog.js';
import { HOSTILE } from './team-api.js';

async function dialog(): Promise<ParticleConfirmDialog> {
  const el = await fixture<ParticleConfirmDialog>(
    html`<particle-confirm-dialog
      heading="Delete API user “Backend”?"
      message="Its token stops working at once."
    ></particle-confirm-dialog>`,
  );
  return el;
}

const part = (el: ParticleConfirmDialog, name: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[part=${name}]`)!;
const focused = (el: ParticleConfirmDialog) => el.shadowRoot!.activeElement;

describe('<particle-confirm-dialog>', () => {
  it('is accessible', async () => {
    const el = await dialog();
    const answer = el.ask();
    await expect(el).to.be.accessible();
    part(el, 'cancel').click();
    await answer;
  });

  it('opens modal with the focus on Cancel, naming what is at stake', async () => {
    const el = await dialog();
    const answer = el.ask();
    const native = part(el, 'dialog') as HTMLDialogElement;
    expect(native.open).to.equal(true);
    expect(native.matches(':modal')).to.equal(true);
    expect(focused(el)).to.equal(part(el, 'cancel'));
    expect(native.textContent).to.contain('Delete API user “Backend”?');
    expect(native.textContent).to.contain('Its token stops working at once.');
    part(el, 'cancel').click();
    expect(await answer).to.equal(false);
    expect(native.open).to.equal(false);
  });

  it('keeps focus inside while open (Tab cycles between its buttons)', async () => {
    const el = await dialog();
    const answer = el.ask();
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal(part(el, 'confirm'));
    expect(document.activeElement).to.equal(el);
    part(el, 'cancel').click();
    await answer;
  });

  it('Escape closes it without confirming', async () => {
    const el = await dialog();
    const answer = el.ask();
    await sendKeys({ press: 'Escape' });
    expect(await answer).to.equal(false);
    expect(el.open).to.equal(false);
  });

  it('the confirm button confirms, by mouse or keyboard', async () => {
    const el = await dialog();
    let answer = el.ask();
    part(el, 'confirm').click();
    expect(await answer).to.equal(true);
    answer = el.ask(); // a second use starts from a clean answer
    part(el, 'confirm').focus();
    await sendKeys({ press: 'Enter' });
    expect(await answer).to.equal(true);
    answer = el.ask();
    await sendKeys({ press: 'Escape' });
    expect(await answer).to.equal(false);
  });

  it('renders heading and message as text', async () => {
    const el = await dialog();
    el.heading = HOSTILE.user;
    el.message = HOSTILE.error;
    const answer = el.ask();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('#injected, #evil, b, a')).to.equal(null);
    expect(part(el, 'dialog').textContent).to.contain(HOSTILE.user);
    part(el, 'cancel').click();
    await answer;
  });
});
