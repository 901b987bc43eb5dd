/**
 * `npm run bench`: how long the site takes to build (several full builds, median) and
 * how much widget JavaScript each page loads (raw and gzip). Measurements, not tests.
 *
 *   npm run bench            # 5 builds
 *   npm run bench -- 10      # 10 builds
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pageWeight } from './page-weight.js';

const root = join(import.meta.dirname, '..');
const runs = Number(process.argv[2] ?? 5);

function buildOnce(outDir: string): Promise<number> {
  const started = performance.now();
  return new Promise((done, fail) => {
    execFile(
      process.execPath,
      [
        '--import',
        'tsx',
        join(root, 'node_modules/@11ty/eleventy/cmd.cjs'),
        `--output=${outDir}`,
        '--quiet',
      ],
      { cwd: root },
      (error, _stdout, stderr) =>
        error ? fail(new Error(stderr)) : done(performance.now() - started),
    );
  });
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const times: number[] = [];
let siteDir = '';
for (let i = 0; i < runs; i++) {
  if (siteDir) await rm(siteDir, { recursive: true, force: true });
  siteDir = await mkdtemp(join(tmpdir(), 'particle-bench-'));
  times.push(await buildOnce(siteDir));
}
console.log(
  `Build (npm run build, process start to exit): median ${median(times).toFixed(0)} ms over ${runs} runs ` +
    `(min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)})\n`,
);

const pages = (await readdir(siteDir, { recursive: true }))
  .filter((f) => f.endsWith('index.html'))
  .sort();
const rows = [['page', 'scripts', 'files', 'raw', 'gzip']];
for (const page of pages) {
  const weight = await pageWeight(siteDir, await readFile(join(siteDir, page), 'utf8'));
  const url = `/${page.replace(/index\.html$/, '')}`;
  rows.push([
    url,
    String(weight.scripts.length),
    String(weight.files),
    kb(weight.raw),
    kb(weight.gzip),
  ]);
}
const widths = rows[0]!.map((_, col) => Math.max(...rows.map((row) => row[col]!.length)));
for (const row of rows) console.log(row.map((cell, col) => cell.padEnd(widths[col]!)).join('  '));
await rm(siteDir, { recursive: true, force: true });
