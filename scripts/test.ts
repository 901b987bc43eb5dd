/**
 * `npm test`: runs every suite of the project and ends with one plain line,
 * `N passed, N failed`, that counts every test of every suite.
 *
 *   npm test                 # static checks, node suites, browser suites, end-to-end suites
 *   npm test -- node e2e     # only the named stages
 *
 * Each stage is a child process whose output is streamed as it comes and also
 * parsed for its runner's closing counts. A stage that exits non-zero without
 * reporting a failure (a crash, a file that failed to load) counts as one failure,
 * so a broken suite can never look green.
 */
import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { ChromiumNotFound, findChromium } from '../test/helpers/chromium.js';
import { type Counts, parseNodeTest, parseWtr } from './test-counts.js';

interface Stage {
  name: string;
  /** Files or arguments resolved when the stage runs (globs are not portable on Node 20). */
  command: () => Promise<string[]>;
  parse: (output: string) => Counts;
  /** Static checks count as one test each: they pass or fail as a whole. */
  single?: boolean;
  /** Its suites start Chrome or Chromium. */
  browser?: boolean;
}

const root = join(import.meta.dirname, '..');

/** The `*.test.ts` files under `dir`, sorted; none when `dir` does not exist. */
async function findTests(dir: string): Promise<string[]> {
  const found: string[] = [];
  let entries: import('node:fs').Dirent[];
  try {
    entries = await readdir(join(root, dir), { withFileTypes: true, recursive: true });
  } catch {
    return found;
  }
  for (const entry of entries) {
    if (entry.isFile() && entry.name.endsWith('.test.ts')) {
      found.push(relative(root, join(entry.parentPath, entry.name)));
    }
  }
  return found.sort();
}

// A hung test (a socket that never closes, a browser that never answers) fails its suite after
// ten minutes instead of holding the whole run until CI's limit.
const nodeTest = (dirs: string[]) => async () => {
  const files = (await Promise.all(dirs.map(findTests))).flat();
  if (files.length === 0) return [];
  return [
    'node',
    '--import',
    'tsx',
    '--test',
    '--test-timeout=600000',
    '--test-reporter=spec',
    ...files,
  ];
};

const stages: Stage[] = [
  {
    name: 'typecheck',
    command: async () => ['npx', 'tsc', '--noEmit'],
    parse: () => ({ passed: 0, failed: 0, skipped: 0 }),
    single: true,
  },
  {
    name: 'lint',
    command: async () => ['npx', 'biome', 'check', '.'],
    parse: () => ({ passed: 0, failed: 0, skipped: 0 }),
    single: true,
  },
  {
    name: 'node',
    command: nodeTest([
      'test/plugin',
      'test/emulator',
      'test/scripts',
      'test/source',
      'test/package',
    ]),
    parse: parseNodeTest,
    browser: true, // the package tests load the widgets in Chromium
  },
  {
    name: 'browser',
    command: async () => ['npx', 'tsx', 'test/web-test-runner.ts'],
    parse: parseWtr,
    browser: true,
  },
  {
    name: 'e2e',
    command: nodeTest(['test/e2e']),
    parse: parseNodeTest,
    browser: true,
  },
];

function run(args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(args[0]!, args.slice(1), {
      cwd: root,
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (stream: NodeJS.WriteStream) => (chunk: Buffer) => {
      output += chunk.toString();
      stream.write(chunk);
    };
    child.stdout.on('data', collect(process.stdout));
    child.stderr.on('data', collect(process.stderr));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const selected = wanted.length ? stages.filter((s) => wanted.includes(s.name)) : stages;
  const unknown = wanted.filter((w) => !stages.some((s) => s.name === w));
  if (unknown.length) {
    console.error(
      `Unknown stage(s): ${unknown.join(', ')}. Stages: ${stages.map((s) => s.name).join(', ')}`,
    );
    process.exit(2);
  }

  // Without a browser every browser suite would fail with its own launch error: stop at once
  // with the one line that says how to get one.
  if (selected.some((stage) => stage.browser)) {
    try {
      process.env.CHROME_PATH = findChromium();
    } catch (error) {
      if (!(error instanceof ChromiumNotFound)) throw error;
      console.error(error.message);
      process.exit(1);
    }
  }

  const total: Counts = { passed: 0, failed: 0, skipped: 0 };
  const summary: string[] = [];
  for (const stage of selected) {
    const args = await stage.command();
    if (args.length === 0) {
      summary.push(`${stage.name}: no test files`);
      continue;
    }
    console.log(`\n━━ ${stage.name}: ${args.join(' ')}`);
    const { code, output } = await run(args);
    const counts = stage.single
      ? { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0 }
      : stage.parse(output);
    // A non-zero exit with no failure counted means the runner itself broke.
    if (code !== 0 && counts.failed === 0) counts.failed = 1;
    total.passed += counts.passed;
    total.failed += counts.failed;
    total.skipped += counts.skipped;
    summary.push(
      `${stage.name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`,
    );
  }

  console.log(`\n━━ summary\n${summary.join('\n')}`);
  // Skipped or todo tests are not allowed to hide: they fail the run.
  const ok = total.failed === 0 && total.skipped === 0;
  console.log(`${total.passed} passed, ${total.failed + total.skipped} failed`);
  process.exit(ok ? 0 : 1);
}

await main();
