/** How long `npm run build` of the site takes, process start to exit, over several builds. */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BenchRow, summarize } from './table.js';

const root = join(import.meta.dirname, '..');

function buildOnce(outDir: string): Promise<number> {
  const started = performance.now();
  return new Promise((done, fail) => {
    execFile(
      process.execPath,
      [
        '--import',
        'tsx',
        // .eleventy.js imports the plugin by its package name: resolve it to the sources.
        '--conditions=particle-docs-source',
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

export async function buildBench(runs: number): Promise<BenchRow[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const dir = await mkdtemp(join(tmpdir(), 'particle-bench-'));
    times.push(await buildOnce(dir));
    await rm(dir, { recursive: true, force: true });
  }
  return [
    summarize({
      group: 'Build',
      measure: 'npm run build, process start to exit',
      values: times,
      unit: 'ms',
    }),
  ];
}
