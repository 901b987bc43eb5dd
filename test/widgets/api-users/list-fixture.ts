/**
 * A `<particle-api-user-list>` on a fake API, and the ways its suites reach inside it
 * (the status line, the table's rows and buttons, the dialog, the scope editor).
 */
import { fixture, html } from '@open-wc/testing';
import type { ParticleApiUserEditor } from '../../../widgets/api-users/api-user-editor.js';
import type { ParticleApiUserTable } from '../../../widgets/api-users/api-user-table.js';
import type { ParticleConfirmDialog } from '../../../widgets/api-users/confirm-dialog.js';
import type { ParticleApiUserList } from '../../../widgets/particle-api-user-list.js';
import '../../../widgets/particle-api-user-list.js';
import { type FakeFetch, fakeFetch, type Responder } from '../../helpers/fake-fetch.js';
import { API, teamRoutes, until } from './team-api.js';

export const TEAM = 'GET /v1/products/:product/team';

/** A list widget for API, once its target picker has loaded and chosen. */
export async function listWidget(): Promise<ParticleApiUserList> {
  const el = await fixture<ParticleApiUserList>(
    html`<particle-api-user-list api-base=${API}></particle-api-user-list>`,
  );
  await until(() => el.shadowRoot!.querySelector('particle-target-picker')?.value, 'no target');
  return el;
}

export const root = (el: ParticleApiUserList) => el.shadowRoot!;
export const listButton = (el: ParticleApiUserList) =>
  root(el).querySelector<HTMLButtonElement>('form button[type=submit]')!;
export const status = (el: ParticleApiUserList) => root(el).querySelector('[part=status]')!;
export const table = (el: ParticleApiUserList) =>
  root(el).querySelector<ParticleApiUserTable>('particle-api-user-table');
export const dialog = (el: ParticleApiUserList) =>
  root(el).querySelector<ParticleConfirmDialog>('particle-confirm-dialog')!;
export const rows = (el: ParticleApiUserList) => [
  ...(table(el)?.shadowRoot?.querySelectorAll<HTMLTableRowElement>('tr[data-username]') ?? []),
];
/** A row button by its accessible name (`Delete Backend`, `Edit scopes of Backend`). */
export const rowButton = (el: ParticleApiUserList, name: string) =>
  [...table(el)!.shadowRoot!.querySelectorAll('button')].find(
    (b) => b.getAttribute('aria-label') === name,
  )!;

/** Presses List API users and waits for the table. */
export async function list(el: ParticleApiUserList): Promise<void> {
  listButton(el).click();
  await until(() => table(el), 'table never shown');
  await table(el)!.updateComplete;
}

export function routes(extra: Record<string, Responder | Responder[]> = {}): FakeFetch {
  return fakeFetch({ ...teamRoutes(), ...extra });
}

/** Presses Edit scopes of `name` and resolves with the editor. */
export async function openEditor(
  el: ParticleApiUserList,
  name = 'Backend',
): Promise<ParticleApiUserEditor> {
  rowButton(el, `Edit scopes of ${name}`).click();
  await until(() => root(el).querySelector('particle-api-user-editor'));
  const editor = root(el).querySelector<ParticleApiUserEditor>('particle-api-user-editor')!;
  await editor.updateComplete;
  return editor;
}

/** A checkbox of the editor's scope picker, by its accessible name. */
export const scopeBox = (editor: ParticleApiUserEditor, scope: string) =>
  [
    ...editor
      .shadowRoot!.querySelector('particle-scope-picker')!
      .shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=checkbox]'),
  ].find((c) => c.labels?.[0]?.textContent?.trim() === scope)!;

/** An editor button by its text (`Save scopes`, `Cancel`, `Done`). */
export const editorButton = (editor: ParticleApiUserEditor, text: string) =>
  [...editor.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim() === text)!;
