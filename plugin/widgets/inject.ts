/**
 * Adds the widget bundle to the <head> of a page that uses at least one element: the
 * plugin's widget stylesheet, the entry as a module script and its static chunks as
 * `modulepreload` links, so the browser fetches them side by side instead of
 * discovering them one import at a time. A page without widgets loads nothing of ours.
 * URLs carry the site's pathPrefix, applied by Eleventy's own HtmlBasePlugin function.
 */
import { HtmlBasePlugin } from '@11ty/eleventy';
import type { WidgetManifest } from './bundle.js';
import { widgetAssetUrl } from './entries.js';

/** The plugin's stylesheet, relative to the widgets folder (written beside the bundle). */
export const WIDGET_STYLESHEET = 'particle-widgets.css';

const OPENING = '<particle-';
const NAME_AND_END = /[a-z0-9-]*[\s>/]/y;

/**
 * Distinct `particle-*` element names in `html`, in order of first use. Runs on every
 * page: it jumps from one `<particle-` to the next (indexOf) rather than running a
 * regular expression over the whole page.
 */
export function usedWidgetTags(html: string): string[] {
  const tags = new Set<string>();
  for (let at = html.indexOf(OPENING); at !== -1; at = html.indexOf(OPENING, at + 1)) {
    NAME_AND_END.lastIndex = at + OPENING.length;
    const match = NAME_AND_END.exec(html);
    if (match && match[0].length > 1) tags.add(`particle-${match[0].slice(0, -1)}`);
  }
  return [...tags];
}

/** `url` (site-absolute) under the site's pathPrefix, e.g. `/docs/assets/…`. */
export function withPathPrefix(url: string, pathPrefix = '/'): string {
  return HtmlBasePlugin.applyBaseToUrl(url, pathPrefix);
}

/** The <head> markup that loads `manifest`'s first-load files, under `pathPrefix`. */
export function widgetHeadTags(manifest: WidgetManifest, pathPrefix = '/'): string {
  if (!manifest.entry) return '';
  const url = (file: string) => withPathPrefix(widgetAssetUrl(file), pathPrefix);
  const preloads = manifest.preload.map(
    (file) => `<link rel="modulepreload" href="${url(file)}">\n`,
  );
  return `<link rel="stylesheet" href="${url(WIDGET_STYLESHEET)}">\n${preloads.join('')}<script type="module" src="${url(manifest.entry)}"></script>\n`;
}

export function injectWidgetScripts(
  html: string,
  available: Set<string>,
  headTags: string,
  usedTags = usedWidgetTags(html),
): string {
  if (!headTags || !html.includes('</head>')) return html;
  if (!usedTags.some((tag) => available.has(tag))) return html;
  return html.replace('</head>', `${headTags}</head>`);
}
