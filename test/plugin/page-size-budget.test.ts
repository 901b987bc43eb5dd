// Size budget: a page's HTML must not grow with the site. Ten times the pages may add a
// level to the navigation (a page lists the top level and its own sections, ten entries
// a level here), never the pages themselves: the old navigation listed every page on
// every page, 50 KB more per page from 100 to 1,000 pages.
import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { writeOursSite } from '../../bench/synthetic-site.js';
import { buildPages } from './helpers/build.js';

/** Mean and largest HTML size of the pages of a synthetic site of `count` pages. */
async function pageSizes(count: number): Promise<{ mean: number; largest: number }> {
  const siteDir = await mkdtemp(join(tmpdir(), `particle-budget-${count}-`));
  await writeOursSite(siteDir, count, { minimal: true });
  const pages = await buildPages({ input: join(siteDir, 'content') });
  assert.equal(pages.length, count);
  const sizes = pages.map((page) => Buffer.byteLength(page.content));
  return {
    mean: sizes.reduce((sum, size) => sum + size, 0) / count,
    largest: Math.max(...sizes),
  };
}

const ONE_MORE_LEVEL = 1024;

it(`keeps a page's HTML within ${ONE_MORE_LEVEL} bytes from 100 to 1,000 pages`, async () => {
  const small = await pageSizes(100);
  const large = await pageSizes(1000);
  const growth = `${small.mean.toFixed(0)} → ${large.mean.toFixed(0)} bytes a page on average, largest ${small.largest} → ${large.largest}`;
  assert.ok(large.mean - small.mean <= ONE_MORE_LEVEL, growth);
  assert.ok(large.largest - small.largest <= ONE_MORE_LEVEL, growth);
});
