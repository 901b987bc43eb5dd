/**
 * What an XSS run would leave behind, watched from before the page's first script:
 *
 * - `window.__xss(n)`, the call every corpus payload makes if it ever runs, reports to the test
 *   through a DevTools binding (so a run is recorded even if the page then navigates away);
 * - a MutationObserver on the document and on every shadow root (`attachShadow` is wrapped to
 *   observe each new root the moment it exists) records every element added, and every attribute
 *   set, that markup in data would make: a tag no widget renders (`<img>`, `<svg>`, `<iframe>`…),
 *   a `<script>` other than the site's own, an `on*` handler, a `javascript:`/`data:` URL, a
 *   `srcdoc`, an inline `style`, `autofocus`;
 * - each record carries the state the test said it was walking (`trap.state(page, …)`) and the
 *   payload it came from, so a failure names both;
 * - alert/confirm/prompt dialogs are dismissed and recorded.
 *
 * CSP violations are recorded by the harness (`openPage`), whose list `stackForSuite` checks.
 */
import type { Page } from 'puppeteer-core';
import type { Payload } from '../fixtures/xss-corpus.js';

export interface XssTrap {
  /** "state: payload n: what happened", one per run, element or dialog. */
  findings: string[];
  /** Names the state being walked; records made from now on carry it. */
  state(name: string): Promise<void>;
  /** Fails, listing what was recorded, if anything was: call before checking a state's text. */
  assertClean(state: string): void;
}

/** Tags the corpus's markup would make that no widget renders (the widgets' own are fine). */
const FOREIGN_TAGS = [
  'script',
  'img',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'video',
  'audio',
  'source',
  'marquee',
  'meta',
  'base',
  'link',
  'style',
  'b',
  'body',
  'title',
  'textarea',
  'noscript',
  'foreignobject',
  'animate',
  'mtext',
  'maction',
  'text',
];

/** The payload an element came from: the one its `__xss(n)` names, else one that has its tag. */
function payloadOf(html: string, tag: string, payloads: Payload[]): string {
  const called = /__xss\((\d+)\)/.exec(html);
  if (called) return `payload ${called[1]}`;
  const from = payloads.find((p) => p.text.toLowerCase().includes(`<${tag}`));
  return from ? `payload ${from.n}?` : 'no payload';
}

/**
 * Installs the trap on a page that has not loaded yet (or reloads it after): call before
 * `goto`/`reload`. `siteOrigin` is where the site's own scripts come from.
 */
export async function installXssTrap(
  page: Page,
  payloads: Payload[],
  siteOrigin: string,
): Promise<XssTrap> {
  const findings: string[] = [];
  await page.exposeFunction(
    '__xssReport',
    (state: string, what: string, html: string, tag: string) => {
      const finding = `${state}: ${payloadOf(html, tag, payloads)}: ${what}: ${html.slice(0, 160)}`;
      // An element inside an added subtree can be reported by two records: keep one line.
      if (!findings.includes(finding)) findings.push(finding);
    },
  );
  page.on('dialog', (dialog) => {
    findings.push(`dialog "${dialog.message()}" opened`);
    void dialog.dismiss();
  });
  // No `const f = () => …` nor `{ f: () => … }` inside: tsx would wrap those in a `__name`
  // helper the page lacks. Functions hang off `t` by assignment instead.
  await page.evaluateOnNewDocument(
    (foreign, origin) => {
      const w = window as unknown as {
        __xss: (n: number) => void;
        __xssState: string;
        __xssReport: (state: string, what: string, html: string, tag: string) => void;
      };
      const t = {} as {
        report: (what: string, el: Element) => void;
        check: (el: Element, root: Node) => void;
        watch: (root: Node) => void;
      };
      w.__xssState = 'page load';
      w.__xss = (n) => w.__xssReport(w.__xssState, `__xss(${n}) ran`, `__xss(${n})`, '');
      Object.defineProperty(window, '__xss', { writable: false, configurable: false });
      t.report = (what, el) => w.__xssReport(w.__xssState, what, el.outerHTML, el.localName);
      const urlAttributes = ['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'poster'];
      const flagged = ['srcdoc', 'style', 'autofocus', 'http-equiv'];
      const foreignTags = new Set(foreign);
      t.check = (el, root) => {
        // The served page itself, as the parser builds it, holds no API data.
        if (root === document && document.readyState === 'loading') return;
        const tag = el.localName;
        const ownScript =
          tag === 'script' && (el as HTMLScriptElement).src.startsWith(`${origin}/assets/`);
        if (foreignTags.has(tag) && !ownScript) t.report(`<${tag}> created`, el);
        for (const { name, value } of [...el.attributes]) {
          const bare = value.replace(/[\s\p{Cc}]/gu, '').toLowerCase();
          if (/^on/i.test(name)) t.report(`${name} handler set`, el);
          else if (urlAttributes.includes(name) && /^(javascript|data|vbscript):/.test(bare))
            t.report(`${name}="${value.slice(0, 40)}" set`, el);
          else if (flagged.includes(name)) t.report(`${name} attribute set`, el);
        }
      };
      const observer = new MutationObserver((records) => {
        for (const record of records) {
          const root = record.target.getRootNode();
          if (record.type === 'attributes') t.check(record.target as Element, root);
          for (const node of record.addedNodes) {
            if (!(node instanceof Element)) continue;
            t.check(node, root);
            for (const inner of node.querySelectorAll('*')) t.check(inner, root);
          }
        }
      });
      t.watch = (root) =>
        observer.observe(root, { childList: true, subtree: true, attributes: true });
      t.watch(document);
      const attach = Element.prototype.attachShadow;
      Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
        const root = attach.call(this, init);
        t.watch(root);
        return root;
      };
    },
    FOREIGN_TAGS,
    siteOrigin,
  );
  return {
    findings,
    assertClean: (state) => {
      if (findings.length) {
        throw new Error(`XSS trap, by ${state}:\n${findings.slice(0, 20).join('\n')}`);
      }
    },
    state: async (name) => {
      await page.evaluate((n) => {
        (window as unknown as { __xssState: string }).__xssState = n;
      }, name);
    },
  };
}
