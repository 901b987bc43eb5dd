/**
 * Adds to a page's <head> one `<script type="module">` per element it uses that has
 * a bundle, so a page without widgets loads no widget JavaScript at all.
 */
import { widgetScriptUrl } from './entries.js';

const TAG = /<(particle-[a-z0-9-]+)[\s>/]/g;

/** Distinct `particle-*` element names in `html`, in order of first use. */
export function usedWidgetTags(html: string): string[] {
  return [...new Set([...html.matchAll(TAG)].map((match) => match[1]!))];
}

export function injectWidgetScripts(html: string, available: Set<string>): string {
  const tags = usedWidgetTags(html).filter((tag) => available.has(tag));
  if (tags.length === 0 || !html.includes('</head>')) return html;
  const scripts = tags
    .map((tag) => `<script type="module" src="${widgetScriptUrl(tag)}"></script>\n`)
    .join('');
  return html.replace('</head>', `${scripts}</head>`);
}
