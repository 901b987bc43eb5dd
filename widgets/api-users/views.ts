/**
 * What the API-user widgets show a logged-in reader — the target picker, the scope
 * picker, the table, the scope editor, the confirmation dialog and the view of a new
 * token — with the API calls behind them, in the chunk of on-demand views
 * (`../components/on-demand.ts`), loaded when a session starts if nothing loaded it before.
 * A logged-out reader sees only the "Log in to …" prompt and never downloads it.
 */
import { html } from 'lit';
import { onDemand } from '../components/lazy.js';
import type { ParticleScopePicker } from './scope-picker.js';

export const loggedInViews = onDemand('loggedIn');

/** The loaded chunk; only for code that runs once `loggedInViews` is ready (a logged-in render). */
export const views = () => loggedInViews.module!;

/** A scope picker bound to a form's selection: `onChange` receives each new selection. */
export const scopePicker = (
  value: readonly string[],
  disabled: boolean,
  onChange: (scopes: readonly string[]) => void,
) =>
  html`<particle-scope-picker
    exportparts="filter, presets, groups, group, count"
    .value=${value}
    ?disabled=${disabled}
    @change=${(e: Event) => onChange((e.target as ParticleScopePicker).value)}
  ></particle-scope-picker>`;
