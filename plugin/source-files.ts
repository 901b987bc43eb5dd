/**
 * The site's Markdown sources as text: what the checks that run before a build read.
 * Under `npm start` every rebuild reads them again, so a file whose size and mtime are
 * unchanged is not read again: its text (the same SourceFile object, so what was worked
 * out from it can be kept too) comes from the last read.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { EleventyConfig } from './eleventy.js';

export interface SourceFile {
  file: string;
  source: string;
}

const isMarkdown = (path: string) =>
  path.endsWith('.md') && !path.split(/[\\/]/).includes('node_modules');

const lastRead = new Map<string, { mtimeMs: number; size: number; read: SourceFile }>();

function readSource(file: string): SourceFile {
  const { mtimeMs, size } = statSync(file);
  const key = resolve(file);
  const cached = lastRead.get(key);
  if (cached && cached.mtimeMs === mtimeMs && cached.size === size) return cached.read;
  const read = { file, source: readFileSync(file, 'utf8') };
  lastRead.set(key, { mtimeMs, size, read });
  return read;
}

/** Every Markdown file under `dir`, sorted, with its text. */
export function readMarkdownFiles(dir: string): SourceFile[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter(isMarkdown)
    .sort()
    .map((path) => readSource(join(dir, path)));
}

/** The text of `file` as the checks last read it, if they did (no disk access). */
export function lastReadSource(file: string): string | undefined {
  return lastRead.get(resolve(file))?.read.source;
}

/** Each listed file's position by its absolute path (worked out once per listing). */
const positions = new WeakMap<SourceFile[], Map<string, number>>();

function positionsOf(listing: SourceFile[]): Map<string, number> {
  let at = positions.get(listing);
  if (!at) {
    at = new Map(listing.map((read, index) => [resolve(read.file), index]));
    positions.set(listing, at);
  }
  return at;
}

/**
 * `previous` (an earlier listing of `dir`) updated for the files that changed since: each
 * changed Markdown file read again, or dropped if it is gone. Only when something else
 * changed inside `dir` (a folder added or removed) is the folder listed again. The usual
 * case under `npm start`, edits of files already listed, replaces their entries in place:
 * a one-page edit of a 1,000-page site costs one read, not 1,000 path computations.
 */
function updatedListing(dir: string, previous: SourceFile[], changed: string[]): SourceFile[] {
  const root = resolve(dir);
  const inside = changed.filter((path) => path.startsWith(root + sep));
  if (inside.some((path) => !isMarkdown(path))) return readMarkdownFiles(dir);
  const at = positionsOf(previous);
  if (inside.every((path) => at.has(path) && existsSync(path))) {
    const files = [...previous];
    for (const path of inside) {
      const index = at.get(path)!;
      files[index] = readSource(files[index]!.file);
    }
    positions.set(files, at); // same files in the same places
    return files;
  }
  // Keyed by the path relative to `dir`, as readMarkdownFiles lists and sorts them.
  const byPath = new Map(previous.map((read) => [relative(root, resolve(read.file)), read]));
  for (const path of inside) {
    const rel = relative(root, path);
    if (existsSync(path)) byPath.set(rel, readSource(join(dir, rel)));
    else byPath.delete(rel);
  }
  return [...byPath.keys()].sort().map((rel) => byPath.get(rel)!);
}

const siteReaders = new WeakMap<EleventyConfig, (dir: string) => SourceFile[]>();

/**
 * The site's Markdown files for the checks before a build (layouts, blurbs), listed and
 * read once per build however many checks ask. Under watch, a rebuild reads only the
 * files Eleventy reports as changed (a 1,000-page site is not listed and stat'ed again
 * for a one-page edit). Call it when registering, so its own `eleventy.before` listener
 * (which starts each build afresh) runs before the checks'.
 */
export function siteMarkdownFiles(eleventyConfig: EleventyConfig): (dir: string) => SourceFile[] {
  let reader = siteReaders.get(eleventyConfig);
  if (reader) return reader;
  let thisBuild: { dir: string; files: SourceFile[] } | undefined;
  let last: { dir: string; files: SourceFile[] } | undefined;
  /** Under watch: every file changed since `last` was read (undefined: not known). */
  let pending: string[] | undefined;
  eleventyConfig.on('eleventy.beforeWatch', (files) => {
    pending = [...(pending ?? []), ...files.map((file) => resolve(file))];
  });
  eleventyConfig.on('eleventy.before', () => {
    thisBuild = undefined;
  });
  reader = (dir) => {
    if (thisBuild?.dir === dir) return thisBuild.files;
    const files =
      last?.dir === dir && pending
        ? updatedListing(dir, last.files, pending)
        : readMarkdownFiles(dir);
    pending = undefined;
    thisBuild = last = { dir, files };
    return files;
  };
  siteReaders.set(eleventyConfig, reader);
  return reader;
}
