/**
 * The emulator's command line (emulator/server.ts: `npm run emulator`, and compiled, the package's
 * `particle-docs-emulator` bin) as a child process: flags, help, banner, bad input.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, it } from 'node:test';

const SERVER = 'emulator/server.ts';

function run(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return { child, output: () => output };
}

/** Waits until the banner shows the URL; returns it. */
async function started(proc: ReturnType<typeof run>): Promise<string> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const match = /listening on (http:\/\/\S+)/.exec(proc.output());
    if (match) return match[1]!;
    if (proc.child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the emulator did not start:\n${proc.output()}`);
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await once(child, 'exit');
}

describe('emulator/server.ts', () => {
  it('serves on EMULATOR_PORT with --data and --faults, printing accounts and MFA codes', async () => {
    const proc = run(['--data', 'emulator/data/example.json', '--faults'], { EMULATOR_PORT: '0' });
    try {
      const url = await started(proc);
      assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.match(proc.output(), /alice@example\.com \/ alice-password/);
      assert.match(
        proc.output(),
        /bob@example\.com \/ bob-password {2}\(MFA: TOTP secret JBSWY3DPEHPK3PXP\)/,
      );
      const res = await fetch(`${url}/oauth/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=password&client_id=particle&client_secret=particle&username=bob%40example.com&password=bob-password',
      });
      assert.equal(res.status, 403);
      await new Promise((r) => setTimeout(r, 100));
      assert.match(
        proc.output(),
        /MFA challenge for bob@example\.com: current one-time code \d{6}/,
      );
      assert.equal((await fetch(`${url}/__emulator/faults`)).status, 200);
    } finally {
      await stop(proc.child);
    }
  });

  it('--port wins over EMULATOR_PORT, and the seeded demo accounts are printed', async () => {
    const proc = run(['--port', '0'], { EMULATOR_PORT: 'not-a-port' });
    try {
      await started(proc);
      assert.match(proc.output(), /demo@example\.com \/ demo-password/);
      assert.match(proc.output(), /mfa@example\.com \/ demo-password/);
    } finally {
      await stop(proc.child);
    }
  });

  it('--site names the docs site on the emulator page', async () => {
    const proc = run(['--port', '0', '--site', 'http://localhost:8080/']);
    try {
      const url = await started(proc);
      const page = await (await fetch(`${url}/`, { headers: { Accept: 'text/html' } })).text();
      assert.match(page, /The docs site: <a href="http:\/\/localhost:8080\/">/);
    } finally {
      await stop(proc.child);
    }
  });

  it('--fault starts with that fault pending (faults on), its custom body sent as given', async () => {
    const fault = { path: '/v1/user', status: 404, body: { ok: false, error: '<b>gone</b>' } };
    const proc = run(['--port', '0', '--fault', JSON.stringify(fault)]);
    try {
      const url = await started(proc);
      const res = await fetch(`${url}/v1/user`);
      assert.equal(res.status, 404);
      assert.deepEqual(await res.json(), { ok: false, error: '<b>gone</b>' });
      assert.equal((await fetch(`${url}/v1/user`)).status, 400, 'used once, then the real answer');
      assert.equal(
        (await fetch(`${url}/__emulator/faults`)).status,
        200,
        '--fault implies --faults',
      );
    } finally {
      await stop(proc.child);
    }
  });

  it('--help prints every option and exits 0', async () => {
    const proc = run(['--help']);
    const [code] = await once(proc.child, 'exit');
    assert.equal(code, 0, proc.output());
    assert.match(proc.output(), /^Usage: particle-docs-emulator \[options\]/);
    for (const flag of [
      '--port N',
      '--host H',
      '--data FILE',
      '--faults',
      '--fault JSON',
      '--latency MS',
      '--site URL',
    ]) {
      assert.ok(proc.output().includes(`  ${flag} `), `--help names ${flag}`);
    }
  });

  it('exits 2 with one message naming the mistake for bad flags and an unreadable data file', async () => {
    const cases: [string[], RegExp][] = [
      [['--data', 'no/such/file.json'], /Cannot read the data file no\/such\/file\.json: ENOENT/],
      [['--data', 'package.json'], /package\.json/],
      [['--port', 'abc'], /--port must be a whole number, not "abc"/],
      [['--site', 'javascript:alert(1)'], /--site must be an http\(s\) URL/],
      [['--nonsense'], /Unknown option '--nonsense'/],
      [['--fault', '{path:1}'], /--fault must be JSON, not "\{path:1\}"/],
      [['--fault', '{"path":"/x","status":418}'], /--fault .*: status must be one of 401, 403/],
      [
        ['--fault', '{"path":"/x","status":400,"body":{"error":"x","info":"y"}}'],
        /body has an unknown field "info"/,
      ],
    ];
    for (const [args, message] of cases) {
      const proc = run(args);
      const [code] = await once(proc.child, 'exit');
      assert.equal(code, 2, proc.output());
      assert.match(proc.output(), /^particle-docs-emulator: /);
      assert.match(proc.output(), message);
      assert.match(proc.output(), /Run "particle-docs-emulator --help" for the options\.\n$/);
    }
  });
});
