/**
 * `npm run emulator`: serves the emulator until interrupted.
 *
 *   npm run emulator -- [--port N] [--host H] [--data FILE] [--faults] [--latency MS]
 *
 * `EMULATOR_PORT` also sets the port (the flag wins). Default: http://127.0.0.1:8081.
 */
import { parseArgs } from 'node:util';
import { DataFileError, startEmulator } from './index.js';

function usage(message: string): never {
  console.error(
    `${message}\nUsage: npm run emulator -- [--port N] [--host H] [--data FILE] [--faults] [--latency MS]`,
  );
  process.exit(2);
}

function whole(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^\d+$/.test(value)) usage(`${name} must be a whole number, not "${value}"`);
  return Number(value);
}

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      data: { type: 'string' },
      faults: { type: 'boolean' },
      latency: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  }).values;
}
try {
  args = parse();
} catch (err) {
  usage((err as Error).message);
}
if (args.help) usage('Runs the local Particle Cloud API emulator.');

try {
  const emulator = await startEmulator({
    port: whole(args.port, '--port') ?? whole(process.env.EMULATOR_PORT, 'EMULATOR_PORT') ?? 8081,
    host: args.host,
    dataFile: args.data,
    faults: args.faults,
    latencyMs: whole(args.latency, '--latency'),
  });
  const stop = () => void emulator.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (err) {
  if (err instanceof DataFileError) usage(err.message);
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') usage(`The port is in use: pick another with --port or EMULATOR_PORT`);
  throw err;
}
