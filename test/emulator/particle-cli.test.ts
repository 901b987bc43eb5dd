/**
 * "Real clients work unchanged": the official `particle` CLI (particle-cli 3.40.0, installed on
 * demand by particle-cli/install.ts on the suite's first run) against the emulator. Each test gets a temporary HOME whose `~/.particle/particle.config.json`
 * points the CLI's `apiUrl` at the emulator, so nothing touches the real cloud or the user's files.
 *
 * The CLI has no command that lists products or team members; the product and org listing is
 * driven through the CLI's own API module (what `particle app` and `particle tachyon` call), and
 * team list/remove is covered through particle-api-js (which the CLI is built on).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { Secret, TOTP } from 'otpauth';
import { type RunningEmulator, startEmulator } from '../../emulator/index.js';
import { DEMO, MFA } from './helpers.js';
import { type InstalledCli, installParticleCli } from './particle-cli/install.js';

let cli: InstalledCli;
let emulator: RunningEmulator;
let home: string;

/** Runs `particle …` with the temporary HOME; resolves with its exit code and output. */
function particle(...args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const env = { ...process.env, HOME: home, PARTICLE_DISABLE_UPDATE: '1', NO_COLOR: '1' };
    const child = execFile(
      process.execPath,
      [cli.bin, ...args],
      { env, timeout: 60_000 },
      (err, stdout, stderr) => {
        // biome-ignore lint/suspicious/noControlCharactersInRegex: strips the CLI's spinner escapes
        const output = `${stdout}${stderr}`.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
        resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, output });
      },
    );
    child.stdin?.end();
  });
}

async function config(): Promise<{ access_token?: string | null; username?: string | null }> {
  return JSON.parse(await readFile(join(home, '.particle', 'particle.config.json'), 'utf8'));
}

describe('the particle CLI against the emulator', () => {
  before(async () => {
    cli = await installParticleCli();
    emulator = await startEmulator({ port: 0, quiet: true });
  });
  after(() => emulator.close());
  beforeEach(async () => {
    home = await mkdtemp(join(tmpdir(), 'particle-cli-home-'));
    await mkdir(join(home, '.particle'));
    await writeFile(
      join(home, '.particle', 'particle.config.json'),
      JSON.stringify({ apiUrl: emulator.url }),
    );
  });
  afterEach(() => rm(home, { recursive: true, force: true }));

  it('logs in without MFA and reads the user with whoami', async () => {
    const login = await particle('login', '--username', DEMO.username, '--password', DEMO.password);
    assert.equal(login.code, 0, login.output);
    assert.match(login.output, /Successfully completed login/);
    const saved = await config();
    assert.match(saved.access_token ?? '', /^[0-9a-f]{40}$/);
    assert.equal(saved.username, DEMO.username);
    const whoami = await particle('whoami');
    assert.equal(whoami.code, 0, whoami.output);
    assert.match(whoami.output, /demo@example\.com/);
  });

  it('logs in with MFA through --otp', async () => {
    const otp = new TOTP({ secret: Secret.fromBase32(MFA.secret) }).generate();
    const login = await particle('login', '-u', MFA.username, '-p', MFA.password, '--otp', otp);
    assert.equal(login.code, 0, login.output);
    assert.match(login.output, /authenticator app/);
    assert.equal((await config()).username, MFA.username);
    assert.match((await particle('whoami')).output, /mfa@example\.com/);
  });

  it('reports a wrong password and stores no token', async () => {
    const login = await particle('login', '-u', DEMO.username, '-p', 'wrong');
    assert.notEqual(login.code, 0);
    assert.match(login.output, /User credentials are invalid/);
    assert.equal((await config()).access_token, undefined);
  });

  it('lists orgs and products through the CLI API module', async () => {
    await particle('login', '-u', DEMO.username, '-p', DEMO.password);
    const ParticleApi = cli.require('particle-cli/src/cmd/api.js');
    const api = new ParticleApi(emulator.url, { accessToken: (await config()).access_token });
    const orgs = await api.getOrgs();
    assert.deepEqual(
      orgs.organizations.map((o: { slug: string }) => o.slug),
      ['acme'],
    );
    const sandbox = await api.getProducts();
    assert.deepEqual(
      sandbox.products.map((p: { slug: string }) => p.slug),
      ['demo-sandbox-tracker', 'demo-sandbox-sensors'],
    );
    const acme = await api.getProducts('acme');
    assert.equal(acme.products.length, 2);
  });

  it('revokes a token with "token revoke" (no credentials) and logs out by revoking its own', async () => {
    await particle('login', '-u', DEMO.username, '-p', DEMO.password);
    const other = await fetch(`${emulator.url}/oauth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'password',
        client_id: 'x-app',
        client_secret: 's',
        ...DEMO,
      }),
    });
    const { access_token: token } = await other.json();
    const revoke = await particle('token', 'revoke', token);
    assert.equal(revoke.code, 0, revoke.output);
    assert.match(revoke.output, /Successfully revoked/);
    assert.equal(
      (await fetch(`${emulator.url}/v1/user`, { headers: { Authorization: `Bearer ${token}` } }))
        .status,
      401,
    );

    const own = (await config()).access_token!;
    const logout = await particle('logout');
    assert.equal(logout.code, 0, logout.output);
    assert.match(logout.output, /logged out/);
    assert.equal((await config()).access_token, null);
    assert.equal(
      (await fetch(`${emulator.url}/v1/user`, { headers: { Authorization: `Bearer ${own}` } }))
        .status,
      401,
    );
  });
});
