/**
 * The pinned `particle` CLI for the CLI fidelity suite, installed on demand: it brings ~500
 * packages (and install warnings) that nobody else needs, so it is not a devDependency.
 *
 *   const cli = await installParticleCli();   // resolves once it is installed
 *   cli.require('particle-cli/src/cmd/api.js');
 *
 * The first run `npm ci`s this folder's package.json and lock into
 * `node_modules/.cache/particle-cli/`; later runs reuse it while the lock is unchanged (a fresh
 * `npm ci` of the project empties it again). The install runs in a temporary folder that is
 * renamed into place only once complete, so an interrupted one is never taken for a good one,
 * and it is killed after a timeout (5 min) with a message instead of hanging a test run.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const here = import.meta.dirname;

export interface InstallOptions {
  /** Where the installed folder lives; default the project's `node_modules/.cache`. */
  cacheRoot?: string;
  /** How long `npm ci` may take before it is killed; default 5 minutes. */
  timeoutMs?: number;
  /** The npm executable; default `npm` on PATH. */
  npm?: string;
}

export interface InstalledCli {
  /** The CLI's entry script, to run with `node`. */
  bin: string;
  /** Node's `require` from inside the installed folder (for the CLI's own modules). */
  require: NodeJS.Require;
}

function installed(dir: string): InstalledCli {
  const require = createRequire(join(dir, 'package.json'));
  return { bin: require.resolve('particle-cli/src/index.js'), require };
}

async function stampOf(dir: string): Promise<string | undefined> {
  return readFile(join(dir, '.lock-hash'), 'utf8').catch(() => undefined);
}

function npmCi(cwd: string, npm: string, timeoutMs: number): Promise<void> {
  const args = ['ci', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'];
  return new Promise((resolve, reject) => {
    execFile(
      npm,
      [...args, '--fetch-timeout=60000', '--fetch-retries=2'],
      { cwd, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (!error) return resolve();
        const why = error.killed
          ? `npm ci did not finish within ${timeoutMs / 1000} s (is the npm registry reachable?)`
          : `npm ci failed (exit ${error.code}): ${`${stdout}${stderr}`.trim().split('\n').slice(-5).join(' | ')}`;
        reject(new Error(`Could not install particle-cli for the CLI suite into ${cwd}: ${why}`));
      },
    );
  });
}

export async function installParticleCli({
  cacheRoot = join(here, '../../../node_modules/.cache'),
  timeoutMs = 5 * 60_000,
  npm = 'npm',
}: InstallOptions = {}): Promise<InstalledCli> {
  const lock = await readFile(join(here, 'package-lock.json'));
  const hash = createHash('sha256').update(lock).digest('hex');
  const dir = join(cacheRoot, 'particle-cli');
  if ((await stampOf(dir)) === hash) return installed(dir);

  await mkdir(cacheRoot, { recursive: true });
  const fresh = await mkdtemp(join(cacheRoot, 'particle-cli-installing-'));
  try {
    await copyFile(join(here, 'package.json'), join(fresh, 'package.json'));
    await copyFile(join(here, 'package-lock.json'), join(fresh, 'package-lock.json'));
    await npmCi(fresh, npm, timeoutMs);
    await writeFile(join(fresh, '.lock-hash'), hash);
    await rm(dir, { recursive: true, force: true });
    await rename(fresh, dir);
  } catch (error) {
    await rm(fresh, { recursive: true, force: true });
    // Another run may have installed the same lock meanwhile; anything else is a real failure.
    if ((await stampOf(dir)) !== hash) throw error;
  }
  return installed(dir);
}
