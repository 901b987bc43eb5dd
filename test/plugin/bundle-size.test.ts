// Size budgets (issue 11), built from the real widgets/: what the seed page loads before
// the reader does anything, and every view of every widget together. Raise a budget only
// on purpose; `npm run bench` prints the same figures with brotli beside them.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { bundleWeight, moduleGraph, type PageWeight, pageWeight } from '../../bench/page-weight.js';
import { type BuiltSite, build, repoRoot } from './helpers/build.js';

// Issue 11's target. What only a logged-in reader (the API-user forms, the list), a hosted
// login (its cookie and links) or an account with MFA (the code step) needs is in chunks
// loaded on demand, ahead of need where the widget can tell.
const FIRST_LOAD_GZIP = 20 * 1024;
const FIRST_LOAD_REQUESTS = 3;
// Issue 11 asks for 32 KB; every view together is 39,718 B: the lazy chunks' own overhead on
// top of the code as one file, issue 10's accessibility (skip link, Escape, live-region
// sentences, region names) and issue 9's hosted login and header state. Issue 9's "Request and
// response" pane adds 6.4 KB in two chunks that load only after a call (the pane, 0.75 KB) and
// on its first open (the view with jsonc-parser's scanner and the redaction, 5.1 KB). Held here
// so it cannot grow unnoticed; the 32 KB target is not met.
const ALL_VIEWS_GZIP = (39.5 + 6.4) * 1024;

describe('widget JavaScript budgets', () => {
  let site: BuiltSite;
  let seed: PageWeight;
  before(async () => {
    site = await build({ options: { widgetsDir: join(repoRoot, 'widgets') } });
    seed = await pageWeight(site.outDir, await site.page('/reference/cloud-apis/access-tokens/'));
  });

  it(`loads the seed page's widgets in at most ${FIRST_LOAD_REQUESTS} requests`, () => {
    assert.ok(seed.files >= 1 && seed.files <= FIRST_LOAD_REQUESTS, seed.paths.join(', '));
  });

  it(`keeps the seed page's first load under ${FIRST_LOAD_GZIP / 1024} KB gzipped`, () => {
    assert.ok(seed.gzip <= FIRST_LOAD_GZIP, `${seed.gzip} bytes gzipped`);
  });

  it('preloads every module the first load imports, so none waits for another', async () => {
    assert.equal(seed.scripts.length, 1, 'one module script');
    const imported = (await moduleGraph(site.outDir, seed.scripts)).filter(
      (path) => !seed.scripts.includes(path),
    );
    assert.deepEqual([...seed.preloads].sort(), imported.sort());
  });

  it(`keeps every view of every widget together under ${ALL_VIEWS_GZIP / 1024} KB gzipped`, async () => {
    const all = await bundleWeight(site.outDir);
    assert.ok(all.files > seed.files, 'views beyond the first load are chunks of their own');
    assert.ok(all.gzip <= ALL_VIEWS_GZIP, `${all.gzip} bytes gzipped`);
  });

  it('loads no widget JavaScript on a page without widgets', async () => {
    const landing = await pageWeight(site.outDir, await site.page('/'));
    assert.deepEqual(landing.paths, []);
  });
});
