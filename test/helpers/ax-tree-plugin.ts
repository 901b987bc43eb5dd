/**
 * A @web/test-runner plugin with two commands. `ax-controls`: Chromium's own accessibility
 * tree of the test page (DevTools protocol `Accessibility.getFullAXTree`), reduced to what
 * a screen-reader user tabs through and what names it: every interactive node, every
 * named container and every live region, each with its role, its accessible name as Chromium computed it, the
 * words on screen it should match, and the named container it sits in.
 *
 * `ax-outline`: the same tree's structure under an element, one `role “name”` a line, indented
 * by depth (ignored nodes and text runs left out), for what a table or list is made of.
 *
 * Browser suites call them through `test/helpers/ax-tree.ts`; e2e suites, which drive
 * puppeteer themselves, call `axControlsOf(cdpSession)` directly.
 */
import type { TestRunnerPlugin } from '@web/test-runner';
import type { CDPSession, Page } from 'puppeteer-core';

/** One node of the reduced tree, as `ax-controls` returns it. */
export interface AxControl {
  role: string;
  /** The accessible name Chromium computed, whitespace runs collapsed. */
  name: string;
  /**
   * The words on screen that name it (its text, its `<label>`, `<legend>`, `<caption>`
   * or `aria-labelledby` targets), whitespace runs collapsed; null when nothing visible
   * names it (an `aria-label` on a control without text).
   */
  visible: string | null;
  /** How the name was given: `aria-label` names may add words to the visible ones. */
  naming: 'visible' | 'aria-label';
  /** Whether it is a control (focusable, operable) rather than a named container. */
  interactive: boolean;
  /** The named containers it sits in, outermost first (`region “API users” › group “Target”`), or `page`. */
  container: string;
  /** Where it is in the DOM, for failure messages: `tag#id.class[part]` of it and its host. */
  element: string;
}

const INTERACTIVE = new Set([
  'button',
  'link',
  'textbox',
  'searchbox',
  'checkbox',
  'radio',
  'combobox',
  'listbox',
  'spinbutton',
  'slider',
  'switch',
  'tab',
  'menuitem',
  'menuitemcheckbox',
  'menuitemradio',
  'treeitem',
]);

/** Roles that group controls under a name a reader can navigate by. */
const CONTAINERS = new Set([
  'form',
  'region',
  'dialog',
  'alertdialog',
  'group',
  'radiogroup',
  'navigation',
  'search',
  'main',
  'complementary',
  'table',
]);

/** Live regions: listed (unnamed) so that a test can count them in every state. */
const LIVE = new Set(['status', 'alert', 'log']);

interface AxValue {
  value?: unknown;
}
interface AxNode {
  nodeId: string;
  ignored: boolean;
  role?: AxValue;
  name?: AxValue;
  childIds?: string[];
  backendDOMNodeId?: number;
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Runs in the page on one element: the visible words that should be its name, and how
 * it is named. Kept free of closures: it is sent as source text.
 */
function describeInPage(this: Element, namedFromContents: boolean) {
  const el = this as HTMLElement;
  // innerText on purpose: the words as rendered, with the spaces layout puts between them.
  const textOf = (node: Element | null | undefined) =>
    // biome-ignore lint/performance/useDomNodeTextContent: textContent has no layout spaces
    node ? ((node as HTMLElement).innerText ?? node.textContent ?? '') : '';
  const root = el.getRootNode() as Document | ShadowRoot;
  const where = (node: Element) => {
    const part = node.getAttribute('part');
    return `${node.localName}${node.id ? `#${node.id}` : ''}${
      node.classList.length ? `.${[...node.classList].join('.')}` : ''
    }${part ? `[part=${part}]` : ''}`;
  };
  const host = root instanceof ShadowRoot ? ` in <${root.host.localName}>` : '';
  const element = `${where(el)}${host}`;
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy) {
    const words = labelledBy
      .split(/\s+/)
      .map((id) => textOf(root.getElementById(id)))
      .join(' ');
    return { visible: words, naming: 'visible', element };
  }
  const control = el as HTMLInputElement;
  const labels = 'labels' in control && control.labels ? [...control.labels] : [];
  let visible: string | null = null;
  if (labels.length) visible = labels.map(textOf).join(' ');
  else if (el.localName === 'fieldset') visible = textOf(el.querySelector(':scope > legend'));
  else if (el.localName === 'table') visible = textOf(el.querySelector(':scope > caption'));
  else if (el.localName === 'input' && ['submit', 'button', 'reset'].includes(control.type))
    visible = control.value;
  else if (namedFromContents) visible = textOf(el);
  if (visible !== null && visible.trim() === '') visible = null;
  return { visible, naming: el.hasAttribute('aria-label') ? 'aria-label' : 'visible', element };
}

/** The page's full tree by node id, and the node to start from: the page's, or `rootObjectId`'s. */
async function axTree(cdp: CDPSession, rootObjectId?: string) {
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as unknown as {
    nodes: AxNode[];
  };
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  let start: AxNode | undefined = nodes[0];
  if (rootObjectId) {
    const { node } = await cdp.send('DOM.describeNode', { objectId: rootObjectId });
    start = nodes.find((n) => n.backendDOMNodeId === node.backendNodeId);
    if (!start) throw new Error('the root element is not in the accessibility tree');
  }
  return { byId, start };
}

/** Every interactive node and named container of the page (or of `rootSelector`'s subtree). */
export async function axControlsOf(cdp: CDPSession, rootObjectId?: string): Promise<AxControl[]> {
  const { byId, start } = await axTree(cdp, rootObjectId);
  type Found = Omit<AxControl, 'visible' | 'naming' | 'element'> & { backendNodeId: number };
  const found: Found[] = [];
  const visit = (node: AxNode, container: string): void => {
    const role = String(node.role?.value ?? '');
    const name = collapse(String(node.name?.value ?? ''));
    const interactive = !node.ignored && INTERACTIVE.has(role);
    const isContainer = !node.ignored && CONTAINERS.has(role) && name !== '';
    const live = !node.ignored && LIVE.has(role);
    if ((interactive || isContainer || live) && node.backendDOMNodeId) {
      found.push({ role, name, interactive, container, backendNodeId: node.backendDOMNodeId });
    }
    const here = `${role} “${name}”`;
    const inner = isContainer
      ? container === 'page'
        ? here
        : `${container} › ${here}`
      : container;
    for (const id of node.childIds ?? []) {
      const child = byId.get(id);
      if (child) visit(child, inner);
    }
  };
  if (start) visit(start, 'page');
  const described = await describeNodes(cdp, found);
  return found.map(({ backendNodeId: _, ...node }, i) => ({ ...node, ...described[i]! }));
}

/** Roles of text runs, left out of outlines: their words are in their parent's name. */
const TEXT_RUNS = new Set(['StaticText', 'InlineTextBox']);

/** The subtree of `rootObjectId` (or the page), one `role “name”` a line, indented by depth. */
export async function axOutlineOf(cdp: CDPSession, rootObjectId?: string): Promise<string[]> {
  const { byId, start } = await axTree(cdp, rootObjectId);
  const lines: string[] = [];
  const visit = (node: AxNode, depth: number): void => {
    const role = String(node.role?.value ?? '');
    const shown = !node.ignored && !TEXT_RUNS.has(role);
    if (shown)
      lines.push(`${'  '.repeat(depth)}${role} “${collapse(String(node.name?.value ?? ''))}”`);
    for (const id of node.childIds ?? []) {
      const child = byId.get(id);
      if (child) visit(child, shown ? depth + 1 : depth);
    }
  };
  if (start) visit(start, 0);
  return lines;
}

/** tsx (esbuild keepNames) wraps nested functions in `__name(...)`, which the page lacks. */
const IN_PAGE = `function (fromContents, ...elements) {
  const __name = (f) => f;
  const describe = ${describeInPage};
  return elements.map((el, i) => describe.call(el, fromContents[i]));
}`;

/** Roles whose name comes from their own text when no label or aria-label names them. */
const FROM_CONTENTS = new Set([
  'button',
  'link',
  'checkbox',
  'radio',
  'switch',
  'tab',
  'menuitem',
  'menuitemcheckbox',
  'menuitemradio',
  'treeitem',
]);

/** What the page says about each node, in one call (a call per node takes seconds). */
async function describeNodes(
  cdp: CDPSession,
  nodes: { backendNodeId: number; role: string }[],
): Promise<Pick<AxControl, 'visible' | 'naming' | 'element'>[]> {
  if (nodes.length === 0) return [];
  const objects = await Promise.all(
    nodes.map(({ backendNodeId }) =>
      cdp.send('DOM.resolveNode', { backendNodeId, objectGroup: 'ax-controls' }),
    ),
  );
  const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
    objectId: objects[0]!.object.objectId,
    functionDeclaration: IN_PAGE,
    arguments: [
      { value: nodes.map(({ role }) => FROM_CONTENTS.has(role)) },
      ...objects.map(({ object }) => ({ objectId: object.objectId })),
    ],
    returnByValue: true,
  });
  if (exceptionDetails) {
    throw new Error(
      `ax-controls: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`,
    );
  }
  type InPage = { visible: string | null; naming: AxControl['naming']; element: string };
  return (result.value as InPage[]).map((value) => ({
    ...value,
    visible: value.visible === null ? null : collapse(value.visible),
  }));
}

/** One DevTools session per page, opened on first use. */
const sessions = new WeakMap<Page, Promise<CDPSession>>();

export function axTreePlugin(): TestRunnerPlugin {
  return {
    name: 'ax-controls',
    async executeCommand({ command, payload, session }) {
      if (command !== 'ax-controls' && command !== 'ax-outline') return undefined;
      if (session.browser.type !== 'puppeteer') {
        throw new Error(
          `ax-controls needs Chromium through puppeteer, not ${session.browser.type}`,
        );
      }
      const page = (session.browser as unknown as { getPage(id: string): Page }).getPage(
        session.id,
      );
      if (!sessions.has(page)) sessions.set(page, page.createCDPSession());
      const cdp = await sessions.get(page)!;
      const selector = (payload as { selector?: string } | undefined)?.selector;
      let objectId: string | undefined;
      if (selector) {
        // Found through this session: puppeteer's own handles live in another one.
        const { result } = await cdp.send('Runtime.evaluate', {
          expression: `document.querySelector(${JSON.stringify(selector)})`,
          objectGroup: 'ax-controls',
        });
        if (!result.objectId) throw new Error(`ax-controls: nothing matches ${selector}`);
        objectId = result.objectId;
      }
      try {
        return command === 'ax-outline'
          ? await axOutlineOf(cdp, objectId)
          : await axControlsOf(cdp, objectId);
      } finally {
        await cdp.send('Runtime.releaseObjectGroup', { objectGroup: 'ax-controls' });
      }
    },
  };
}
