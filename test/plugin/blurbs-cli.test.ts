// `npm run blurbs -- check|sync`: check alone, and sync that propagates one changed copy
// or refuses (changing nothing) when copies disagree otherwise.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fixtures, repoRoot } from './helpers/build.js';

const ID = '1ef79152-ac34-11ec-b909-0242ac120002';
const page = (title: string, limit: string) => `---
title: ${title}
---

{{!-- BEGIN shared-blurb ${ID} --}}
#### Rate limits

- Maximum of ${limit} requests every 5 minutes
{{!-- END shared-blurb --}}
`;

interface Run {
  code: number;
  out: string;
}

function blurbs(args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', join(repoRoot, 'plugin/blurbs/cli.ts'), ...args],
      { cwd: repoRoot },
      (error, stdout, stderr) =>
        done({ code: error ? Number(error.code) : 0, out: stdout + stderr }),
    );
  });
}

async function project(files: Record<string, string>): Promise<{ dir: string; registry: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'particle-blurbs-'));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return { dir, registry: join(dir, 'blurbs.json') };
}

const read = (dir: string, name: string) => readFile(join(dir, name), 'utf8');

describe('blurbs check', () => {
  it('passes on the real content', async () => {
    const run = await blurbs(['check']);
    assert.equal(run.code, 0, run.out);
    assert.match(run.out, /Shared blurbs OK: 2 blurbs, 2 copies\./);
  });

  it('fails on differing copies, naming both files', async () => {
    const run = await blurbs(['check', '--content', join(fixtures, 'differing-blurb-copies')]);
    assert.equal(run.code, 1);
    assert.match(run.out, /differing-blurb-copies\/a\.md:5 and \S*differing-blurb-copies\/b\.md:5/);
  });

  it('rejects an unknown command with usage', async () => {
    const run = await blurbs(['fix']);
    assert.equal(run.code, 2);
    assert.match(run.out, /Usage: npm run blurbs -- check\|sync/);
  });
});

describe('blurbs sync', () => {
  it('copies the one changed copy into the others and records the new hash', async () => {
    const { dir, registry } = await project({ 'a.md': page('A', '100'), 'b.md': page('B', '100') });
    assert.equal((await blurbs(['sync', '--content', dir, '--registry', registry])).code, 0);
    const first = JSON.parse(await read(dir, 'blurbs.json'));

    await writeFile(join(dir, 'b.md'), page('B', '250'));
    const run = await blurbs(['sync', '--content', dir, '--registry', registry]);
    assert.equal(run.code, 0, run.out);
    assert.match(run.out, new RegExp(`updated shared blurb ${ID} in \\S*a\\.md:5`));
    assert.equal(await read(dir, 'a.md'), page('A', '250'), 'only the blurb text changed');
    assert.equal(await read(dir, 'b.md'), page('B', '250'));
    assert.notEqual(JSON.parse(await read(dir, 'blurbs.json')).blurbs[ID], first.blurbs[ID]);
    assert.equal((await blurbs(['check', '--content', dir])).code, 0);
  });

  it('refuses and changes nothing when two copies changed differently', async () => {
    const { dir, registry } = await project({
      'a.md': page('A', '100'),
      'b.md': page('B', '100'),
      'c.md': page('C', '100'),
    });
    await blurbs(['sync', '--content', dir, '--registry', registry]);
    await writeFile(join(dir, 'a.md'), page('A', '150'));
    await writeFile(join(dir, 'b.md'), page('B', '250'));
    const registryBefore = await read(dir, 'blurbs.json');

    const run = await blurbs(['sync', '--content', dir, '--registry', registry]);
    assert.equal(run.code, 1);
    assert.match(run.out, /refused, nothing changed/);
    assert.match(
      run.out,
      /changed differently in several copies since the last sync: \S*a\.md:5, \S*b\.md:5/,
    );
    assert.equal(await read(dir, 'a.md'), page('A', '150'));
    assert.equal(await read(dir, 'b.md'), page('B', '250'));
    assert.equal(await read(dir, 'c.md'), page('C', '100'));
    assert.equal(await read(dir, 'blurbs.json'), registryBefore);
  });

  it('stops on an unreadable registry, naming it, and changes nothing', async () => {
    const { dir, registry } = await project({ 'a.md': page('A', '100'), 'b.md': page('B', '250') });
    const conflicted = '{\n<<<<<<< HEAD\n  "blurbs": {}\n=======\n}\n';
    await writeFile(registry, conflicted);
    const run = await blurbs(['sync', '--content', dir, '--registry', registry]);
    assert.equal(run.code, 1);
    assert.match(run.out, /\S*blurbs\.json is not a blurb registry \(.*JSON/);
    assert.equal(await read(dir, 'blurbs.json'), conflicted);
    assert.equal(await read(dir, 'a.md'), page('A', '100'));
  });

  it('refuses differing copies that the registry has never seen', async () => {
    const { dir, registry } = await project({});
    await cp(join(fixtures, 'differing-blurb-copies'), dir, { recursive: true });
    const run = await blurbs(['sync', '--content', dir, '--registry', registry]);
    assert.equal(run.code, 1);
    assert.match(run.out, /no entry in the registry/);
    await assert.rejects(readFile(registry), 'no registry written');
  });
});
