#!/usr/bin/env node
/**
 * The emulator's command line: the package's `particle-docs-emulator` bin (compiled), and
 * `npm run emulator` in this repository (through tsx). Serves until interrupted.
 *
 *   particle-docs-emulator [--port N] [--host H] [--data FILE] [--faults] [--fault JSON]…
 *                          [--latency MS] [--site URL]
 *
 * `EMULATOR_PORT` also sets the port (the flag wins). Default: http://127.0.0.1:8081.
 */
import { parseArgs } from 'node:util';
import { DataFileError, FaultDefinitionError, parseFault, startEmulator } from './index.js';

const NAME = 'particle-docs-emulator';

const HELP = `Usage: ${NAME} [options]
       (in this repository: npm run emulator -- [options])

Runs a local stand-in for the Particle Cloud API (https://api.particle.io) on loopback,
with demo accounts, products and orgs kept in memory.

Options:
  --port N       port to listen on (default 8081, or EMULATOR_PORT; 0 picks a free one)
  --host H       address to listen on (default 127.0.0.1)
  --data FILE    load accounts, products and orgs from a JSON data file instead of the demo data
  --faults       enable POST /__emulator/faults, which forces errors and delays
  --fault JSON   a fault pending from the start, as POST /__emulator/faults takes it
                 (e.g. '{"path":"/v1/user","status":503,"count":5}'); repeatable; implies --faults
  --latency MS   add MS milliseconds to every response
  --site URL     the docs site that uses it: linked from the emulator's own page (GET /),
                 and the only site the stand-in hosted login (/login) returns to
  -h, --help     show this help`;

/** A mistake in the command line or its input: one message, the way to the help, exit 2. */
function usage(message: string): never {
  console.error(`${NAME}: ${message}\nRun "${NAME} --help" for the options.`);
  process.exit(2);
}

function whole(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^\d+$/.test(value)) usage(`${name} must be a whole number, not "${value}"`);
  return Number(value);
}

/** Each `--fault` value, parsed and checked as the fault route would. */
function presetFaults(values: string[] | undefined) {
  return (values ?? []).map((value) => {
    try {
      return parseFault(JSON.parse(value));
    } catch (err) {
      if (err instanceof SyntaxError) usage(`--fault must be JSON, not ${JSON.stringify(value)}`);
      if (err instanceof FaultDefinitionError) usage(`--fault ${value}: ${err.message}`);
      throw err;
    }
  });
}

function siteUrl(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) {
    usage(`--site must be an http(s) URL, not "${value}"`);
  }
  return value;
}

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      data: { type: 'string' },
      faults: { type: 'boolean' },
      fault: { type: 'string', multiple: true },
      latency: { type: 'string' },
      site: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  }).values;
}
try {
  args = parse();
} catch (err) {
  usage((err as Error).message);
}
if (args.help) {
  console.log(HELP);
  process.exit(0);
}

try {
  const emulator = await startEmulator({
    port: whole(args.port, '--port') ?? whole(process.env.EMULATOR_PORT, 'EMULATOR_PORT') ?? 8081,
    host: args.host,
    dataFile: args.data,
    faults: args.faults || args.fault !== undefined,
    presetFaults: presetFaults(args.fault),
    latencyMs: whole(args.latency, '--latency'),
    siteUrl: siteUrl(args.site),
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
