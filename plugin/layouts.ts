/**
 * Layouts: every `*.hbs` file in the layouts folder is usable as `layout: <file>`, and a
 * page naming a layout that exists nowhere stops the build with the names that do.
 * Eleventy's own message points into an `_includes` folder this site does not have and
 * lists nothing, and it comes too early for a page preprocessor, so the check reads the
 * `layout:` line of each page's front matter before the build.
 */
import { readdirSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { BuildError } from './build-error.js';
import type { EleventyConfig } from './eleventy.js';
import { type SourceFile, siteMarkdownFiles } from './source-files.js';

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---/;
const LAYOUT_LINE = /^layout:[ \t]*(["']?)([^"'#\s]+)\1[ \t]*(?:#.*)?$/m;

/** The page's `layout:` value and its line, when written as a plain one-line value. */
export function frontMatterLayout(source: string): { layout: string; line: number } | undefined {
  const frontMatter = FRONT_MATTER.exec(source)?.[1];
  const match = frontMatter === undefined ? null : LAYOUT_LINE.exec(frontMatter);
  if (!match || ['false', 'null', '~'].includes(match[2]!)) return undefined;
  return { layout: match[2]!, line: frontMatter!.slice(0, match.index).split('\n').length + 1 };
}

/** Eleventy also finds `layout: x` as `x` or `x.*` in its own layouts folder. */
function inEleventyLayouts(layout: string, lookupDir: string): boolean {
  const path = resolve(lookupDir, layout);
  try {
    return readdirSync(dirname(path)).some(
      (f) => f === basename(path) || f.startsWith(`${basename(path)}.`),
    );
  } catch {
    return false;
  }
}

/** The `*.hbs` file names in `dir`, sorted; none when it does not exist. */
function layoutFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.hbs'))
      .sort();
  } catch {
    return []; // no layouts folder: pages without `layout` still build
  }
}

/** `layoutDirs`: the plugin's folder, then the site's own (a same-named layout of the site wins). */
export function registerLayouts(eleventyConfig: EleventyConfig, layoutDirs: string[]): void {
  const dirs = eleventyConfig.directories;
  // Eleventy resolves `layout:` names in its layouts (or includes) folder; ours live in
  // their own folders, so each gets an alias. The files stay real files, so editing one
  // under `npm start` rebuilds.
  const lookupDir = resolve(dirs.layouts ?? dirs.includes);
  const files = new Map<string, string>();
  for (const dir of layoutDirs) {
    for (const name of layoutFiles(dir)) files.set(name, resolve(dir, name));
    eleventyConfig.addWatchTarget(dir);
  }
  for (const [name, file] of files) eleventyConfig.addLayoutAlias(name, relative(lookupDir, file));
  const names = [...files.keys()].sort();

  const markdownFiles = siteMarkdownFiles(eleventyConfig);
  // A file unchanged since the last build is the same SourceFile: its layout line is kept.
  const layoutOf = new WeakMap<SourceFile, ReturnType<typeof frontMatterLayout>>();
  eleventyConfig.on('eleventy.before', ({ directories }) => {
    for (const read of markdownFiles(directories.input)) {
      if (!layoutOf.has(read)) layoutOf.set(read, frontMatterLayout(read.source));
      const found = layoutOf.get(read);
      const { file } = read;
      if (!found || found.layout in eleventyConfig.layoutAliases) continue;
      if (inEleventyLayouts(found.layout, lookupDir)) continue;
      throw new BuildError(
        file,
        found.line,
        `Unknown layout "${found.layout}". Known layouts: ${names.join(', ')}.`,
      );
    }
  });
}
