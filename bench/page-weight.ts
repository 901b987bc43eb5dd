/**
 * What a built page costs in widget JavaScript before the reader does anything: the
 * module scripts and `modulepreload` links of its <head> plus every chunk they import
 * statically (followed through esbuild's `import … from "./x.js"`; `import()` chunks
 * load on demand and are not counted), each file once, raw, gzip and brotli.
 * `bundleWeight` is the same sum over every script of the bundle, lazy chunks included.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export interface Weight {
  files: number;
  raw: number;
  gzip: number;
  brotli: number;
}

export interface PageWeight extends Weight {
  /** `src` of the page's widget module scripts. */
  scripts: string[];
  /** `href` of its modulepreload links. */
  preloads: string[];
  /** Site paths of every file the first load fetches: scripts, preloads and their static imports. */
  paths: string[];
}

const SCRIPT = /<script type="module" src="(\/assets\/widgets\/[^"]+\.js)"><\/script>/g;
const PRELOAD = /<link rel="modulepreload" href="(\/assets\/widgets\/[^"]+\.js)">/g;
const IMPORT = /(?:import|export)\s*(?:[\w$*{}\s,]*?from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g;

/** Site paths (`/assets/widgets/...`) of every module `entries` load statically, entries included. */
export async function moduleGraph(siteDir: string, entries: string[]): Promise<string[]> {
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

async function weigh(siteDir: string, paths: string[]): Promise<Weight> {
  const weight: Weight = { files: paths.length, raw: 0, gzip: 0, brotli: 0 };
  for (const path of paths) {
    const body = await readFile(join(siteDir, path));
    weight.raw += body.length;
    weight.gzip += gzipSync(body, { level: 9 }).length;
    weight.brotli += brotliCompressSync(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
    }).length;
  }
  return weight;
}

export async function pageWeight(siteDir: string, html: string): Promise<PageWeight> {
  const scripts = [...html.matchAll(SCRIPT)].map((match) => match[1]!);
  const preloads = [...html.matchAll(PRELOAD)].map((match) => match[1]!);
  const paths = await moduleGraph(siteDir, [...scripts, ...preloads]);
  return { scripts, preloads, paths, ...(await weigh(siteDir, paths)) };
}

/** Every script of the bundle in `siteDir`'s `assets/widgets/`, on-demand chunks included. */
export async function bundleWeight(siteDir: string): Promise<Weight> {
  const dir = join(siteDir, 'assets/widgets');
  const files = (await readdir(dir, { recursive: true }))
    .filter((file) => file.endsWith('.js'))
    .map((file) => posix.join('/assets/widgets', file.split('\\').join('/')));
  return weigh(siteDir, files);
}
