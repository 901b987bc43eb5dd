/**
 * The project as `npm pack` makes it (prepack runs build:package), for the suites that install
 * the package somewhere else. Packing takes most of a minute, so one tarball serves every suite
 * and every run until a file that goes into it changes:
 *
 *   const tarball = await packedTarball();   // …/node_modules/.cache/particle-docs-pack/<hash>/x.tgz
 *
 * The hash covers the content of every tracked or new file under the package's inputs. Suites
 * run in parallel processes, so the first one packs under a lock folder and the others wait.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);
const root = join(import.meta.dirname, '../..');
const cache = join(root, 'node_modules/.cache/particle-docs-pack');
const PACK_TIMEOUT_MS = 5 * 60_000;

/** What build:package and npm pack read. */
const INPUTS = [
  'plugin',
  'widgets',
  'emulator',
  'partials',
  'layouts',
  'scripts',
  'package.json',
  'tsconfig.json',
  'tsconfig.build.json',
  'README.md',
  'LICENSE',
];

async function inputHash(): Promise<string> {
  const { stdout } = await exec('git', ['ls-files', '-co', '--exclude-standard', '--', ...INPUTS], {
    cwd: root,
    maxBuffer: 16 * 1024 * 1024,
  });
  const hash = createHash('sha256');
  for (const file of stdout.split('\n').filter(Boolean).sort()) {
    hash.update(`${file}\0`);
    hash.update(await readFile(join(root, file)).catch(() => Buffer.alloc(0)));
  }
  return hash.digest('hex').slice(0, 16);
}

async function tarballIn(dir: string): Promise<string | undefined> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const name = names.find((entry) => entry.endsWith('.tgz'));
  return name && join(dir, name);
}

async function pack(into: string): Promise<void> {
  const building = `${into}.building`;
  await rm(building, { recursive: true, force: true });
  await mkdir(building, { recursive: true });
  try {
    await exec('npm', ['pack', '--pack-destination', building, '--loglevel=error'], {
      cwd: root,
      timeout: PACK_TIMEOUT_MS,
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`npm pack failed:\n${stdout}${stderr}`);
  }
  await rename(building, into);
}

let packed: Promise<string> | undefined;

/** The packed tarball's path; packs (once per content) when no suite has yet. */
export function packedTarball(): Promise<string> {
  packed ??= (async () => {
    const dir = join(cache, await inputHash());
    const lock = `${dir}.lock`;
    await mkdir(cache, { recursive: true });
    const deadline = Date.now() + PACK_TIMEOUT_MS;
    for (;;) {
      const ready = await tarballIn(dir);
      if (ready) return ready;
      try {
        await mkdir(lock);
        break;
      } catch {
        // Another suite packs; a lock older than the pack timeout is from a killed run.
        const age = Date.now() - (await stat(lock).catch(() => ({ mtimeMs: 0 }))).mtimeMs;
        if (age > PACK_TIMEOUT_MS) await rm(lock, { recursive: true, force: true });
        if (Date.now() > deadline) throw new Error(`Waited too long for ${lock}`);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
    try {
      if (!(await tarballIn(dir))) await pack(dir);
    } finally {
      await rm(lock, { recursive: true, force: true });
    }
    return (await tarballIn(dir))!;
  })();
  return packed;
}
