/**
 * What a screen reader hears, for the browser suites: Chromium's accessibility tree
 * (through the `ax-controls` command of `ax-tree-plugin.ts`), not `textContent`.
 *
 *   const controls = await heardAsSeen('logged in');       // fails on a bad name, lists the rest
 *   expect(names(controls, 'button')).to.include('Log out');
 *
 * `heardAsSeen` fails, naming the state and the control, when an interactive node has no
 * name, when a name differs from the words on screen (`Showtoken` for "Show token"), or
 * when two nodes of one role share a name inside one named container (two "Log in"
 * buttons a reader cannot tell apart).
 */
import { a11ySnapshot, executeServerCommand } from '@web/test-runner-commands';
import { axProblems } from './ax-problems.js';
import type { AxControl } from './ax-tree-plugin.js';

export { axProblems } from './ax-problems.js';
export type { AxControl } from './ax-tree-plugin.js';

/**
 * The page's interactive nodes and named containers, in reading order. `selector`
 * (light-DOM CSS) narrows it to one element's subtree.
 */
export function axControls(selector?: string): Promise<AxControl[]> {
  return executeServerCommand<AxControl[], { selector?: string }>('ax-controls', { selector });
}

/**
 * The structure of the accessibility tree under `selector` (light-DOM CSS; the page without
 * it): one `role “name”` a line, indented two spaces a level, text runs left out.
 */
export function axOutline(selector?: string): Promise<string[]> {
  return executeServerCommand<string[], { selector?: string }>('ax-outline', { selector });
}

/**
 * Checks what the page (or `selector`'s subtree) says in `state` and returns its controls;
 * throws with every problem, each naming the state and the control.
 */
export async function heardAsSeen(state: string, selector?: string): Promise<AxControl[]> {
  const controls = await axControls(selector);
  const problems = axProblems(controls);
  if (problems.length) {
    throw new Error(`In state “${state}”, a screen reader hears:\n  ${problems.join('\n  ')}`);
  }
  return controls;
}

/** The names of the nodes with `role`, optionally only those inside `container` (`form “…”`). */
export function names(controls: readonly AxControl[], role: string, container?: string): string[] {
  return controls
    .filter((c) => c.role === role && (container === undefined || c.container.includes(container)))
    .map((c) => c.name);
}

interface AxSnapshotNode {
  name?: string;
  value?: string | number;
  children?: AxSnapshotNode[];
}

/**
 * Every name and value in the page's accessibility tree (static text included), one a
 * line: all that a screen reader can announce, e.g. to check that a secret is not in it.
 */
export async function axText(): Promise<string> {
  const lines: string[] = [];
  const walk = (node: AxSnapshotNode) => {
    if (node.name) lines.push(node.name);
    if (node.value !== undefined && node.value !== '') lines.push(String(node.value));
    for (const child of node.children ?? []) walk(child);
  };
  walk((await a11ySnapshot({})) as unknown as AxSnapshotNode);
  return lines.join('\n');
}
