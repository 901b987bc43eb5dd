/**
 * Synthetic docs sites of N pages for the build benchmark and the page-size budget test.
 *
 * Every page is the seed page (content/reference/cloud-apis/access-tokens.md: front
 * matter, `{{title}}`, the four partials, two shared blurbs) under its own title, with
 * its internal links pointing at other pages of the synthetic site (so the link report
 * resolves real links, as on a real site). Pages sit in a folder tree with at most ten
 * entries per folder (`/s3/s1/p4/`), like a docs site grows: deeper, not wider.
 *
 * `writeOursSite` writes the Markdown site built by our plugin; `writePlainSite` the same
 * pages as pre-expanded article HTML (taken from a build of ours) for plain Eleventy 3
 * with the same layout (bench/plain-config.ts), so the two builds write the same pages
 * and differ only by what the plugin does.
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export const repoRoot = join(import.meta.dirname, '..');
const seedPath = join(repoRoot, 'content/reference/cloud-apis/access-tokens.md');
const FRONT_MATTER = /^---\n([\s\S]*?)\n---\n/;
const INTERNAL_LINK = /\]\(\/[^)#\s]*(#[^)\s]*)?\)/g;

/** `/s0/s3/p7/`-style URL of page `index` in a site of `count` pages. */
export function syntheticUrl(index: number, count: number): string {
  const digits = Math.max(2, String(count - 1).length);
  const path = String(index).padStart(digits, '0').split('');
  const page = path.pop();
  return `/${path.map((d) => `s${d}/`).join('')}p${page}/`;
}

function pageSource(seed: string, index: number, count: number): string {
  const [, frontMatter = ''] = FRONT_MATTER.exec(seed) ?? [];
  const body = seed.replace(FRONT_MATTER, '');
  const title = `Page ${index} — Access tokens`;
  let link = 0;
  const linked = body.replace(INTERNAL_LINK, (_match, hash = '') => {
    link += 1;
    return `](${syntheticUrl((index + link * 37) % count, count)}${hash})`;
  });
  return `---\n${frontMatter.replace(/^title: .*$/m, `title: ${title}`)}\n---\n${linked}`;
}

const widgetsDir = join(repoRoot, 'widgets');
const pluginOptions = {
  widgetsDir,
  partialsDir: join(repoRoot, 'partials'),
  layoutsDir: join(repoRoot, 'layouts'),
  assetsDir: join(repoRoot, 'assets'),
};

function oursConfig(): string {
  // A path, not a file: URL: Eleventy's watcher follows the config's imports by path.
  const plugin = join(repoRoot, 'plugin/index.ts');
  return `import particleDocs, { templateConfig } from ${JSON.stringify(plugin)};
export default function (eleventyConfig) {
  eleventyConfig.addPlugin(particleDocs, ${JSON.stringify(pluginOptions)});
}
export const config = { ...templateConfig };
`;
}

/** A config file that re-exports one of the bench's baseline configs. */
function baselineConfig(file: 'plain-config.ts' | 'markdown-config.ts'): string {
  const config = join(repoRoot, 'bench', file);
  return `export { default, config } from ${JSON.stringify(config)};\n`;
}

async function write(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
}

/** Input file of page `index` under a site's folder: Markdown (ours) or `html` (plain). */
export function pageFile(siteDir: string, index: number, count: number, ext = 'md'): string {
  return join(siteDir, 'content', `${syntheticUrl(index, count).slice(0, -1)}.${ext}`);
}

/** A small page (a heading, a paragraph, one widget) where only the page size matters. */
const MINIMAL_PAGE = `---
title: Access Tokens
layout: commonTwo.hbs
---
# {{title}}

Access tokens control access to the Particle Cloud API.

{{> sso}}
`;

/**
 * A site of `count` seed-like pages for our plugin: `<siteDir>/content/`, and
 * `eleventy.config.mjs`. `minimal` writes small pages instead of the seed; `baseline`
 * gives the same pages the config of Eleventy without our plugin (bench/markdown-config.ts).
 */
export async function writeOursSite(
  siteDir: string,
  count: number,
  { minimal = false, baseline = false } = {},
): Promise<void> {
  const seed = minimal ? MINIMAL_PAGE : await readFile(seedPath, 'utf8');
  const config = baseline ? baselineConfig('markdown-config.ts') : oursConfig();
  await write(join(siteDir, 'eleventy.config.mjs'), config);
  // The widget bundle reads the site's tsconfig.json (Lit's decorators), as in this repo.
  await copyFile(join(repoRoot, 'tsconfig.json'), join(siteDir, 'tsconfig.json'));
  for (let i = 0; i < count; i++) {
    await write(pageFile(siteDir, i, count), pageSource(seed, i, count));
  }
}

const ARTICLE = /<article class="doc">\n([\s\S]*)\n<\/article>/;

/**
 * The same pages for plain Eleventy: each page's front matter, and as its content the
 * article HTML that a build of ours (`oursOutDir`) wrote for it.
 */
export async function writePlainSite(
  siteDir: string,
  count: number,
  oursOutDir: string,
): Promise<void> {
  const seed = await readFile(seedPath, 'utf8');
  await write(join(siteDir, 'eleventy.config.mjs'), baselineConfig('plain-config.ts'));
  for (let i = 0; i < count; i++) {
    const url = syntheticUrl(i, count);
    const html = await readFile(join(oursOutDir, url, 'index.html'), 'utf8');
    const article = ARTICLE.exec(html)?.[1];
    if (article === undefined) throw new Error(`No <article> in the built ${url}`);
    const [frontMatter] = FRONT_MATTER.exec(pageSource(seed, i, count))!;
    await write(pageFile(siteDir, i, count, 'html'), `${frontMatter}${article}\n`);
  }
}
