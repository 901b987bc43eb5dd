/**
 * Chrome/Chromium discovery (test/helpers/chromium.ts) and what `npm test` does without a
 * browser: one line that says how to install one and a quick non-zero exit, never a launch
 * error per suite and never a hang. Each machine here is a fake one: a temporary HOME and PATH.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ChromiumNotFound, findChromium, INSTALL_HINT } from '../helpers/chromium.js';

const root = join(import.meta.dirname, '../..');
let machine: string;

/** An executable shell script at `machine/<path>`. */
async function fakeBrowser(path: string): Promise<string> {
  const file = join(machine, path);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, '#!/bin/sh\nexit 1\n');
  await chmod(file, 0o755);
  return file;
}

function run(args: string[], env: NodeJS.ProcessEnv, timeout: number) {
  const started = Date.now();
  return new Promise<{ code: number; killed: boolean; output: string; ms: number }>((resolve) => {
    execFile(process.execPath, args, { cwd: root, env, timeout }, (error, stdout, stderr) => {
      resolve({
        code: error ? Number(error.code ?? 1) : 0,
        killed: error?.killed === true,
        output: `${stdout}${stderr}`,
        ms: Date.now() - started,
      });
    });
  });
}

describe('finding Chrome or Chromium', () => {
  before(async () => {
    machine = await mkdtemp(join(tmpdir(), 'no-chromium-'));
  });
  after(() => rm(machine, { recursive: true, force: true }));

  it('reports the install hint when nothing is on PATH or in the caches', async () => {
    const home = join(machine, 'empty-home');
    assert.throws(
      () => findChromium({ PATH: join(machine, 'empty-bin') }, home),
      (error: Error) => error instanceof ChromiumNotFound && error.message === INSTALL_HINT,
    );
  });

  it('finds chromium-browser on PATH', async () => {
    const browser = await fakeBrowser('bin/chromium-browser');
    assert.equal(findChromium({ PATH: `/nonexistent:${dirname(browser)}` }, machine), browser);
  });

  it("finds a browser in Playwright's and in Puppeteer's cache", async () => {
    const playwright = await fakeBrowser(
      'playwright-home/.cache/ms-playwright/chromium-1169/chrome-linux/chrome',
    );
    assert.equal(findChromium({ PATH: '' }, join(machine, 'playwright-home')), playwright);
    const puppeteer = await fakeBrowser(
      'puppeteer-home/.cache/puppeteer/chrome/linux-131.0.6778.85/chrome-linux64/chrome',
    );
    assert.equal(findChromium({ PATH: '' }, join(machine, 'puppeteer-home')), puppeteer);
  });

  it('names a CHROME_PATH that is not an executable', () => {
    assert.throws(
      () => findChromium({ CHROME_PATH: join(machine, 'missing/chrome'), PATH: '' }, machine),
      /CHROME_PATH is set to .*missing\/chrome, which is not an executable file/,
    );
  });

  it('npm test without a browser prints one line and exits non-zero within seconds', async () => {
    const env = { PATH: join(machine, 'empty-bin'), HOME: join(machine, 'empty-home') };
    const { code, output, ms } = await run(['--import', 'tsx', 'scripts/test.ts'], env, 30_000);
    assert.notEqual(code, 0);
    assert.deepEqual(output.trim().split('\n'), [INSTALL_HINT]);
    assert.ok(ms < 20_000, `took ${ms} ms`);
  });

  it('an e2e suite whose browser fails to launch exits instead of hanging', async () => {
    // /bin/false "starts" and dies at once, after the suite's emulator and site are up.
    // Without NODE_TEST_CONTEXT, which would make the inner runner report to this one.
    const { NODE_TEST_CONTEXT: _, ...inherited } = process.env;
    const env = { ...inherited, CHROME_PATH: '/bin/false' };
    const suite = 'test/e2e/create-token.test.ts';
    const { code, killed, output } = await run(['--import', 'tsx', '--test', suite], env, 120_000);
    assert.equal(killed, false, 'killed after 120 s: the suite hung');
    assert.notEqual(code, 0);
    assert.match(output, /Failed to launch the browser process/);
  });
});
