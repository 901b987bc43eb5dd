/**
 * The on-demand install of the CLI suite's particle-cli (particle-cli/install.ts) cannot hang a
 * test run, and a failed install leaves nothing behind that a later run would take for a good one.
 * npm is replaced by stand-ins here; the real install runs in particle-cli.test.ts.
 */
import assert from 'node:assert/strict';
import { chmod, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { installParticleCli } from './particle-cli/install.js';

let dir: string;

async function fakeNpm(name: string, script: string): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, `#!/bin/sh\n${script}\n`);
  await chmod(file, 0o755);
  return file;
}

describe('installing particle-cli on demand', () => {
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'particle-cli-install-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('gives up on an npm that never finishes, with a message, and leaves no folder', async () => {
    const cacheRoot = join(dir, 'slow-cache');
    const npm = await fakeNpm('slow-npm', 'exec sleep 30');
    const started = Date.now();
    await assert.rejects(
      installParticleCli({ cacheRoot, npm, timeoutMs: 500 }),
      /Could not install particle-cli .*npm ci did not finish within 0.5 s \(is the npm registry reachable\?\)/,
    );
    assert.ok(Date.now() - started < 10_000);
    assert.deepEqual(await readdir(cacheRoot), []);
  });

  it("reports a failing npm's last output lines", async () => {
    const cacheRoot = join(dir, 'failing-cache');
    const npm = await fakeNpm('failing-npm', 'echo "npm error 404 Not Found" >&2; exit 1');
    await assert.rejects(
      installParticleCli({ cacheRoot, npm }),
      /npm ci failed \(exit 1\): npm error 404 Not Found/,
    );
    assert.deepEqual(await readdir(cacheRoot), []);
  });
});
