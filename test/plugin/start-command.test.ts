// `npm start` (scripts/start.ts) refuses a busy port with a sentence that says what to
// do, before it starts anything: Eleventy would otherwise serve on another port than the
// one printed, and the emulator would crash with a stack trace.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { repoRoot } from './helpers/build.js';

let busy: Server;
let busyPort: number;

before(async () => {
  busy = createServer();
  await new Promise<void>((done) => busy.listen(0, done));
  busyPort = (busy.address() as { port: number }).port;
});

after(() => busy.close());

function start(env: Record<string, string>): Promise<{ code: number; out: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', join(repoRoot, 'scripts/start.ts')],
      { cwd: repoRoot, env: { ...process.env, ...env }, timeout: 20_000 },
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
