/**
 * Checks of a widget's "Request and response" pane (components/exchange-pane.ts and
 * exchange-view.ts), shared by every widget action in the exchange-pane*.test.ts suites.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ParticleExchangePane } from '../../widgets/components/exchange-pane.js';
import type { ParticleExchangeView } from '../../widgets/components/exchange-view.js';
import { axControls, axProblems, axText, names } from '../helpers/ax-tree.js';

export interface PaneExpectation {
  /** Lines the pane must show: method and URL, status line, parts of the body. */
  shows: string[];
  /** Secrets that must not be read (text or accessibility tree) until Show secrets is pressed. */
  secrets: string[];
}

/** Generous: the pane's chunk loads after the call, the view's on first open (a loaded 2-core machine). */
const LOADS = { timeout: 4000 };

/** The `<details>` of the widget's pane, once its element is defined and rendered. */
export async function paneDetails(root: ParentNode): Promise<HTMLDetailsElement> {
  await waitUntil(
    () =>
      root
        .querySelector<ParticleExchangePane>('particle-exchange-pane')
        ?.shadowRoot?.querySelector('details'),
    'no Request and response pane',
    LOADS,
  );
  return root.querySelector('particle-exchange-pane')!.shadowRoot!.querySelector('details')!;
}

/** The widget's pane, collapsed; opened with the keyboard (focus the summary, press Enter). */
export async function openPane(root: ParentNode): Promise<ParticleExchangeView> {
  const details = await paneDetails(root);
  const summary = details.querySelector('summary')!;
  expect(summary.textContent!.trim()).to.equal('Request and response');
  expect(details.open, 'the pane starts collapsed').to.equal(false);
  summary.focus();
  await sendKeys({ press: 'Enter' });
  expect(details.open, 'Enter opens the pane').to.equal(true);
  await waitUntil(
    () => details.querySelector<ParticleExchangeView>('particle-exchange-view')?.shadowRoot,
    'the view never loaded',
    LOADS,
  );
  const view = details.querySelector<ParticleExchangeView>('particle-exchange-view')!;
  await view.updateComplete;
  return view;
}

export const paneText = (view: ParticleExchangeView) => view.shadowRoot!.textContent ?? '';

/** Shows `shows`, hides `secrets` in its text and in Chromium's accessibility tree until revealed. */
export async function expectPane(view: ParticleExchangeView, { shows, secrets }: PaneExpectation) {
  const text = paneText(view);
  const ax = await axText();
  // The tree has a node per highlighted JSON token (`"ok"`, `:`, `true`): compare without spaces.
  const squeezed = (words: string) => words.replace(/\s+/g, '');
  for (const line of shows) {
    expect(text, 'pane text').to.include(line);
    expect(squeezed(ax), 'accessibility tree').to.include(squeezed(line));
  }
  for (const secret of secrets) {
    expect(text, `pane text shows ${secret}`).to.not.include(secret);
    expect(ax, `accessibility tree has ${secret}`).to.not.include(secret);
  }
  // The pane's own controls only: the widget around it has its own suites.
  const controls = (await axControls()).filter((c) =>
    c.element.endsWith('in <particle-exchange-view>'),
  );
  expect(axProblems(controls), 'what a screen reader hears in the pane').to.deep.equal([]);
  expect(names(controls, 'button')).to.include.members(['Show secrets', 'Copy request as curl']);
  const reveal = view.shadowRoot!.querySelector<HTMLButtonElement>('[part=reveal]')!;
  expect(reveal.textContent!.trim()).to.equal('Show secrets');
  expect(reveal.getAttribute('aria-pressed')).to.equal('false');
  reveal.click();
  await view.updateComplete;
  expect(reveal.getAttribute('aria-pressed')).to.equal('true');
  for (const secret of secrets) expect(paneText(view), 'revealed').to.include(secret);
  reveal.click();
  await view.updateComplete;
  for (const secret of secrets) expect(paneText(view), 'hidden again').to.not.include(secret);
}

/** Nothing the API sent became an element: the pane renders it as text. */
export function expectNoMarkup(view: ParticleExchangeView, selector: string): void {
  expect(view.shadowRoot!.querySelector(selector), 'API data became markup').to.equal(null);
  expect((window as { __pwned?: number }).__pwned, 'API data ran as script').to.equal(undefined);
}
