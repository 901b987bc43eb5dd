// A failed build leaves no page of the broken source behind that could pass for a good one.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { buildFailure, fixtures } from './helpers/build.js';

const freshDir = () => mkdtemp(join(tmpdir(), 'particle-failed-'));

const pageErrors = [
  'unknown-partial',
  'unknown-partial-param',
  'unknown-include-definition',
  'handlebars-syntax-error',
  'invalid-front-matter',
];

for (const fixture of pageErrors) {
  it(`${fixture}: the broken page is not written`, async () => {
    const out = await freshDir();
    await buildFailure(join(fixtures, fixture), out);
    assert.equal(existsSync(join(out, 'page', 'index.html')), false);
  });
}

it('a blurb mistake stops the build before anything is written', async () => {
  const out = await freshDir();
  await buildFailure(join(fixtures, 'differing-blurb-copies'), out);
  assert.deepEqual(await readdir(out), []);
});
