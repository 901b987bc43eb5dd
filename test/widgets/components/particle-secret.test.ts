import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import sinon from 'sinon';
import { maskSecret, type ParticleSecret } from '../../../widgets/components/particle-secret.js';
import type { ParticleCopyEvent } from '../../../widgets/events.js';
import '../../../widgets/components/particle-secret.js';
import { heardAsSeen, names } from '../../helpers/ax-tree.js';

const TOKEN = 'abcd1234efgh5678ijkl9012mnop3456qrst7890';

async function secret(value = TOKEN): Promise<ParticleSecret> {
  return fixture<ParticleSecret>(html`<particle-secret .value=${value}></particle-secret>`);
}

const text = (el: ParticleSecret) => el.shadowRoot!.textContent ?? '';
const button = (el: ParticleSecret, part: string) =>
  el.shadowRoot!.querySelector<HTMLButtonElement>(`[part=${part}]`)!;

describe('<particle-secret>', () => {
  afterEach(() => sinon.restore());

  it('is accessible', async () => {
    await expect(await secret()).to.be.accessible();
  });

  it('shows only the first and last four characters until Show is pressed', async () => {
    const el = await secret();
    expect(text(el)).to.contain('abcd').and.contain('7890');
    expect(text(el)).not.to.contain(TOKEN);
    expect(text(el)).not.to.contain('1234efgh');
    expect(el.outerHTML + el.shadowRoot!.innerHTML).not.to.contain(TOKEN);
    button(el, 'toggle').click();
    await el.updateComplete;
    expect(text(el)).to.contain(TOKEN);
    expect(names(await heardAsSeen('token shown'), 'button')).to.include('Hide token');
    button(el, 'toggle').click();
    await el.updateComplete;
    expect(text(el)).not.to.contain(TOKEN);
  });

  it('masks a new value again', async () => {
    const el = await secret();
    button(el, 'toggle').click();
    await el.updateComplete;
    el.value = 'zzzz0000yyyy1111xxxx2222';
    await el.updateComplete;
    expect(text(el)).not.to.contain('zzzz0000yyyy1111xxxx2222');
  });

  it('masks short secrets completely', () => {
    expect(maskSecret('short')).to.equal('••••••••');
    expect(maskSecret(TOKEN)).to.equal('abcd••••••••7890');
  });

  it('copies the full secret without showing it, and says so', async () => {
    const write = sinon.stub(navigator.clipboard, 'writeText').resolves();
    const el = await secret();
    setTimeout(() => button(el, 'copy').click());
    const event = (await oneEvent(el, 'particle-copy')) as ParticleCopyEvent;
    expect(write).to.have.been.calledOnceWith(TOKEN);
    expect(event.ok).to.equal(true);
    expect(event.what).to.equal('token');
    expect(event.composed).to.equal(true);
    expect(text(el)).not.to.contain(TOKEN);
  });

  it('reports a refused clipboard', async () => {
    sinon.stub(navigator.clipboard, 'writeText').rejects(new DOMException('denied'));
    const el = await secret();
    setTimeout(() => button(el, 'copy').click());
    const event = (await oneEvent(el, 'particle-copy')) as ParticleCopyEvent;
    expect(event.ok).to.equal(false);
  });

  it('names its buttons after its label', async () => {
    const el = await fixture<ParticleSecret>(
      html`<particle-secret label="API user token" .value=${TOKEN}></particle-secret>`,
    );
    // As Chromium computes them: two bindings side by side once made this "ShowAPI user token".
    expect(names(await heardAsSeen('masked API-user token'), 'button')).to.deep.equal([
      'Show API user token',
      'Copy API user token',
    ]);
    button(el, 'toggle').click();
    await el.updateComplete;
    expect(names(await heardAsSeen('shown API-user token'), 'button')).to.deep.equal([
      'Hide API user token',
      'Copy API user token',
    ]);
  });
});
