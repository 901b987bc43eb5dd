// The real build command (`npm run build`: Eleventy with .eleventy.js under tsx) exits
// non-zero on a build error, with the file in its output.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { repoRoot } from './helpers/build.js';

function eleventy(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; out: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [
        '--import',
        'tsx',
        join(repoRoot, 'node_modules/@11ty/eleventy/cmd.cjs'),
        '--quiet',
        ...args,
      ],
      { cwd: repoRoot, env: { ...process.env, ...env } },
      (error, stdout, stderr) =>
        done({ code: error ? Number(error.code) : 0, out: stdout + stderr }),
    );
  });
}

it('exits non-zero on a page error, naming the file and line', async () => {
  const out = await mkdtemp(join(tmpdir(), 'particle-exit-'));
  const run = await eleventy(['--input=test/fixtures/plugin/unknown-partial', `--output=${out}`]);
  assert.notEqual(run.code, 0);
  assert.match(run.out, /test\/fixtures\/plugin\/unknown-partial\/page\.md:10: Unknown partial/);
});

it('exits non-zero on broken links with STRICT_LINKS=1, and zero without', async () => {
  const [strict, lenient] = await Promise.all([
    mkdtemp(join(tmpdir(), 'particle-exit-')).then((out) =>
      eleventy([`--output=${out}`], { STRICT_LINKS: '1' }),
    ),
    mkdtemp(join(tmpdir(), 'particle-exit-')).then((out) =>
      eleventy([`--output=${out}`], { STRICT_LINKS: '' }),
    ),
  ]);
  assert.notEqual(strict.code, 0);
  assert.match(
    strict.out,
    /\/reference\/device-cloud\/api\/ \(linked from content\/reference\/cloud-apis\/access-tokens\.md\)/,
  );
  assert.equal(lenient.code, 0, lenient.out);
  assert.match(
    lenient.out,
    /4 internal link\(s\) lead to no page of this site/,
    'warnings show even with --quiet',
  );
});
