/**
 * The build benchmark: synthetic sites of 100 / 1,000 / 3,000 seed-like pages, built by
 * our plugin and by plain Eleventy with the same layout, interleaved (ours, plain, ours,
 * …), each build its own process. Rows: wall time (median and min–max), the ratio, the
 * time per page, peak RSS, HTML bytes per page, and the incremental rebuild under watch.
 *
 * "ms/page" is the marginal cost between two sizes, as issue 11's anchors measure it:
 * (build of N pages − build of the previous size) / (N − previous size), from a one-page
 * site up, so that the fixed start-up (Node, tsx, Eleventy, the widget bundle) is not
 * spread over the pages; the raw wall time is in its own row. Linearity compares the
 * slopes from 100 pages up (the slope from 1 to 100 also carries V8's warm-up).
 */
import { execFile, fork } from 'node:child_process';
import { appendFile, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pageFile, repoRoot, writeOursSite, writePlainSite } from './synthetic-site.js';
import { type BenchRow, median } from './table.js';

const child = join(repoRoot, 'bench/eleventy-child.ts');
/**
 * Each build runs in its site's folder with a relative input, as `npm start` does: under
 * --incremental, Eleventy 3.1 matches the changed file against the pages' relative input
 * paths, and with an absolute input outside the working folder it rebuilds every page.
 */
const tsx = import.meta.resolve('tsx');

interface BuildFigures {
  /** Process start to exit. */
  wallMs: number;
  /** CPU time of the build's own process (not esbuild's), steadier than wall time on a busy machine. */
  cpuMs: number;
  maxRssBytes: number;
  pages: number;
}

function buildOnce(siteDir: string, outDir: string): Promise<BuildFigures> {
  const started = performance.now();
  return new Promise((done, fail) => {
    execFile(
      process.execPath,
      ['--import', tsx, child, '.', outDir],
      { cwd: siteDir, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) return fail(new Error(`build of ${siteDir} failed:\n${stderr}`));
        const { cpuMs, maxRssBytes, pages } = JSON.parse(stdout.trim().split('\n').at(-1)!);
        done({ wallMs: performance.now() - started, cpuMs, maxRssBytes, pages });
      },
    );
  });
}

async function htmlBytes(outDir: string): Promise<{ bytes: number; pages: number }> {
  let bytes = 0;
  let pages = 0;
  for (const file of await readdir(outDir, { recursive: true })) {
    if (!file.endsWith('.html')) continue;
    bytes += (await stat(join(outDir, file))).size;
    pages += 1;
  }
  return { bytes, pages };
}

interface Variant {
  name: 'ours' | 'plain + layout' | 'Eleventy, same Markdown';
  siteDir: string;
  outDir: string;
  runs: BuildFigures[];
}

type Variants = [ours: Variant, plain: Variant, markdown: Variant];

async function prepare(work: string, count: number): Promise<Variants> {
  const variant = (name: Variant['name'], dir: string): Variant => ({
    name,
    siteDir: join(work, `${dir}-${count}`),
    outDir: join(work, `${dir}-${count}-out`),
    runs: [],
  });
  const ours = variant('ours', 'ours');
  const plain = variant('plain + layout', 'plain');
  const markdown = variant('Eleventy, same Markdown', 'markdown');
  await writeOursSite(ours.siteDir, count);
  await writeOursSite(markdown.siteDir, count, { baseline: true });
  await buildOnce(ours.siteDir, ours.outDir); // warm-up; its pages give plain its articles
  await writePlainSite(plain.siteDir, count, ours.outDir);
  return [ours, plain, markdown];
}

const MB = 1024 * 1024;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const times = (ratio: number) => `${ratio.toFixed(2)}×`;

async function measureSize(
  work: string,
  count: number,
  runs: number,
): Promise<{ variants: Variants; html: number }> {
  const variants = await prepare(work, count);
  for (let run = 0; run < runs; run++) {
    for (const variant of variants) {
      await rm(variant.outDir, { recursive: true, force: true });
      variant.runs.push(await buildOnce(variant.siteDir, variant.outDir));
    }
  }
  const { bytes, pages } = await htmlBytes(variants[0].outDir);
  return { variants, html: bytes / pages };
}

/**
 * Under watch with --incremental (what `npm start` runs, with its watch settings), edits
 * one page `edits` times and times each rebuild from the file write to the end of the
 * build (this includes the 40 ms the file watcher waits for a write to settle), and the
 * watching process's CPU time for it. `ext` is the pages' extension: `md` for ours,
 * `html` for plain Eleventy.
 */
async function watchEdits(
  siteDir: string,
  outDir: string,
  count: number,
  edits: number,
  ext: string,
): Promise<EditFigures> {
  const watcher = fork(child, ['.', outDir, '--watch'], {
    cwd: siteDir,
    execArgv: ['--import', tsx],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  type Message = { pages?: number; cpuMs?: number; watching?: boolean };
  const next = (key: keyof Message) =>
    new Promise<Message>((done) => {
      const listener = (message: Message) => {
        if (!(key in message)) return;
        watcher.off('message', listener);
        done(message);
      };
      watcher.on('message', listener);
    });
  try {
    await next('watching'); // after the initial full build
    await new Promise((wait) => setTimeout(wait, 2000)); // chokidar finishes setting up
    const figures: EditFigures = { ms: [], cpuMs: [], pages: [] };
    for (let edit = 0; edit < edits; edit++) {
      const built = next('pages');
      const started = performance.now();
      await appendFile(pageFile(siteDir, (edit * 7) % count, count, ext), `\nEdit ${edit}.\n`);
      const { pages = 0, cpuMs = 0 } = await built;
      figures.ms.push(performance.now() - started);
      figures.cpuMs.push(cpuMs);
      figures.pages.push(pages);
      await new Promise((wait) => setTimeout(wait, 300)); // let the watcher settle
    }
    return figures;
  } finally {
    watcher.disconnect();
    await new Promise((exited) => watcher.once('exit', exited));
  }
}

interface EditFigures {
  ms: number[];
  cpuMs: number[];
  pages: number[];
}

interface IncrementalFigures {
  ours: EditFigures;
  plain: EditFigures;
}

/** The one-page edit under watch, ours and then plain Eleventy + layout on the same pages. */
async function measureIncremental(
  work: string,
  count: number,
  edits: number,
): Promise<IncrementalFigures> {
  const siteDir = join(work, `watch-${count}`);
  const plainDir = join(work, `watch-plain-${count}`);
  await writeOursSite(siteDir, count);
  const ours = await watchEdits(siteDir, '_site', count, edits, 'md');
  await writePlainSite(plainDir, count, join(siteDir, '_site'));
  const plain = await watchEdits(plainDir, '_site', count, edits, 'html');
  return { ours, plain };
}

const row = (
  measure: string,
  values: number[],
  show: (value: number) => string,
  target?: { text: string; met: (median: number) => boolean },
): BenchRow => ({
  group: 'Build',
  measure,
  median: show(median(values)),
  spread: values.length > 1 ? `${show(Math.min(...values))} – ${show(Math.max(...values))}` : '',
  target: target?.text ?? '',
  met: target?.met(median(values)),
});

/** How far the marginal cost per page moves between slopes: (max − min) / (max + min). */
function linearity(measure: string, perPage: number[]): BenchRow {
  const low = Math.min(...perPage);
  const high = Math.max(...perPage);
  // A marginal cost at or below 0 means a smaller site built slower: load, not a figure.
  const deviation = low > 0 ? (high - low) / (high + low) : undefined;
  return {
    group: 'Build',
    measure,
    median: perPage.map((v) => v.toFixed(1)).join(' → '),
    spread: deviation === undefined ? 'machine too busy' : `±${(deviation * 100).toFixed(0)} %`,
    target: '±20 %',
    met: deviation !== undefined && deviation <= 0.2,
  };
}

export async function buildBench(runs: number, quick = false): Promise<BenchRow[]> {
  const sizes = quick ? [100, 1000] : [100, 1000, 3000];
  const work = await mkdtemp(join(tmpdir(), 'particle-bench-build-'));
  const rows: BenchRow[] = [];
  try {
    const base = await measureSize(work, 1, runs);
    let previous = { count: 1, ms: base.variants.map((v) => median(v.runs.map((r) => r.wallMs))) };
    let previousCpu = median(base.variants[0].runs.map((r) => r.cpuMs));
    const perPage: number[] = [];
    const cpuPerPage: number[] = [];
    for (const count of sizes) {
      const { variants, html } = await measureSize(work, count, runs);
      const [ours, plain, markdown] = variants.map((v) => v.runs.map((r) => r.wallMs)) as [
        number[],
        number[],
        number[],
      ];
      const ratio = ours.map((ms, i) => ms / plain[i]!);
      const cpu = variants.map((v) => v.runs.map((r) => r.cpuMs));
      const cpuRatio = (to: number[]) => cpu[0]!.map((ms, i) => ms / to[i]!);
      const medians = variants.map((v) => median(v.runs.map((r) => r.wallMs)));
      const cpuMedian = median(cpu[0]!);
      const span = count - previous.count;
      const marginal = medians.map((ms, i) => (ms - previous.ms[i]!) / span);
      const cpuMarginal = (cpuMedian - previousCpu) / span;
      const slope = `${previous.count.toLocaleString('en')} → ${count.toLocaleString('en')} pages`;
      if (previous.count > 1) {
        perPage.push(marginal[0]!);
        cpuPerPage.push(cpuMarginal);
      }
      previous = { count, ms: medians };
      previousCpu = cpuMedian;
      const at = `${count.toLocaleString('en')} pages`;
      rows.push(
        row(`${at}: ours`, ours, seconds),
        row(`${at}: plain Eleventy + same layout`, plain, seconds),
        row(
          `${at}: ours / plain`,
          ratio,
          times,
          count >= 1000 ? { text: '≤ 1.25×', met: (m) => m <= 1.25 } : undefined,
        ),
        row(`${at}: CPU ours / plain`, cpuRatio(cpu[1]!), times),
        row(`${at}: Eleventy on the same Markdown, without the plugin`, markdown, seconds),
        row(`${at}: CPU ours / Eleventy on the same Markdown`, cpuRatio(cpu[2]!), times),
        row(`${slope}: ms/page ours (plain ${marginal[1]!.toFixed(1)})`, [marginal[0]!], (v) =>
          v.toFixed(1),
        ),
        row(`${slope}: CPU ms/page ours`, [cpuMarginal], (v) => v.toFixed(1)),
        row(
          `${at}: peak RSS ours`,
          variants[0].runs.map((r) => r.maxRssBytes / MB),
          (v) => `${v.toFixed(0)} MB`,
          count === 3000 ? { text: '≤ 1,024 MB', met: (m) => m <= 1024 } : undefined,
        ),
        row(`${at}: HTML per page ours`, [html], (v) => `${(v / 1024).toFixed(1)} KB`),
      );
      for (const dir of [`ours-${count}`, `plain-${count}`, `markdown-${count}`]) {
        await rm(join(work, dir), { recursive: true, force: true });
        await rm(join(work, `${dir}-out`), { recursive: true, force: true });
      }
    }
    if (perPage.length > 1) {
      const sizesText = sizes.map((n) => n.toLocaleString('en')).join(' → ');
      rows.push(linearity(`ms/page ours, slopes ${sizesText} pages`, perPage));
      rows.push(linearity(`CPU ms/page ours, slopes ${sizesText} pages`, cpuPerPage));
    }
    const incremental = await measureIncremental(work, 1000, quick ? 2 : runs);
    const ms = (v: number) => `${v.toFixed(0)} ms`;
    rows.push(
      row(
        '1,000 pages: rebuild after a one-page edit, ours (watch --incremental)',
        incremental.ours.ms,
        ms,
        { text: '< 500 ms', met: (m) => m < 500 },
      ),
      row('1,000 pages: the same edit, plain Eleventy + same layout', incremental.plain.ms, ms),
      row('1,000 pages: CPU of that rebuild, ours', incremental.ours.cpuMs, ms),
      row(
        '1,000 pages: CPU of that rebuild, plain Eleventy + same layout',
        incremental.plain.cpuMs,
        ms,
      ),
      row('1,000 pages: pages written by that rebuild, ours', incremental.ours.pages, String, {
        text: '1',
        met: () => incremental.ours.pages.every((p) => p === 1),
      }),
    );
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return rows;
}
