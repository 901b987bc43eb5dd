// The real build command (`npm run build`: Eleventy with .eleventy.js under tsx) exits
// non-zero on a build error, with the file in its output; its environment variables work.
import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { buildCommand as eleventy } from './helpers/build.js';

it('exits non-zero on a page error, naming the file and line', async () => {
  const out = await mkdtemp(join(tmpdir(), 'particle-exit-'));
  const run = await eleventy(['--input=test/fixtures/plugin/unknown-partial', `--output=${out}`]);
  assert.notEqual(run.code, 0);
  assert.match(run.out, /test\/fixtures\/plugin\/unknown-partial\/page\.md:10: Unknown partial/);
});

it('exits non-zero on broken links with STRICT_LINKS=1 (or true), and zero with it unset or 0', async () => {
  const [strict, strictTrue, lenient, off] = await Promise.all(
    ['1', 'true', '', '0'].map(async (STRICT_LINKS) => {
      const out = await mkdtemp(join(tmpdir(), 'particle-exit-'));
      return eleventy([`--output=${out}`], { STRICT_LINKS });
    }),
  );
  for (const run of [strict!, strictTrue!]) {
    assert.notEqual(run.code, 0, run.out);
    assert.match(
      run.out,
      /\/reference\/device-cloud\/api\/ \(linked from content\/reference\/cloud-apis\/access-tokens\.md\)/,
    );
  }
  for (const run of [lenient!, off!]) {
    assert.equal(run.code, 0, run.out);
    assert.match(
      run.out,
      /4 internal link\(s\) lead to no page of this site/,
      'warnings show even with --quiet',
    );
  }
});

it('treats an empty PARTICLE_API_BASE as unset, and uses a set one', async () => {
  const [empty, emulator] = await Promise.all(
    ['', 'http://127.0.0.1:8081'].map(async (PARTICLE_API_BASE) => {
      const out = await mkdtemp(join(tmpdir(), 'particle-exit-'));
      const run = await eleventy([`--output=${out}`], { PARTICLE_API_BASE });
      assert.equal(run.code, 0, run.out);
      return readFile(join(out, 'reference/cloud-apis/access-tokens/index.html'), 'utf8');
    }),
  );
  assert.match(empty!, /<particle-sso api-base="https:\/\/api\.particle\.io">/);
  assert.match(emulator!, /<particle-sso api-base="http:\/\/127\.0\.0\.1:8081">/);
});
