/**
 * What a built page costs in widget JavaScript: the scripts its <head> loads plus every
 * chunk they import (followed through esbuild's static `import … from "./x.js"`),
 * each file counted once, raw and gzipped.
 */
import { readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { gzipSize } from 'gzip-size';

export interface PageWeight {
  scripts: string[];
  files: number;
  raw: number;
  gzip: number;
}

const SCRIPT = /<script type="module" src="(\/assets\/widgets\/[^"]+\.js)"><\/script>/g;
const IMPORT = /(?:import|export)\s*(?:[\w$*{}\s,]*?from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g;

/** Site paths (`/assets/widgets/...`) of every module `entries` load, entries included. */
async function moduleGraph(siteDir: string, entries: string[]): Promise<string[]> {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const code = await readFile(join(siteDir, path), 'utf8');
    for (const [, spec] of code.matchAll(IMPORT))
      queue.push(posix.join(posix.dirname(path), spec!));
  }
  return [...seen];
}

export async function pageWeight(siteDir: string, html: string): Promise<PageWeight> {
  const scripts = [...html.matchAll(SCRIPT)].map((match) => match[1]!);
  const files = await moduleGraph(siteDir, scripts);
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const body = await readFile(join(siteDir, file));
    raw += body.length;
    gzip += await gzipSize(body);
  }
  return { scripts, files: files.length, raw, gzip };
}
