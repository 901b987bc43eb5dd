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
/** An href that is already a plain site path: no `.`/`..` segments, escapes or backslashes. */
const PLAIN_PATH = /^\/(?!.*(?:\/\.\.?(?:\/|$)|[%\\]))[^?#]*/;

/**
 * Resolves an href of a page to a site path (no query or hash), or null when it is not an
 * internal link. An href that is root-relative, external or only a hash resolves the same
 * on every page, so each is worked out once per build, looked up by the href as written
 * (the navigation's, the header's and most links in a page's text recur on many
 * pages); only relative hrefs depend on the page.
 */
function linkResolver() {
  const sameOnEveryPage = new Map<string, string | null>();
  const resolve = (href: string, pageUrl: string) =>
    PLAIN_PATH.exec(href)?.[0] ?? decodeURI(new URL(href, `http://site${pageUrl}`).pathname);
  return (raw: string, pageUrl: string): string | null => {
    const known = sameOnEveryPage.get(raw);
    if (known !== undefined) return known;
    const href = raw.replaceAll('&amp;', '&').trim();
    const internal = href !== '' && !href.startsWith('#') && !EXTERNAL.test(href);
    if (internal && !href.startsWith('/')) return resolve(href, pageUrl); // relative: per page
    const path = internal ? resolve(href, pageUrl) : null;
    sameOnEveryPage.set(raw, path);
    return path;
  };
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

/**
 * Missing link target → input files of the pages that use it (both sorted). `pages` is
 * every page URL of the site; `results` the pages this build wrote (all of them, or under
 * `--incremental` the edited ones).
 */
function findBrokenLinks(
  results: EleventyResult[],
  pages: Set<string>,
  outputDir: string,
  pathPrefix: string,
): Map<string, string[]> {
  const resolve = linkResolver();
  // Every page links the same stylesheet and pages: look each path up once per build.
  const known = new Map<string, boolean>();
  const exists = (link: string) => {
    let found = known.get(link);
    if (found === undefined) {
      const path = withoutPathPrefix(link, pathPrefix);
      found =
        pages.has(path) ||
        pages.has(`${path}/`) ||
        pages.has(path.replace(/index\.html$/, '')) ||
        isCopiedFile(outputDir, path);
      known.set(link, found);
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
    for (const [, raw] of result.content.matchAll(HREF)) {
      const link = resolve(raw!, result.url);
      if (link === null || exists(link)) continue;
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
  // Every page's URL, also those an incremental build does not write again.
  let siteUrls: string[] = [];
  eleventyConfig.on('eleventy.contentMap', ({ urlToInputPath }) => {
    siteUrls = Object.keys(urlToInputPath);
  });
  eleventyConfig.on('eleventy.after', ({ results, directories }) => {
    if (!results) return;
    const pages = new Set(siteUrls);
    for (const { url } of results) if (url) pages.add(url);
    const pathPrefix = eleventyConfig.pathPrefix ?? '/';
    const broken = findBrokenLinks(results, pages, directories.output, pathPrefix);
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
