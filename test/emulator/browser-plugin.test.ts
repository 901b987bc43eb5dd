/**
 * The browser suites' shared emulator (test/helpers/emulator-plugin.ts): many suites log in
 * through it at once, some with wrong passwords on purpose, so it must never rate-limit or block.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { TestRunnerPlugin } from '@web/test-runner';
import { BROWSER_SUITE_LIMITS, emulatorPlugin } from '../helpers/emulator-plugin.js';
import { DEMO, emulator, passwordGrant } from './helpers.js';

describe('the browser suites’ emulator plugin', () => {
  const plugin = emulatorPlugin();
  let url = '';
  const request = (path: string, init?: RequestInit) => fetch(`${url}${path}`, init);

  before(async () => {
    await plugin.serverStart?.({} as Parameters<NonNullable<TestRunnerPlugin['serverStart']>>[0]);
    const module = (await plugin.serve?.({ path: '/__emulator__.js' } as never)) as string;
    url = JSON.parse(/= (.*);$/.exec(module)![1]!) as string;
  });
  after(() => plugin.serverStop?.());

  it('serves the emulator’s URL to the browser as a module', () => {
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('never blocks logins after many failed ones (the real emulator blocks for 30 min)', async () => {
    for (let i = 0; i < 25; i++) {
      const { res } = await passwordGrant(request, { ...DEMO, password: 'wrong' });
      assert.equal(res.status, 400, `failed login ${i + 1}`);
    }
    const { res, body } = await passwordGrant(request, DEMO);
    assert.equal(res.status, 200, JSON.stringify(body));
  });

  it('keeps answering past the real 100-logins-per-window limit', async () => {
    for (let i = 0; i < 110; i++) {
      const { res } = await passwordGrant(request, { ...DEMO, password: 'wrong' });
      assert.notEqual(res.status, 429, `login ${i + 1}`);
    }
  });

  it('has limits under which no number of failures blocks (checked in memory, 2,000 of them)', async () => {
    const { request: local } = emulator({ limits: BROWSER_SUITE_LIMITS });
    for (let i = 0; i < 2_000; i++) {
      const { res } = await passwordGrant(local, { ...DEMO, password: 'wrong' });
      if (res.status !== 400) assert.fail(`failed login ${i + 1} answered ${res.status}`);
    }
    assert.equal((await passwordGrant(local, DEMO)).res.status, 200);
  });
});
