/**
 * The accessibility-tree helper itself (test/helpers/ax-tree.ts): it hears what Chromium
 * computes, and each of its three complaints fires, naming the state and the control.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { axControls, heardAsSeen, names } from '../helpers/ax-tree.js';

async function complaint(state: string): Promise<string> {
  try {
    await heardAsSeen(state);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('heardAsSeen found nothing wrong');
}

describe('accessibility-tree helper', () => {
  it('lists controls with their role, name and named container', async () => {
    await fixture(html`<form aria-label="Sign up">
      <label for="e">Email</label><input id="e" />
      <fieldset><legend>Plan</legend><input type="radio" id="f" /><label for="f">Free</label></fieldset>
      <button>Join</button>
    </form>`);
    const controls = await heardAsSeen('sign-up form');
    expect(controls.map((c) => `${c.role} ${c.name} | ${c.container}`)).to.deep.equal([
      'form Sign up | page',
      'textbox Email | form “Sign up”',
      'group Plan | form “Sign up”',
      'radio Free | form “Sign up” › group “Plan”',
      'button Join | form “Sign up”',
    ]);
  });

  it('hears the name Chromium computes, not textContent', async () => {
    const [verb, noun] = ['Show', 'token'];
    await fixture(html`<div><button>${verb} ${noun}</button></div>`);
    expect(names(await axControls(), 'button')).to.deep.equal(['Showtoken']);
    const message = await complaint('glued');
    expect(message).to.contain('In state “glued”');
    expect(message).to.contain('is heard as “Showtoken” but reads “Show token” on screen');
  });

  it('fails on a control without a name', async () => {
    await fixture(html`<div><button class="icon"></button></div>`);
    expect(await complaint('icon only')).to.contain(
      'button button.icon in page has no accessible name',
    );
  });

  it('fails on two same-role same-name controls in one container, not in two', async () => {
    await fixture(html`<div>
      <section aria-label="Create"><button>Log in</button></section>
      <section aria-label="List"><button>Log in</button></section>
    </div>`);
    await heardAsSeen('two named regions');
    await fixture(html`<div><button>Log in</button><button>Log in</button></div>`);
    expect(await complaint('two prompts')).to.contain(
      'button “Log in” (button) in page: a second button of that name in page',
    );
  });

  it('lets an aria-label add words to the visible ones, but not drop them', async () => {
    await fixture(
      html`<div><button aria-label="Select all Devices scopes">Select all</button></div>`,
    );
    await heardAsSeen('label in name');
    await fixture(html`<div><button aria-label="Pick every scope">Select all</button></div>`);
    expect(await complaint('label not in name')).to.contain(
      'its aria-label does not contain the visible words “Select all”',
    );
  });

  it('reads inside shadow roots and can narrow to one element', async () => {
    const el = await fixture(
      html`<div><p id="outer"><button>Outside</button></p><span></span></div>`,
    );
    const host = el.querySelector('span')!;
    host.attachShadow({ mode: 'open' }).innerHTML = '<button>Inside</button>';
    expect(names(await axControls(), 'button')).to.deep.equal(['Outside', 'Inside']);
    expect((await axControls('#outer')).map((c) => c.name)).to.deep.equal(['Outside']);
    expect((await axControls())[1]!.element).to.equal('button in <span>');
  });
});
