/**
 * `npm run bench`: measurements, not tests. Each module below measures one side and
 * returns rows; they are printed as one table (Markdown, for the README).
 *
 *   npm run bench                       # every module, 5 runs where runs are repeated
 *   npm run bench -- 3                  # 3 runs
 *   npm run bench -- 3 bundle runtime   # only these modules
 *   npm run bench -- --quick build      # the build at 100 and 1,000 pages, once each
 *   npm run bench -- 1 runtime --trace  # and what the longest tasks spent time on
 *   npm run bench -- 6 runtime --against ../before   # and, pass for pass, another checkout
 *
 * The machine's load moves the timings: run it on an otherwise idle machine, and
 * compare medians with their spread.
 */
import { buildBench } from './build.js';
import { bundleBench } from './bundle.js';
import { runtimeBench } from './runtime.js';
import { type BenchRow, printTable } from './table.js';

const args = process.argv.slice(2);
/** `--against <checkout>`, taken out of the arguments before they are read as modules. */
const againstAt = args.indexOf('--against');
const against = againstAt === -1 ? undefined : args.splice(againstAt, 2)[1];
const runs = Number(args.find((arg) => /^\d+$/.test(arg)) ?? 5);
const quick = args.includes('--quick');
const chosen = args.filter((arg) => !/^\d+$/.test(arg) && !arg.startsWith('--'));

const modules: Record<string, () => Promise<BenchRow[]>> = {
  build: () => buildBench(quick ? 1 : runs, quick),
  bundle: () => bundleBench(),
  runtime: () => runtimeBench(runs, { trace: args.includes('--trace'), against }),
};

const rows: BenchRow[] = [];
for (const [name, measure] of Object.entries(modules)) {
  if (chosen.length && !chosen.includes(name)) continue;
  console.error(`bench: ${name}…`);
  rows.push(...(await measure()));
}
printTable(rows);
