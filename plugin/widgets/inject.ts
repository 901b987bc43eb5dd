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

const TAG = /<(particle-[a-z0-9-]+)[\s>/]/g;

/** Distinct `particle-*` element names in `html`, in order of first use. */
export function usedWidgetTags(html: string): string[] {
  return [...new Set([...html.matchAll(TAG)].map((match) => match[1]!))];
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
): string {
  if (!headTags || !html.includes('</head>')) return html;
  if (!usedWidgetTags(html).some((tag) => available.has(tag))) return html;
  return html.replace('</head>', `${headTags}</head>`);
}
