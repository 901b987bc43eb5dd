/**
 * The project as a site or an app would install it: `npm pack` (whose `prepack` runs
 * `npm run build:package`) and `npm install` of the tarball into a folder outside the
 * repository. Packing rebuilds `dist/`, so two suites packing at once (node --test runs
 * files side by side on bigger machines) take turns through a lock folder.
 */
import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

export const repoRoot = resolve(import.meta.dirname, '../..');
export const PACKAGE = 'eleventy-plugin-particle-docs';
const exec = promisify(execFile);
const lock = join(tmpdir(), `${PACKAGE}-pack.lock`);
/** A lock older than this was left by a killed run. */
const STALE_MS = 10 * 60_000;

async function withPackLock<T>(work: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      await mkdir(lock);
      break;
    } catch {
      const age = Date.now() - ((await stat(lock).catch(() => undefined))?.mtimeMs ?? 0);
      if (age > STALE_MS) await rm(lock, { recursive: true, force: true });
      else await new Promise((done) => setTimeout(done, 500));
    }
  }
  try {
    return await work();
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

/** Packs the project into `dir`; resolves to the tarball's path. */
export function packProject(dir: string): Promise<string> {
  return withPackLock(async () => {
    const { stdout } = await exec('npm', ['pack', '--pack-destination', dir, '--silent'], {
      cwd: repoRoot,
      maxBuffer: 16 * 1024 * 1024,
    });
    return join(dir, stdout.trim().split('\n').at(-1)!);
  });
}

/** The exact version of a devDependency of this project (to install the same one). */
export async function devVersion(name: string): Promise<string> {
  const manifest = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8'));
  return manifest.devDependencies[name];
}

/** `npm install` of `specs` (tarball paths, `name@version`) into the project at `dir`. */
export async function npmInstall(dir: string, specs: string[]): Promise<void> {
  await exec('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', ...specs], {
    cwd: dir,
    maxBuffer: 16 * 1024 * 1024,
  });
}
