/**
 * What a doc author can style: every part the partial docs list is reachable from the
 * page with `::part()`, and the dark scheme gives dark surfaces with light text.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import sinon from 'sinon';
import type { ParticleApiUserCreate } from '../../../widgets/particle-api-user-create.js';
import '../../../widgets/particle-api-user-create.js';
import { fakeFetch } from '../../helpers/fake-fetch.js';
import { resetSessions, signIn } from '../../helpers/session.js';
import { dialog, list, listWidget, routes, rowButton } from './list-fixture.js';
import { API, credentialsBody, teamRoutes, until } from './team-api.js';

const CREATE_PARTS = [
  'form',
  'submit',
  'status',
  'kind',
  'select',
  'filter',
  'presets',
  'groups',
  'group',
  'count',
  'heading',
  'warning',
];
const LIST_PARTS = ['form', 'status', 'table', 'kind', 'select', 'dialog', 'confirm', 'cancel'];

/** Every element with `part` at any shadow depth below `host`. */
function partsIn(host: Element, part: string): Element[] {
  const found: Element[] = [];
  const queue: ShadowRoot[] = host.shadowRoot ? [host.shadowRoot] : [];
  while (queue.length) {
    const root = queue.shift()!;
    found.push(...root.querySelectorAll(`[part~="${part}"]`));
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) queue.push(el.shadowRoot);
  }
  return found;
}

/** Styles each part of `tag` from the page with an outline offset nothing else sets. */
function pageSheet(tag: string, parts: string[]): CSSStyleSheet {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(parts.map((p) => `${tag}::part(${p}) { outline-offset: 7px; }`).join('\n'));
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  return sheet;
}

/** The parts that exist but that the page's `::part()` rule does not reach. */
function unstyled(host: Element, parts: string[]): string[] {
  return parts.filter((part) => {
    const found = partsIn(host, part);
    return found.length === 0 || getComputedStyle(found[0]!).outlineOffset !== '7px';
  });
}

describe('API-user widgets: theming', () => {
  let sheet: CSSStyleSheet | undefined;
  beforeEach(() => signIn(API));
  afterEach(async () => {
    if (sheet) document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    sheet = undefined;
    await emulateMedia({ colorScheme: 'light' });
    sinon.restore();
    resetSessions();
  });

  it('the create widget exposes every documented part, the result included', async () => {
    sheet = pageSheet('particle-api-user-create', CREATE_PARTS);
    fakeFetch({
      ...teamRoutes(),
      'POST /v1/products/:product/team': {
        body: credentialsBody('created', 'b+1@api.particle.io', 'f'.repeat(40)),
      },
    });
    const el = await fixture<ParticleApiUserCreate>(
      html`<particle-api-user-create api-base=${API}></particle-api-user-create>`,
    );
    await until(() => partsIn(el, 'group').length, 'scope picker never shown');
    const root = el.shadowRoot!;
    const name = root.querySelector<HTMLInputElement>('#friendly-name')!;
    name.value = 'Backend';
    name.dispatchEvent(new Event('input'));
    partsIn(el, 'presets')[0]!.querySelector('button')!.click();
    await until(() => !root.querySelector<HTMLButtonElement>('[part=submit]')!.disabled);
    root.querySelector<HTMLButtonElement>('[part=submit]')!.click();
    await until(() => partsIn(el, 'warning').length, 'no result');
    expect(unstyled(el, CREATE_PARTS)).to.deep.equal([]);
  });

  it('the list exposes every documented part, the delete dialog included', async () => {
    sheet = pageSheet('particle-api-user-list', LIST_PARTS);
    routes();
    const el = await listWidget();
    await list(el);
    rowButton(el, 'Delete Backend').click();
    await until(() => dialog(el).open);
    expect(unstyled(el, LIST_PARTS)).to.deep.equal([]);
    partsIn(el, 'cancel')[0]!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
  });

  it('the dark scheme gives dark surfaces and light text', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    routes();
    const el = await listWidget();
    await list(el);
    const form = el.shadowRoot!.querySelector('form')!;
    const lightness = (color: string) => {
      const [r, g, b] = color.match(/\d+/g)!.map(Number);
      return (r! + g! + b!) / 3;
    };
    expect(lightness(getComputedStyle(form).backgroundColor)).to.be.below(60);
    expect(lightness(getComputedStyle(form).color)).to.be.above(180);
  });
});
