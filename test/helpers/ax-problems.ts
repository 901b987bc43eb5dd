/**
 * What is wrong with what a screen reader hears, from a list of `AxControl`s (see
 * ax-tree-plugin.ts). Plain code, no browser or runner imports: the browser suites use it
 * through ax-tree.ts, the e2e suites directly.
 */
import type { AxControl } from './ax-tree-plugin.js';

/** Whole-word containment, so "Delete" is in "Delete Backend" but not "Deleted". */
function containsWords(name: string, visible: string): boolean {
  const escaped = visible.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|\\s)${escaped}($|\\s)`).test(name);
}

/** What is wrong with what a reader hears, one line per control; empty when all is well. */
export function axProblems(controls: readonly AxControl[]): string[] {
  const problems: string[] = [];
  const seen = new Map<string, AxControl>();
  for (const c of controls) {
    const who = `${c.role} “${c.name}” (${c.element}) in ${c.container}`;
    if (c.interactive && c.name === '') {
      problems.push(`${c.role} ${c.element} in ${c.container} has no accessible name`);
      continue;
    }
    if (c.visible !== null) {
      const matches =
        c.naming === 'aria-label' ? containsWords(c.name, c.visible) : c.name === c.visible;
      if (!matches) {
        problems.push(
          c.naming === 'aria-label'
            ? `${who}: its aria-label does not contain the visible words “${c.visible}”`
            : `${who}: is heard as “${c.name}” but reads “${c.visible}” on screen`,
        );
      }
    }
    if (!c.interactive) continue;
    const key = `${c.container}\u0000${c.role}\u0000${c.name}`;
    const twin = seen.get(key);
    if (twin) {
      problems.push(
        `${who}: a second ${c.role} of that name in ${c.container} (first: ${twin.element})`,
      );
    } else seen.set(key, c);
  }
  return problems;
}
