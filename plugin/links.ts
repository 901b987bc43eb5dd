/**
 * The internal link report: after a build, every internal link (`/…` or relative) that
 * resolves to no page or file of the site, listed once with the pages that use it.
 * Warnings by default; with `strictLinks` (STRICT_LINKS=1) the build fails.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { displayPath } from './build-error.js';
import type { EleventyConfig, EleventyResult } from './eleventy.js';
import { warn } from './log.js';
import type { ParticleDocsOptions } from './options.js';

const HREF = /<a\s[^>]*?href="([^"]*)"/gi;
const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/** Site paths an HTML page links to, resolved against the page's URL (no query or hash). */
function internalLinks(html: string, pageUrl: string): string[] {
  const links: string[] = [];
  for (const [, raw] of html.matchAll(HREF)) {
    const href = raw!.replaceAll('&amp;', '&').trim();
    if (!href || href.startsWith('#') || EXTERNAL.test(href)) continue;
    links.push(decodeURI(new URL(href, `http://site${pageUrl}`).pathname));
  }
  return links;
}

/**
 * Files copied as they are (the stylesheet, widget scripts) are not among Eleventy's
 * results, so they are looked up in the output. Pages are not: a folder or HTML file
 * left there by an earlier build of a since-deleted page must still count as missing.
 */
function isCopiedFile(outputDir: string, path: string): boolean {
  if (path.endsWith('/') || path.endsWith('.html')) return false;
  return statSync(join(outputDir, path), { throwIfNoEntry: false })?.isFile() ?? false;
}

/**
 * A site under `pathPrefix: "/docs/"` links `/docs/x/` to the page whose URL is `/x/`
 * (Eleventy's URLs carry no prefix). A link without the prefix is looked up as it is.
 */
function withoutPathPrefix(link: string, pathPrefix: string): string {
  const prefix = `/${pathPrefix.replace(/^\/+|\/+$/g, '')}/`;
  if (prefix === '//' || !(link.startsWith(prefix) || `${link}/` === prefix)) return link;
  return `/${link.slice(prefix.length)}`;
}

/** Missing link target → input files of the pages that use it (both sorted). */
function findBrokenLinks(
  results: EleventyResult[],
  outputDir: string,
  pathPrefix: string,
): Map<string, string[]> {
  const pages = new Set(results.map((r) => r.url).filter((url): url is string => Boolean(url)));
  // Every page links the same stylesheet and scripts: look each path up once per build.
  const known = new Map<string, boolean>();
  const exists = (path: string) => {
    let found = known.get(path);
    if (found === undefined) {
      found =
        pages.has(path) ||
        pages.has(`${path}/`) ||
        pages.has(path.replace(/index\.html$/, '')) ||
        isCopiedFile(outputDir, path);
      known.set(path, found);
    }
    return found;
  };
  const broken = new Map<string, Set<string>>();
  for (const result of results) {
    if (
      !result.url ||
      typeof result.outputPath !== 'string' ||
      !result.outputPath.endsWith('.html')
    ) {
      continue;
    }
    for (const link of internalLinks(result.content, result.url)) {
      if (exists(withoutPathPrefix(link, pathPrefix))) continue;
      broken.set(link, (broken.get(link) ?? new Set()).add(displayPath(result.inputPath)));
    }
  }
  return new Map(
    [...broken]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([link, users]) => [link, [...users].sort()]),
  );
}

function formatLinkReport(broken: Map<string, string[]>): string {
  const lines = [...broken].map(([link, users]) => `  ${link} (linked from ${users.join(', ')})`);
  return `[particle-docs] ${broken.size} internal link(s) lead to no page of this site:\n${lines.join('\n')}`;
}

export function registerLinkReport(
  eleventyConfig: EleventyConfig,
  opts: ParticleDocsOptions,
): void {
  eleventyConfig.on('eleventy.after', ({ results, directories }) => {
    if (!results) return;
    const broken = findBrokenLinks(results, directories.output, eleventyConfig.pathPrefix ?? '/');
    if (broken.size === 0) return;
    const report = formatLinkReport(broken);
    if (opts.strictLinks) {
      throw new Error(
        `${report}\nFix or remove these links (strict link checking is on: STRICT_LINKS=1).`,
      );
    }
    warn(eleventyConfig, report);
  });
}
