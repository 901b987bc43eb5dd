/**
 * Adds the widget bundle to the <head> of a page that uses at least one element: the
 * entry as a module script and its static chunks as `modulepreload` links, so the
 * browser fetches them side by side instead of discovering them one import at a time.
 * A page without widgets loads no widget JavaScript at all.
 */
import type { WidgetManifest } from './bundle.js';
import { widgetAssetUrl } from './entries.js';

const TAG = /<(particle-[a-z0-9-]+)[\s>/]/g;

/** Distinct `particle-*` element names in `html`, in order of first use. */
export function usedWidgetTags(html: string): string[] {
  return [...new Set([...html.matchAll(TAG)].map((match) => match[1]!))];
}

/** The <head> markup that loads `manifest`'s first-load files. */
export function widgetHeadTags(manifest: WidgetManifest): string {
  if (!manifest.entry) return '';
  const preloads = manifest.preload.map(
    (file) => `<link rel="modulepreload" href="${widgetAssetUrl(file)}">\n`,
  );
  return `${preloads.join('')}<script type="module" src="${widgetAssetUrl(manifest.entry)}"></script>\n`;
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
