// Size budget: the widget JavaScript the seed page loads (its scripts and every chunk
// they import), built from the real widgets/. Raise the budget only on purpose.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { it } from 'node:test';
import { pageWeight } from '../../bench/page-weight.js';
import { build, repoRoot } from './helpers/build.js';

const SEED_BUDGET_GZIP = 60 * 1024;

it(`keeps the seed page's widget JavaScript under ${SEED_BUDGET_GZIP / 1024} KB gzipped`, async () => {
  const site = await build({ options: { widgetsDir: join(repoRoot, 'widgets') } });
  const seed = await pageWeight(
    site.outDir,
    await site.page('/reference/cloud-apis/access-tokens/'),
  );
  assert.equal(seed.scripts.length, 4, 'one script per widget');
  assert.ok(seed.files > seed.scripts.length, 'shared chunks are followed');
  assert.ok(seed.gzip <= SEED_BUDGET_GZIP, `${seed.gzip} bytes gzipped`);
  const landing = await pageWeight(site.outDir, await site.page('/'));
  assert.deepEqual(landing, { scripts: [], files: 0, raw: 0, gzip: 0 });
});
