/**
 * The widgets at 4× CPU throttling (Chromium's `Emulation.setCPUThrottlingRate`): the
 * real site built against an emulator whose demo account owns a product with 200 API
 * users, opened in headless Chromium through puppeteer-core. For each interaction the
 * longest task a `PerformanceObserver({ type: 'longtask' })` saw while it ran (tasks
 * under 50 ms are not reported by the browser: "< 50" means none was longer), and how
 * long the reader waited. A measurement, not a test: machine load moves the figures.
 * With `--trace`, what each interaction's longest tasks spent their time on (stderr).
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import { startEmulator } from '../emulator/index.js';
import { chooseTarget, LIST } from '../test/e2e/api-user-steps.js';
import { buildSite, launchBrowser, serveSite } from '../test/e2e/harness.js';
import { DEMO } from '../test/e2e/widget-stack.js';
import { startTracing } from './runtime-trace.js';
import { type BenchRow, summarize } from './table.js';
import { type ThrottleFactors, throttleFactors } from './throttle-check.js';

const SEED_PATH = '/reference/cloud-apis/access-tokens/';
const PRODUCT = 5001;
const API_USERS = 200;
/**
 * 4x, the issue's figure. `BENCH_CPU_SLOWDOWN=1` with `--trace` instead: on a busy machine
 * the tasks' thread time at 1x (which others' load does not stretch) says more.
 */
const CPU_SLOWDOWN = Number(process.env.BENCH_CPU_SLOWDOWN ?? 4);
const LONG_TASK_TARGET = 50;

/** The emulator's data: the demo account, owning one product with 200 API users. */
async function dataFile(): Promise<string> {
  const scopes = ['devices:list', 'devices:get', 'events:send', 'products:get', 'teams.users:list'];
  const data = {
    users: [{ username: DEMO.username, password: DEMO.password, firstName: 'Demo' }],
    products: [
      {
        id: PRODUCT,
        slug: 'bench-fleet',
        name: 'Bench Fleet',
        owner: DEMO.username,
        team: [{ username: DEMO.username, role: 'Administrator' }],
        apiUsers: Array.from({ length: API_USERS }, (_, i) => ({
          friendlyName: `Service ${String(i + 1).padStart(3, '0')}`,
          scopes: scopes.slice(0, 1 + (i % scopes.length)),
        })),
      },
    ],
  };
  const file = join(await mkdtemp(join(tmpdir(), 'particle-bench-data-')), 'data.json');
  await writeFile(file, JSON.stringify(data));
  return file;
}

// A string, not a function: tsx would wrap a function in a `__name` helper the page lacks.
const OBSERVE = `(() => {
  const bench = (window.__bench = { tasks: [] });
  new PerformanceObserver((list) => {
    for (const task of list.getEntries()) bench.tasks.push([task.startTime, task.duration]);
  }).observe({ type: 'longtask', buffered: true });
  const tags = ['particle-sso', 'particle-create-token', 'particle-api-user-list', 'particle-api-user-create'];
  Promise.all(tags.map((tag) => customElements.whenDefined(tag))).then(() => {
    bench.defined = performance.now();
    return Promise.all(tags.map((tag) => document.querySelector(tag).updateComplete));
  }).then(() => { bench.rendered = performance.now(); });
})();`;

const now = (page: Page) => page.evaluate(() => performance.now());
const quiet = (ms = 600) => new Promise((done) => setTimeout(done, ms));

/** The longest task that started in [from, to), 0 when none reached 50 ms. */
function longestTask(page: Page, from: number, to: number): Promise<number> {
  return page.evaluate(
    (a, b) => {
      const tasks = (window as unknown as { __bench: { tasks: [number, number][] } }).__bench.tasks;
      return Math.max(0, ...tasks.filter(([start]) => start >= a && start < b).map(([, d]) => d));
    },
    from,
    to,
  );
}

/**
 * The page's main-thread time so far, in ms (Chromium's TaskDuration: script, style, layout
 * and paint of every task). Summed over an interaction it moves less with the machine than
 * the longest task does, which hangs on where the scheduler cut.
 */
const mainThreadMs = async (page: Page) => ((await page.metrics()).TaskDuration ?? 0) * 1000;

/**
 * Runs `act`, then `waitUntilDone`; returns how long the reader waited, the longest task and
 * the main-thread time it all took.
 */
async function interaction(
  page: Page,
  act: () => Promise<void>,
  waitUntilDone: () => Promise<void>,
  traceAs?: string,
) {
  const tracing = traceAs ? await startTracing(page) : undefined;
  const start = await now(page);
  const busyBefore = await mainThreadMs(page);
  await act();
  await waitUntilDone();
  const done = await now(page);
  await quiet();
  const busy = (await mainThreadMs(page)) - busyBefore;
  await tracing?.report(traceAs!);
  return { wait: done - start, busy, longest: await longestTask(page, start, await now(page)) };
}

/** Waits until `selector` matches `count` elements in the shadow root at the end of `path`. */
const deepCount = async (page: Page, path: string[], selector: string, count: number) => {
  await page.waitForFunction(
    (hosts, sel, n) => {
      let root: Document | ShadowRoot | null | undefined = document;
      for (const host of hosts) root = root?.querySelector(host)?.shadowRoot;
      return (root?.querySelectorAll(sel).length ?? 0) >= n;
    },
    { timeout: 60_000, polling: 'raf' },
    path,
    selector,
    count,
  );
};

type Figures = Record<string, number>;

/**
 * An interaction's rows: how long the reader waited (when `waited` names the wait), its longest
 * task and its main-thread time.
 */
function record(
  figures: Figures,
  what: string,
  result: Awaited<ReturnType<typeof interaction>>,
  waited?: string,
): void {
  if (waited) figures[`${what}: ${waited} (ms)`] = result.wait;
  figures[`${what}: longest task (ms)`] = result.longest;
  figures[`${what}: main-thread time (ms)`] = result.busy;
}

/** A reference row, not a target: the page's own load with no script of ours. */
const PAGE_ALONE = 'Load, the page alone (no script): longest task (ms)';

/** A new context's page at the bench's viewport and CPU throttling, with the task observer. */
async function throttledPage(browser: Awaited<ReturnType<typeof launchBrowser>>) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width: 1024, height: 800 });
  const cdp = await page.createCDPSession();
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  await page.evaluateOnNewDocument(OBSERVE);
  return { context, page };
}

/**
 * The reference for the load figure: the longest task of the same page with every script
 * request refused, that is the browser parsing, styling and laying out the page's own
 * content (the widgets' fallback text included) in a new renderer. What the widgets add
 * on load is the difference.
 */
async function pageAloneLoad(
  browser: Awaited<ReturnType<typeof launchBrowser>>,
  url: string,
): Promise<number> {
  const { context, page } = await throttledPage(browser);
  await page.setRequestInterception(true);
  page.on('request', (request) =>
    request.resourceType() === 'script' ? request.abort() : request.continue(),
  );
  await page.goto(url, { waitUntil: 'load' });
  await quiet(1000);
  const longest = await longestTask(page, 0, await now(page));
  await context.close();
  return longest;
}

async function onePass(
  browser: Awaited<ReturnType<typeof launchBrowser>>,
  url: string,
  trace: boolean,
) {
  const as = (what: string) => (trace ? what : undefined);
  const figures: Figures = {};
  figures[PAGE_ALONE] = await pageAloneLoad(browser, url);
  const { context, page } = await throttledPage(browser);

  // Traced: first a page of the same site without widgets, so the renderer process that the
  // profiler attaches to is the one that loads the seed page.
  if (trace) await page.goto(new URL('/assets/site.css', url).href);
  const loadTrace = trace ? await startTracing(page) : undefined;
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction('window.__bench.rendered !== undefined', { timeout: 60_000 });
  const marks = await page.evaluate(() => {
    const bench = (window as unknown as { __bench: { defined: number; rendered: number } }).__bench;
    return { defined: bench.defined, rendered: bench.rendered };
  });
  figures['Load: all four elements defined (ms)'] = marks.defined;
  figures['Load: all four rendered (ms)'] = marks.rendered;
  await quiet(1000);
  await loadTrace?.report('Load');
  figures['Load: longest task (ms)'] = await longestTask(page, 0, await now(page));
  figures['Load: main-thread time (ms)'] = await mainThreadMs(page);

  // Each interaction's controls are found before it starts and its end is awaited with a
  // cheap check: puppeteer's deep selectors walk every shadow root of the page on every
  // frame, which would add long tasks of the bench's own to the widgets'.
  await page.locator('particle-sso input[name=username]').fill(DEMO.username);
  await page.locator('particle-sso input[name=password]').fill(DEMO.password);
  const logIn = await page.$('particle-sso form[part=form] button[type=submit]');
  const login = await interaction(
    page,
    () => logIn!.click(),
    () => deepCount(page, [LIST, 'particle-target-picker'], 'input[type=radio]', 1),
    as('Login'),
  );
  record(figures, 'Login', login, 'until the API-user forms show');

  await chooseTarget(page, LIST, { kind: 'product', id: String(PRODUCT) });
  await quiet();
  const listButton = await page.$(`${LIST} >>> form button[type=submit]`);
  const list = await interaction(
    page,
    () => listButton!.click(),
    async () => {
      await deepCount(page, [LIST, 'particle-api-user-table'], 'tr[data-username]', API_USERS);
    },
    as(`List ${API_USERS} API users`),
  );
  record(figures, `List ${API_USERS} API users`, list, 'until shown');

  const edit = await page.$(`${LIST} >>> particle-api-user-table >>> button[data-action=edit]`);
  const editor = await interaction(
    page,
    () => edit!.click(),
    async () => {
      await deepCount(
        page,
        [LIST, 'particle-api-user-editor', 'particle-scope-picker'],
        'input[type=checkbox]',
        90,
      );
    },
    as('Open Edit scopes'),
  );
  record(figures, 'Open Edit scopes', editor, 'until shown');

  const filter = await page.$(`${LIST} >>> particle-scope-picker >>> input[part=filter]`);
  await filter!.focus();
  await quiet();
  const typing = await interaction(
    page,
    () => page.keyboard.type('devices', { delay: 80 }),
    async () => {
      await quiet(100);
    },
    as('Type in Filter scopes'),
  );
  record(figures, 'Type "devices" in Filter scopes', typing);
  await context.close();
  return figures;
}

/**
 * The site to measure: this checkout's, and with `--against <checkout>` also another
 * checkout's (say a worktree of the commit before a change), built by that checkout's own
 * harness. The passes alternate between them, so both see the same moments of a machine
 * whose speed moves from one minute to the next.
 */
async function buildSites(apiBase: string, against?: string) {
  const sites = [{ name: 'this checkout', dir: await buildSite({ apiBase }) }];
  if (against) {
    const harness: typeof import('../test/e2e/harness.js') = await import(
      pathToFileURL(resolve(against, 'test/e2e/harness.ts')).href
    );
    sites.push({ name: basename(resolve(against)), dir: await harness.buildSite({ apiBase }) });
  }
  return Promise.all(sites.map(async (site) => ({ ...site, served: await serveSite(site.dir) })));
}

export async function runtimeBench(
  runs: number,
  { trace = false, against }: { trace?: boolean; against?: string } = {},
): Promise<BenchRow[]> {
  const emulator = await startEmulator({ port: 0, quiet: true, dataFile: await dataFile() });
  const sites = await buildSites(emulator.url, against);
  const browser = await launchBrowser();
  try {
    const passes = sites.map((): Figures[] => []);
    const throttling: ThrottleFactors[] = [];
    for (let i = 0; i < runs; i++) {
      for (const [s, site] of sites.entries()) {
        passes[s]!.push(await onePass(browser, `${site.served.url}${SEED_PATH}`, trace));
      }
      if (CPU_SLOWDOWN !== 1) throttling.push(await throttleFactors(browser, CPU_SLOWDOWN));
    }
    return [...pageRows(sites, passes, against), ...throttlingRows(throttling)];
  } finally {
    await browser.close();
    await Promise.all(sites.map((site) => site.served.close()));
    await emulator.close();
  }
}

/** Each measure of the passes over the seed page, a group of rows per site. */
function pageRows(sites: { name: string }[], passes: Figures[][], against?: string): BenchRow[] {
  return sites.flatMap((site, s) =>
    Object.keys(passes[s]![0]!).map((measure) =>
      summarize({
        group: `Browser at ${CPU_SLOWDOWN}× CPU throttling${against ? `, ${site.name}` : ''}`,
        measure,
        values: passes[s]!.map((figures) => figures[measure]!),
        unit: 'ms',
        target:
          measure.includes('longest task') && measure !== PAGE_ALONE ? LONG_TASK_TARGET : undefined,
        zeroMeans: `< ${LONG_TASK_TARGET}`,
      }),
    ),
  );
}

/** What the rate means on this machine (see throttle-check.ts): references, not targets. */
function throttlingRows(checks: ThrottleFactors[]): BenchRow[] {
  if (checks.length === 0) return [];
  const group = `Chromium's ${CPU_SLOWDOWN}× throttling, this machine`;
  const row = (measure: string, of: keyof ThrottleFactors) =>
    summarize({ group, measure, values: checks.map((check) => check[of]), unit: '×' });
  return [
    row('A fixed script: slowed by', 'script'),
    row('A fixed DOM build and its layout: slowed by', 'rendering'),
  ];
}
