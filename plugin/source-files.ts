/** The site's Markdown sources as text: what the checks that run before a build read. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SourceFile {
  file: string;
  source: string;
}

/** Every Markdown file under `dir`, sorted, with its text. */
export function readMarkdownFiles(dir: string): SourceFile[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.md') && !path.split(/[\\/]/).includes('node_modules'))
    .sort()
    .map((path) => ({ file: join(dir, path), source: readFileSync(join(dir, path), 'utf8') }));
}
