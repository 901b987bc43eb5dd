import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import sinon from 'sinon';
import type { ParticleSnippet } from '../../../widgets/components/particle-snippet.js';
import type { ParticleCopyEvent } from '../../../widgets/events.js';
import '../../../widgets/components/particle-snippet.js';

const COMMAND =
  'curl https://api.particle.io/v1/user -H "Authorization: Bearer $PARTICLE_ACCESS_TOKEN"';

describe('<particle-snippet>', () => {
  afterEach(() => sinon.restore());

  it('is accessible', async () => {
    const el = await fixture(
      html`<particle-snippet label="curl" .command=${COMMAND}></particle-snippet>`,
    );
    await expect(el).to.be.accessible();
  });

  it('shows the command and copies exactly what it shows', async () => {
    const write = sinon.stub(navigator.clipboard, 'writeText').resolves();
    const el = await fixture<ParticleSnippet>(
      html`<particle-snippet label="curl" .command=${COMMAND}></particle-snippet>`,
    );
    const shown = el.shadowRoot!.querySelector('pre')!.textContent;
    expect(shown).to.equal(COMMAND);
    const copy = el.shadowRoot!.querySelector<HTMLButtonElement>('[part=copy]')!;
    expect(copy.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Copy curl command');
    setTimeout(() => copy.click());
    const event = (await oneEvent(el, 'particle-copy')) as ParticleCopyEvent;
    expect(write).to.have.been.calledOnceWith(shown);
    expect(event.what).to.equal('curl command');
    expect(event.ok).to.equal(true);
  });

  it('keeps each line of a long command whole on a narrow screen, scrolling it instead', async () => {
    const el = await fixture<ParticleSnippet>(
      html`<particle-snippet style="width: 12rem" label="curl" .command=${COMMAND}></particle-snippet>`,
    );
    const pre = el.shadowRoot!.querySelector('pre')!;
    const lineHeight = Number.parseFloat(getComputedStyle(pre).lineHeight);
    expect(pre.clientHeight).to.be.below(lineHeight * 2.5, 'the command wrapped');
    expect(pre.scrollWidth).to.be.above(pre.clientWidth);
    expect(pre.tabIndex, 'keyboard readers can scroll it').to.equal(0);
    // In a grid, where an item is otherwise as wide as its longest line, it still fits.
    const grid = await fixture<HTMLElement>(
      html`<div style="display: grid; width: 12rem"><div>
        <particle-snippet label="curl" .command=${COMMAND}></particle-snippet>
      </div></div>`,
    );
    expect(grid.scrollWidth).to.equal(grid.clientWidth);
    await expect(el).to.be.accessible();
  });
});
