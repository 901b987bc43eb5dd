// Size budgets (issue 11), built from the real widgets/: what the seed page loads before
// the reader does anything, and every view of every widget together. Raise a budget only
// on purpose; `npm run bench` prints the same figures with brotli beside them.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { bundleWeight, moduleGraph, type PageWeight, pageWeight } from '../../bench/page-weight.js';
import { type BuiltSite, build, repoRoot } from './helpers/build.js';

// Issue 11's target. What only a logged-in reader (the API-user forms, the list), a reader
// who acts (the token result, the one-time-code step, the Request and response pane) or a
// hosted login (its cookie and links) needs is in chunks loaded on demand, ahead of need where
// the widget can tell. The seed page's first load is 20,453 B.
const FIRST_LOAD_GZIP = 20 * 1024;
const FIRST_LOAD_REQUESTS = 3;
// Issue 11 asks for 32 KB; every view together is 40,945 B in 5 files (40,936 B before the
// table's row guard, the scope names after their resource and the per-task definitions; 40,487 B
// before the row groups laid out on their own, the update turns and the scope filter's changes;
// 40,093 B in 4 before the date-format worker and the smoother table and scope picker; 46,402 B
// in 13 before the views shared one chunk, the pane's JSON lexer replaced jsonc-parser and the
// templates lost their indentation). Even as a single file the code is 40,007 B: hosted single
// sign-on, the header state, issue 10's accessibility and issue 9's pane grew it past 32 KB, and
// meeting the target would mean removing features. Held here, just above today's figure, so
// growth fails; the 32 KB target is not met.
const ALL_VIEWS_GZIP = 40 * 1024;

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
