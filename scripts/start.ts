/**
 * `npm start`: the local API emulator, and the docs site built against it and served
 * with live reload. Edits to content/, partials/, layouts/, assets/ or widgets/
 * rebuild the site (and the widget bundle) and reload the browser.
 *
 *   PORT=8080           the site's port (default 8080)
 *   EMULATOR_PORT=8081  the emulator's port (default 8081)
 *   PARTICLE_LOGIN_URL  the hosted login (default: the emulator's stand-in); empty turns it off
 *
 * Hosted login is on, as on Particle's own site: "Log in with Particle" goes to the
 * emulator's stand-in login page, which leaves its cookie for the docs page. Cookies ignore
 * ports but not host names, so both are served as `localhost`.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { startEmulator } from '../emulator/index.js';

const root = join(import.meta.dirname, '..');
const port = Number(process.env.PORT ?? 8080);
const emulatorPort = Number(process.env.EMULATOR_PORT ?? 8081);

/**
 * Fails early on a busy port. Eleventy's dev server would quietly move to the next
 * port, so the URL printed below would open whatever holds this one; the emulator
 * would crash with a bare EADDRINUSE stack trace.
 */
async function assertPortFree(value: number, variable: string): Promise<void> {
  if (value === 0) return; // any free port
  const server = createServer();
  const error = await new Promise<NodeJS.ErrnoException | undefined>((done) => {
    server.once('error', done);
    server.listen(value, () => server.close(() => done(undefined)));
  });
  if (error?.code === 'EADDRINUSE') {
    console.error(
      `Port ${value} is already in use (another npm start?). Stop that, or choose another port: ${variable}=${value + 10} npm start`,
    );
    process.exit(1);
  }
  if (error) throw error;
}

await assertPortFree(port, 'PORT');
await assertPortFree(emulatorPort, 'EMULATOR_PORT');

const docsOrigin = `http://localhost:${port}`;
// The emulator prints its URL and the demo accounts itself.
// `siteUrl` also turns on its stand-in hosted login, which returns only to this site.
const emulator = await startEmulator({ port: emulatorPort, siteUrl: `${docsOrigin}/` });
const standIn = `http://localhost:${new URL(emulator.url).port}`;
const loginUrl = process.env.PARTICLE_LOGIN_URL ?? standIn;

const eleventy = spawn(
  process.execPath,
  [
    '--import',
    'tsx',
    // .eleventy.js imports the plugin by its package name: resolve it to the sources.
    '--conditions=particle-docs-source',
    join(root, 'node_modules/@11ty/eleventy/cmd.cjs'),
    '--serve',
    // A one-page edit rewrites that page (and what uses an edited layout or partial), not the site.
    '--incremental',
    `--port=${port}`,
    '--quiet',
  ],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, PARTICLE_API_BASE: emulator.url, PARTICLE_LOGIN_URL: loginUrl },
  },
);

console.log(`\nDocs site:    ${docsOrigin}/ (live reload; Ctrl-C stops both)`);
console.log(`API emulator: ${emulator.url} (the widgets talk to it)`);
console.log(
  loginUrl
    ? `Hosted login: ${loginUrl}/login ("Log in with Particle"; "Log in on this page instead" is one click away)\n`
    : 'Hosted login: off (PARTICLE_LOGIN_URL is empty); the widgets log in on the page\n',
);

let stopping = false;
async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  if (eleventy.exitCode === null) eleventy.kill('SIGINT');
  await emulator.close();
  process.exit(code);
}

process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
eleventy.on('exit', (code) => void stop(code ?? 0));
