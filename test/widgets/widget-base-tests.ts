/**
 * The behaviour every form widget shares, as one suite each widget runs:
 *
 *   runWidgetBaseTests('<particle-create-token>', {
 *     setup: () => fixture(html`<particle-create-token api-base=${API}></particle-create-token>`),
 *     fill: (root) => { … set valid input … },
 *     submit: 'button[type=submit]',
 *     route: 'POST /oauth/token',
 *     kept: ['input[name=username]'],
 *     extraRoutes: { 'GET /v1/user': { body: { username: 'demo@example.com' } } }, // optional
 *   });
 *
 * It checks: one live region; busy state (aria-busy, disabled submit, a visible
 * hint); one request however often the submit is clicked; every error kind the
 * reader can meet is said in the live region, with the reader's input kept and
 * focus on that sentence (or on `errorFocus`).
 * Call it inside the widget's own `describe`, after the widget's `afterEach`
 * has reset sessions and sinon.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { LitElement } from 'lit';
import {
  clickRepeatedly,
  type FakeResponse,
  fakeFetch,
  type Responder,
} from '../helpers/fake-fetch.js';

export interface WidgetBaseOptions {
  /** Renders the widget ready to submit (logged in first if it needs a session). */
  setup: () => Promise<LitElement>;
  /** Where the widget renders: its shadow root (the default) or itself (light DOM). */
  root?: (el: LitElement) => ParentNode;
  /** Fills the form with valid input. */
  fill: (root: ParentNode) => void | Promise<void>;
  /** Selector of the submit button. */
  submit: string;
  /** The route the submit calls, e.g. 'POST /oauth/token'. */
  route: string;
  /** Selectors of fields whose values must survive any failure. */
  kept: string[];
  /**
   * Other routes the widget calls before or around `route` (loading a list, checking the
   * session); each test answers `route` its own way and these as given.
   */
  extraRoutes?: Record<string, Responder | Responder[]>;
  /** Selector of what has focus after an error no field is to blame for; the live region by default. */
  errorFocus?: string;
}

const ERRORS: [name: string, answer: FakeResponse | 'network-error', says: RegExp][] = [
  ['a server error', { status: 503, body: { error: 'server_error' } }, /problem|try again/i],
  [
    'a rate limit, with the wait',
    { status: 429, body: { error: 'rate_limit_exceeded' }, headers: { 'Retry-After': '42' } },
    /42 seconds/,
  ],
  ['being offline', 'network-error', /could not reach/i],
  ['an unreadable reply', { status: 200, raw: '<html>oops</html>' }, /could not be read/i],
];

/** An element in words (`input#x[name=password]`). */
function describeElement(el: Element | null | undefined): string {
  if (!el) return 'nothing';
  const name = el.getAttribute('name');
  return `${el.localName}${el.id ? `#${el.id}` : ''}${name ? `[name=${name}]` : ''}`;
}

/**
 * Asserts that `expected` has focus (`actual` is `document.activeElement` or a shadow
 * root's). Compares the elements themselves but reports them in words: chai comparing
 * two elements that differ makes the test runner serialize them, and it hangs.
 */
export function expectFocus(
  actual: Element | null | undefined,
  expected: Element | null,
  what = '',
): void {
  if (actual === expected) return;
  expect(describeElement(actual), what || 'focus').to.equal(
    `${describeElement(expected)} (another element)`,
  );
}

/** Every live region inside `root`, at any shadow depth (a widget should have exactly one). */
export function liveRegions(root: ParentNode): Element[] {
  const found: Element[] = [];
  const queue: ParentNode[] = [root];
  while (queue.length) {
    const node = queue.shift()!;
    found.push(...node.querySelectorAll('[role=status], [aria-live], [role=alert]'));
    for (const el of node.querySelectorAll('*')) if (el.shadowRoot) queue.push(el.shadowRoot);
  }
  return found;
}

export function runWidgetBaseTests(name: string, options: WidgetBaseOptions): void {
  const rootOf = (el: LitElement) => options.root?.(el) ?? el.shadowRoot!;
  const liveRegion = (el: LitElement) => rootOf(el).querySelector('[role=status]')!;
  const submit = (el: LitElement) => rootOf(el).querySelector<HTMLButtonElement>(options.submit)!;
  const focused = (el: LitElement) => {
    const root = rootOf(el);
    return root instanceof ShadowRoot ? root.activeElement : document.activeElement;
  };
  const answering = (answer: Responder) =>
    fakeFetch({ ...options.extraRoutes, [options.route]: answer });

  describe(`${name}: shared widget behaviour`, () => {
    it('has exactly one live region', async () => {
      const el = await options.setup();
      expect(liveRegions(rootOf(el))).to.deep.equal([liveRegion(el)]);
    });

    it('is busy while the request runs, and sends one request however often it is clicked', async () => {
      const api = answering('hang');
      const el = await options.setup();
      await options.fill(rootOf(el));
      await clickRepeatedly(
        () => submit(el),
        el,
        () => api.callsTo(options.route).length,
      );
      expect(api.callsTo(options.route)).to.have.length(1);
      expect(submit(el).disabled).to.equal(true);
      expect(submit(el).closest('[aria-busy]')!.getAttribute('aria-busy')).to.equal('true');
      expect(liveRegion(el).textContent!.trim()).to.match(/…$/);
      expect((liveRegion(el) as HTMLElement).checkVisibility(), 'the hint is visible').to.equal(
        true,
      );
    });

    it('shows it is busy before the request goes out: the click’s own task only renders that', async () => {
      let el: LitElement | undefined;
      let busyWhenSent: boolean | undefined;
      const api = answering(() => {
        busyWhenSent = submit(el!).disabled;
        return new Promise<FakeResponse>(() => {}); // no answer: the request stays in flight
      });
      el = await options.setup();
      await options.fill(rootOf(el));
      submit(el).click();
      expect(api.callsTo(options.route), 'sent in the click’s own task').to.have.length(0);
      await waitUntil(() => api.callsTo(options.route).length === 1, 'no request was sent');
      expect(busyWhenSent, 'the button was still enabled when the request left').to.equal(true);
    });

    for (const [what, answer, says] of ERRORS) {
      it(`says so on ${what} and keeps the input`, async () => {
        answering(answer);
        const el = await options.setup();
        await options.fill(rootOf(el));
        const before = options.kept.map(
          (s) => rootOf(el).querySelector<HTMLInputElement>(s)!.value,
        );
        submit(el).click();
        await waitUntil(() => says.test(liveRegion(el).textContent ?? ''), 'no error sentence');
        const after = options.kept.map((s) => rootOf(el).querySelector<HTMLInputElement>(s)!.value);
        expect(after).to.deep.equal(before);
        expect(submit(el).disabled).to.equal(false);
        await el.updateComplete;
        const expected = rootOf(el).querySelector(options.errorFocus ?? '[role=status]');
        expectFocus(focused(el), expected, 'focus is on the error');
      });
    }
  });
}
