/**
 * The site's Markdown sources as text: what the checks that run before a build read.
 * Under `npm start` every rebuild reads them again, so a file whose size and mtime are
 * unchanged is not read again: its text (the same SourceFile object, so what was worked
 * out from it can be kept too) comes from the last read.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface SourceFile {
  file: string;
  source: string;
}

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
    .filter((path) => path.endsWith('.md') && !path.split(/[\\/]/).includes('node_modules'))
    .sort()
    .map((path) => readSource(join(dir, path)));
}

/** The text of `file` as the checks last read it, if they did (no disk access). */
export function lastReadSource(file: string): string | undefined {
  return lastRead.get(resolve(file))?.read.source;
}
