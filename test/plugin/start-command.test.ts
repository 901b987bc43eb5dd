// `npm start` (scripts/start.ts): it serves the site built against the emulator, rebuilds
// on an edit and stops on Ctrl-C; it refuses a busy port with a sentence that says what to
// do, before it starts anything (Eleventy would otherwise serve on another port than the
// one printed, and the emulator would crash with a stack trace).
import assert from 'node:assert/strict';
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { appendFile, cp, mkdtemp, symlink } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { repoRoot } from './helpers/build.js';

const siteSources = [
  ...['package.json', 'tsconfig.json', '.eleventy.js', 'scripts/start.ts', 'emulator'],
  'scripts/watch-settings.js', // .eleventy.js imports it
  ...['plugin', 'partials', 'layouts', 'assets', 'content', 'widgets'],
];

/**
 * A copy of the site's sources: `npm start` writes `_site/` there, never into the
 * repository others build in, and the test can edit a page.
 */
async function siteCopy(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'particle-start-'));
  for (const path of siteSources) {
    await cp(join(repoRoot, path), join(dir, path), { recursive: true });
  }
  await symlink(join(repoRoot, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

let busy: Server;
let busyPort: number;
let copy: string;

before(async () => {
  busy = createServer();
  await new Promise<void>((done) => busy.listen(0, done));
  busyPort = (busy.address() as { port: number }).port;
  copy = await siteCopy();
});

after(() => busy.close());

function start(env: Record<string, string>): Promise<{ code: number; out: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'scripts/start.ts'],
      { cwd: copy, env: { ...process.env, ...env }, timeout: 20_000 },
      (error, stdout, stderr) =>
        done({ code: error ? Number(error.code) : 0, out: stdout + stderr }),
    );
  });
}

for (const variable of ['PORT', 'EMULATOR_PORT']) {
  it(`exits 1 naming the port when ${variable} is busy`, async () => {
    const other = variable === 'PORT' ? 'EMULATOR_PORT' : 'PORT';
    const run = await start({ [variable]: String(busyPort), [other]: '0' });
    assert.equal(run.code, 1, run.out);
    assert.match(run.out, new RegExp(`Port ${busyPort} is already in use .*${variable}=`));
    assert.doesNotMatch(run.out, /EADDRINUSE|Docs site|emulator listening/);
  });
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

/** Resolves with the first match of `pattern` in what `child` prints. */
function waitForOutput(child: ChildProcess, pattern: RegExp, output: string[]): Promise<string> {
  return new Promise((done, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`no ${pattern} in:\n${output.join('')}`)),
      30_000,
    );
    const check = () => {
      const match = pattern.exec(output.join(''));
      if (match) {
        clearTimeout(timer);
        done(match[1]!);
      }
    };
    child.stdout!.on('data', check);
    child.stderr!.on('data', check);
    check();
  });
}

async function fetchUntil(url: string, text: string): Promise<string> {
  const until = Date.now() + 15_000;
  let body = '';
  while (Date.now() < until) {
    body = await fetch(url).then(
      (response) => response.text(),
      (error: Error) => error.message,
    );
    if (body.includes(text)) return body;
    await delay(200);
  }
  assert.fail(`${url} never contained ${JSON.stringify(text)}; last:\n${body}`);
}

it('serves the site against the emulator, rebuilds on an edit, and stops on Ctrl-C', async () => {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: copy,
    env: { ...process.env, PORT: String(port), EMULATOR_PORT: '0' },
  });
  const output: string[] = [];
  child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  try {
    const emulator = await waitForOutput(child, /API emulator: (http:\/\/\S+)/, output);
    const site = await waitForOutput(child, /Server at (http:\/\/localhost:\d+)/, output);
    assert.equal(site, `http://localhost:${port}`, 'served on the port it printed');
    assert.match(output.join(''), new RegExp(`Docs site: +http://localhost:${port}/`));

    const seed = await fetchUntil(`${site}/reference/cloud-apis/access-tokens/`, '<particle-sso');
    assert.match(seed, new RegExp(`<particle-sso api-base="${emulator}">`));
    assert.match(seed, /<script type="module" src="\/assets\/widgets\/particle-widgets\.js">/);

    const landing = join(copy, 'content/index.md');
    await appendFile(landing, '\nEdited while serving.\n');
    await fetchUntil(`${site}/`, 'Edited while serving.');
  } finally {
    child.kill('SIGINT');
  }
  const [code] = (await once(child, 'exit')) as [number | null];
  assert.equal(code, 0, output.join(''));
  await assert.rejects(fetch(`http://localhost:${port}/`), 'the site is no longer served');
});
