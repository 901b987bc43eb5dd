/**
 * The API-user widgets by keyboard alone, with real key presses (the runner's sendKeys):
 * Escape closes the scope editor and gives the focus back to what opened it, and "Skip the
 * scope list" crosses the 94 checkboxes in a few keystrokes.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ParticleApiUserCreate } from '../../../widgets/particle-api-user-create.js';
import '../../../widgets/particle-api-user-create.js';
import { axControls } from '../../helpers/ax-tree.js';
import { list, listWidget, openEditor, root, routes, rowButton, table } from './list-fixture.js';
import { API, loggedInEachTest, until } from './team-api.js';

/** The focused element, through every shadow root. */
function focused(): Element | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/** What has the focus, in words: a button or field by its text, else its part. */
const focusedName = () => {
  const el = focused();
  return el?.getAttribute('part') === 'count'
    ? 'the count line'
    : ((el?.textContent?.trim() || el?.getAttribute('part') || el?.localName) ?? 'nothing');
};

/** Presses `keys` in turn and lists where the focus went after each. */
async function press(...keys: string[]): Promise<string[]> {
  const where: string[] = [];
  for (const key of keys) {
    await sendKeys({ press: key });
    where.push(focusedName());
  }
  return where;
}

const isFilter = () => focused()?.getAttribute('part') === 'filter';

describe('API-user widgets by keyboard', () => {
  loggedInEachTest();

  it('Escape closes the scope editor and gives the focus back to its Edit scopes button', async () => {
    routes();
    const el = await listWidget();
    await list(el);
    await openEditor(el);
    await until(isFilter, 'the editor did not take the focus');
    await sendKeys({ press: 'Escape' });
    await until(() => !root(el).querySelector('particle-api-user-editor'), 'still open');
    await until(
      () => table(el)!.shadowRoot!.activeElement === rowButton(el, 'Edit scopes of Backend'),
    );
  });

  it('Escape in a filter with text clears the text first, and closes only then', async () => {
    routes();
    const el = await listWidget();
    await list(el);
    await openEditor(el);
    await until(isFilter);
    await sendKeys({ type: 'devices' });
    await sendKeys({ press: 'Escape' });
    expect((focused() as HTMLInputElement).value).to.equal('');
    expect(root(el).querySelector('particle-api-user-editor'), 'still open').to.exist;
    await sendKeys({ press: 'Escape' });
    await until(() => !root(el).querySelector('particle-api-user-editor'), 'not closed');
  });

  it('from the editor’s filter to Cancel takes three keystrokes, not a hundred', async () => {
    routes();
    const el = await listWidget();
    await list(el);
    await openEditor(el);
    await until(isFilter);
    // Save scopes is disabled until something changes, so Tab passes it.
    expect(await press('Tab', 'Enter', 'Tab')).to.deep.equal([
      'Skip the scope list',
      'the count line',
      'Cancel',
    ]);
  });

  it('the create form: filter → skip → Create API user, and the skip button is named as seen', async () => {
    routes();
    const el = await fixture<ParticleApiUserCreate>(
      html`<particle-api-user-create api-base=${API}></particle-api-user-create>`,
    );
    await until(() => el.shadowRoot!.querySelector('particle-target-picker')?.value, 'no target');
    const picker = el.shadowRoot!.querySelector('particle-scope-picker')!;
    picker.shadowRoot!.querySelector<HTMLButtonElement>('[part=presets] button')!.click();
    const name = el.shadowRoot!.querySelector<HTMLInputElement>('#friendly-name')!;
    name.focus();
    await sendKeys({ type: 'Fleet' });
    await sendKeys({ press: 'Tab' });
    expect(isFilter(), 'Friendly name is followed by the filter').to.equal(true);
    expect(await press('Tab', 'Enter', 'Tab')).to.deep.equal([
      'Skip the scope list',
      'the count line',
      'Create API user',
    ]);
    const skip = (await axControls()).filter((c) => c.name === 'Skip the scope list');
    expect(skip.map((c) => c.role)).to.deep.equal(['button']);
  });
});
