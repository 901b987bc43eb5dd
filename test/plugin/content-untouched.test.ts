// The build reads content/ and never writes to it; the seed stays byte-identical.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { it } from 'node:test';
import { build, repoRoot } from './helpers/build.js';

const content = join(repoRoot, 'content');

async function snapshot(): Promise<Map<string, string>> {
  const files = (await readdir(content, { recursive: true })).sort();
  const result = new Map<string, string>();
  for (const file of files) {
    const path = join(content, file);
    if (!(await stat(path)).isFile()) continue;
    const body = await readFile(path);
    result.set(
      file,
      `${createHash('sha256').update(body).digest('hex')} ${(await stat(path)).mtimeMs}`,
    );
  }
  return result;
}

it('leaves every file of content/ as it was', async () => {
  const before = await snapshot();
  await build();
  assert.deepEqual(await snapshot(), before);
});

// sha256 of ../shared/seed/access-tokens.md, the page as the user gave it.
const SEED_SHA256 = 'db0ec14cb5d7f92d8ba4dfc4268d2b2ca342b5164a37415bb169fcdd1bde4cad';

it('keeps the seed byte-identical to the original', async () => {
  const seed = await readFile(join(content, 'reference/cloud-apis/access-tokens.md'));
  assert.equal(createHash('sha256').update(seed).digest('hex'), SEED_SHA256);
});
