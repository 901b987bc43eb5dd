/**
 * Lit's decorators, imported one module each: `lit/decorators.js` re-exports all of them, and
 * esbuild assigns a module to a chunk by who imports it, not by what they use: through it,
 * `@query`'s code, which only on-demand views use, was part of every page's first load.
 * `@customElement` is our own.
 */
import { defineInTurn } from './components/own-task.js';

/** Lit's `@customElement(tag)`, defining with `defineInTurn` (see there). */
export const customElement = (tag: string) => (element: CustomElementConstructor) =>
  defineInTurn(tag, element);

export { property } from 'lit/decorators/property.js';
export { state } from 'lit/decorators/state.js';
