/**
 * `npm start`: the local API emulator, and the docs site built against it and served
 * with live reload. Edits to content/, partials/, layouts/, assets/ or widgets/
 * rebuild the site (and the widget bundle) and reload the browser.
 *
 *   PORT=8080           the site's port (default 8080)
 *   EMULATOR_PORT=8081  the emulator's port (default 8081)
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { startEmulator } from '../emulator/index.js';

const root = join(import.meta.dirname, '..');
const port = Number(process.env.PORT ?? 8080);

// The emulator prints its URL and the demo accounts itself.
const emulator = await startEmulator({ port: Number(process.env.EMULATOR_PORT ?? 8081) });

const eleventy = spawn(
  process.execPath,
  [
    '--import',
    'tsx',
    join(root, 'node_modules/@11ty/eleventy/cmd.cjs'),
    '--serve',
    `--port=${port}`,
    '--quiet',
  ],
  { cwd: root, stdio: 'inherit', env: { ...process.env, PARTICLE_API_BASE: emulator.url } },
);

console.log(`\nDocs site:    http://localhost:${port}/ (live reload; Ctrl-C stops both)`);
console.log(`API emulator: ${emulator.url} (the widgets talk to it)\n`);

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
