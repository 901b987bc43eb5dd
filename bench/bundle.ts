/**
 * The widget JavaScript of the real site as built: what the seed page loads before the
 * reader does anything (files, requests, gzip, brotli) and every view of every widget
 * together. Deterministic: one build, no medians; `test/plugin/bundle-size.test.ts`
 * holds the same figures to their budgets.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { buildSite } from '../test/e2e/harness.js';
import { bundleWeight, pageWeight, type Weight } from './page-weight.js';
import { type BenchRow, summarize } from './table.js';

const SEED_PAGE = 'reference/cloud-apis/access-tokens/index.html';

function rows(group: string, weight: Weight, gzipTarget: number, requests?: number): BenchRow[] {
  const row = (measure: string, value: number, unit: 'KB' | '', target?: number) =>
    summarize({ group, measure, values: [value], unit, target });
  return [
    row('JavaScript, gzip', weight.gzip, 'KB', gzipTarget),
    row('JavaScript, brotli', weight.brotli, 'KB'),
    row('JavaScript, minified', weight.raw, 'KB'),
    row(requests === undefined ? 'Files' : 'Files = requests', weight.files, '', requests),
  ];
}

export async function bundleBench(): Promise<BenchRow[]> {
  const dir = await buildSite({ apiBase: 'http://127.0.0.1:9' });
  try {
    const seed = await pageWeight(dir, await readFile(join(dir, SEED_PAGE), 'utf8'));
    const all = await bundleWeight(dir);
    return [
      ...rows('Seed page, first load (logged out)', seed, 20 * 1024, 3),
      ...rows('Every view of every widget', all, 32 * 1024),
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
