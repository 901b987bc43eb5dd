// A failed build leaves no page of the broken source behind that could pass for a good one.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { buildFailure, fixtures } from './helpers/build.js';

const freshDir = () => mkdtemp(join(tmpdir(), 'particle-failed-'));

const pageErrors = [
  'unknown-partial',
  'unknown-partial-param',
  'unknown-include-definition',
  'handlebars-syntax-error',
  'invalid-front-matter',
];

/**
 * What the failed build left in `out`, once work it started in the background (the
 * widget bundle) has had time to finish: a check right after the failure proved nothing.
 */
async function leftBehind(out: string): Promise<string[]> {
  await delay(1500);
  return (await readdir(out, { recursive: true })).sort();
}

for (const fixture of pageErrors) {
  it(`${fixture}: no page and no widget script is written`, async () => {
    const out = await freshDir();
    await buildFailure(join(fixtures, fixture), out);
    const files = await leftBehind(out);
    assert.equal(existsSync(join(out, 'page', 'index.html')), false);
    assert.deepEqual(
      files.filter((file) => file.endsWith('.html') || file.includes('widgets')),
      [],
    );
  });
}

for (const fixture of ['differing-blurb-copies', 'unknown-layout']) {
  it(`${fixture}: stops the build before anything is written`, async () => {
    const out = await freshDir();
    await buildFailure(join(fixtures, fixture), out);
    assert.deepEqual(await leftBehind(out), []);
  });
}
