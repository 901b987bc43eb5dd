// The "Request and response" pane must not cost the first paint (issue 9). The seed page's
// first load carries only the core's record of each call and the recorder that renders
// <particle-exchange-pane> (widgets/components/exchange-recorder.ts); the pane's element and its
// view (highlighter, redaction, Copy) are in the chunk of on-demand views
// (widgets/components/on-demand.ts), imported after a first call at the latest.
// bundle-size.test.ts holds the byte budgets.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { before, describe, it } from 'node:test';
import { type PageWeight, pageWeight } from '../../bench/page-weight.js';
import { type BuiltSite, build, repoRoot } from './helpers/build.js';

/** A sentence only the view renders, and the disclosure's summary, only the pane's element. */
const VIEW_MARKER = 'Copy request as curl';
const PANE_MARKER = 'Request and response';

describe('the Request and response pane in the widget bundle', () => {
  let site: BuiltSite;
  let seed: PageWeight;
  let chunks: string[];
  const code = (path: string) => readFile(join(site.outDir, path), 'utf8');
  /** The bundle's scripts that contain `marker`. */
  const holding = async (marker: string) => {
    const found = [];
    for (const path of chunks) if ((await code(path)).includes(marker)) found.push(path);
    return found;
  };

  before(async () => {
    site = await build({ options: { widgetsDir: join(repoRoot, 'widgets') } });
    seed = await pageWeight(site.outDir, await site.page('/reference/cloud-apis/access-tokens/'));
    const dir = join(site.outDir, 'assets/widgets');
    chunks = (await readdir(dir, { recursive: true }))
      .filter((file) => file.endsWith('.js'))
      .map((file) => posix.join('/assets/widgets', file.split('\\').join('/')));
  });

  it('keeps the pane and its view out of the seed page’s first load', async () => {
    for (const path of seed.paths) {
      const text = await code(path);
      assert.ok(!text.includes(VIEW_MARKER), `${path} carries the pane's view`);
      assert.ok(!text.includes(PANE_MARKER), `${path} carries the pane's disclosure`);
    }
  });

  it('puts the pane and its view in the one chunk of on-demand views', async () => {
    const pane = await holding(PANE_MARKER);
    const view = await holding(VIEW_MARKER);
    assert.equal(pane.length, 1, `the pane is in ${pane.join(', ')}`);
    assert.deepEqual(view, pane, 'the view is in the pane’s chunk');
    assert.match(pane[0]!, /\/chunks\/on-demand-[\w-]+\.js$/);
    for (const path of pane) assert.ok(!seed.paths.includes(path), path);
  });
});
