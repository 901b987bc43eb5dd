import type { CSSResultOrNative } from 'lit';

/** One scoped sheet per tag name, shared by every instance on the page. */
const sheets = new Map<string, CSSStyleSheet>();

function cssTextOf(style: CSSResultOrNative): string {
  if (style instanceof CSSStyleSheet) return [...style.cssRules].map((r) => r.cssText).join('\n');
  return style.cssText;
}

/**
 * Turns styles written for a shadow root into one sheet that applies to a
 * light-DOM element: every rule is nested under the tag name (CSS nesting) and
 * `:host` becomes `&`. `@keyframes` cannot be nested, so they stay at the top.
 */
export function scopeStyles(tag: string, styles: readonly CSSResultOrNative[]): CSSStyleSheet {
  const source = new CSSStyleSheet();
  source.replaceSync(styles.map(cssTextOf).join('\n'));
  const top: string[] = [];
  const nested: string[] = [];
  for (const rule of source.cssRules) {
    (rule instanceof CSSKeyframesRule ? top : nested).push(rule.cssText);
  }
  const body = nested
    .join('\n')
    .replace(/:host\(([^)]*)\)/g, '&$1')
    .replace(/:host\b/g, '&');
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`${top.join('\n')}\n${tag} {\n${body}\n}`);
  return sheet;
}

/**
 * Adopts an element's static styles, scoped to its tag, into the document or
 * shadow root that holds it. For elements whose `createRenderRoot()` returns
 * `this` (their markup lives in the light DOM, where password managers can see
 * it), so Lit does not adopt their styles itself.
 */
export function adoptLightDomStyles(host: HTMLElement, styles: readonly CSSResultOrNative[]): void {
  const tag = host.localName;
  let sheet = sheets.get(tag);
  if (!sheet) {
    sheet = scopeStyles(tag, styles);
    sheets.set(tag, sheet);
  }
  const root = host.getRootNode() as Document | ShadowRoot;
  if (!('adoptedStyleSheets' in root) || root.adoptedStyleSheets.includes(sheet)) return;
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
