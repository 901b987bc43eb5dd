/**
 * The site navigation for a docs site of thousands of pages: a hierarchy from the folder
 * structure of the page URLs, in which only the sections on the way to the current page
 * are expanded. A page's navigation lists the top level, then the siblings at each level
 * down to the page itself, so its HTML grows with the depth of the tree, not with the
 * number of pages.
 *
 * - A folder's label and place come from its `index.md` page (`/reference/` is the page of
 *   the folder `reference/`) when it has one; otherwise from the folder name
 *   (`cloud-apis` → "Cloud apis"), and it links to its first page.
 * - Order within a level: front matter `order` (numbers, ascending) first, then by label.
 *   The landing page `/` comes first.
 * - The current page is marked `aria-current="page"`.
 *
 * The tree is built once per build (per `collections.all`), not once per page.
 */
import Handlebars from 'handlebars';

/** The part of an Eleventy collection item the navigation reads. */
export interface NavSource {
  url: string | false;
  data: { title?: unknown; order?: unknown; eleventyExcludeFromCollections?: unknown };
}

interface NavNode {
  /** The folder path (`/reference/cloud-apis/`) or, for a page without folder, its URL. */
  path: string;
  label: string;
  order: number;
  /** Where the entry links to: its own page, or a folder's first page. */
  href: string;
  children: NavNode[];
}

const LAST = Number.POSITIVE_INFINITY;

/** "cloud-apis" → "Cloud apis": a readable label for a folder without an index page. */
function folderLabel(segment: string): string {
  const words = decodeURIComponent(segment).replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** One collator for every comparison: `localeCompare` with options builds one per call. */
const compareLabels = new Intl.Collator('en', { numeric: true }).compare;

function byOrderThenLabel(a: NavNode, b: NavNode): number {
  if (a.path === '/') return -1;
  if (b.path === '/') return 1;
  return a.order - b.order || compareLabels(a.label, b.label);
}

/** Segments of a page URL's folder path: `/a/b/c/` → ['a', 'b', 'c']; `/a/b.html` → ['a', 'b.html']. */
function segments(url: string): string[] {
  return url.split('/').filter(Boolean);
}

/** The navigation tree of `pages` (the pages with a URL and a title). */
export function buildNavTree(pages: NavSource[]): NavNode {
  const root: NavNode = { path: '', label: '', order: LAST, href: '', children: [] };
  const folders = new Map<string, NavNode>([['', root]]);
  const folder = (parts: string[]): NavNode => {
    const path = parts.length ? `/${parts.join('/')}/` : '';
    let node = folders.get(path);
    if (!node) {
      node = { path, label: folderLabel(parts.at(-1)!), order: LAST, href: '', children: [] };
      folders.set(path, node);
      folder(parts.slice(0, -1)).children.push(node);
    }
    return node;
  };
  for (const page of pages) {
    const { url, data } = page;
    if (!url || typeof data.title !== 'string' || !data.title) continue;
    const order = typeof data.order === 'number' ? data.order : LAST;
    const parts = segments(url);
    if (url === '/') {
      root.children.push({ path: '/', label: data.title, order, href: url, children: [] });
    } else if (url.endsWith('/')) {
      // `/a/b/` is both the page and the folder `a/b/`: the page names and places it.
      const node = folder(parts);
      Object.assign(node, { label: data.title, order, href: url });
    } else {
      const node = { path: url, label: data.title, order, href: url, children: [] };
      folder(parts.slice(0, -1)).children.push(node);
    }
  }
  const finish = (node: NavNode): string => {
    node.children.sort(byOrderThenLabel);
    const firstHref = node.children.map(finish).find(Boolean) ?? '';
    node.href ||= firstHref;
    return node.href;
  };
  finish(root);
  return root;
}

/** The node is the current page or a folder on the way to it. */
function isOnPath(node: NavNode, currentUrl: string): boolean {
  if (node.href === currentUrl) return true;
  return node.path.endsWith('/') && node.path !== '/' && currentUrl.startsWith(node.path);
}

function renderLevel(nodes: NavNode[], currentUrl: string, out: string[]): void {
  out.push('<ul>\n');
  for (const node of nodes) {
    if (!node.href) continue; // a folder whose pages have no titles
    const current = node.href === currentUrl && (node.path === currentUrl || !node.children.length);
    const open = node.children.length > 0 && isOnPath(node, currentUrl);
    out.push(
      `<li${open ? ' class="nav-open"' : ''}><a href="${Handlebars.escapeExpression(node.href)}"`,
      current ? ' aria-current="page"' : '',
      `>${Handlebars.escapeExpression(node.label)}</a>`,
    );
    if (open) {
      out.push('\n');
      renderLevel(node.children, currentUrl, out);
    }
    out.push('</li>\n');
  }
  out.push('</ul>\n');
}

/** The navigation lists (`<ul>`, nested for the expanded sections) for the page at `currentUrl`. */
export function renderNav(tree: NavNode, currentUrl: string): string {
  const out: string[] = [];
  renderLevel(tree.children, currentUrl, out);
  return out.join('');
}

/**
 * `{{{navTree collections.all page.url}}}`: one tree per `collections.all` (Eleventy builds
 * that array once per build), so each page only renders its own path through it.
 */
export function navTreeHelper(): (pages: NavSource[] | undefined, currentUrl: string) => string {
  const trees = new WeakMap<NavSource[], NavNode>();
  const empty: NavSource[] = [];
  return (pages = empty, currentUrl) => {
    let tree = trees.get(pages);
    if (!tree) {
      tree = buildNavTree(pages);
      trees.set(pages, tree);
    }
    return renderNav(tree, currentUrl);
  };
}
