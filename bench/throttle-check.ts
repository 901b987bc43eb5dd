/**
 * How much Chromium's CPU throttling slows this machine's main thread, for script and for
 * rendering: the bench's "4×" is Chromium's rate, and the two differ. The throttle suspends the
 * renderer's main thread in short slices. A loop of arithmetic slows by the rate; building and
 * laying out DOM slows by more (probably because its data has left the CPU's caches by the time
 * the thread resumes). On the 2-core machine of issue 11, a fixed script ran 4.0× slower at
 * rate 4 and a fixed DOM build with its layout 5.1–5.4× slower, so a rendering task of 50 ms at
 * "4×" is one of about 9.5 ms unthrottled there. These rows make the figures of another machine
 * comparable.
 */
import type { Browser, CDPSession, Page } from 'puppeteer-core';

/** Repetitions of each piece of work per rate: the median is kept. */
const REPEAT = 9;

/*
 * Strings, not functions: tsx would wrap a function in a `__name` helper the page lacks.
 * Each runs its work REPEAT times, a task apart, and gives the median duration in ms.
 */
const timed = (work: string) => `(async () => {
  const durations = [];
  for (let r = 0; r < ${REPEAT}; r++) {
    await new Promise((done) => setTimeout(done, 20));
    const start = performance.now();
    ${work}
    durations.push(performance.now() - start);
  }
  durations.sort((a, b) => a - b);
  return durations[Math.floor(durations.length / 2)];
})()`;

/** About 16 ms of arithmetic unthrottled on the bench machine. */
const SCRIPT = timed(`
  let x = 0;
  for (let i = 0; i < 3000000; i++) x = (x * 31 + i) % 1000003;
  window.__sink = x;`);

/** About 30 ms unthrottled there: 300 table-like rows built, then laid out. */
const RENDERING = timed(`
  const host = document.body;
  host.textContent = '';
  for (let i = 0; i < 300; i++) {
    const row = document.createElement('div');
    row.innerHTML = '<span>Service ' + i + '</span> <code>service-' + i + '@api.particle.io</code> <button>Edit scopes</button> <button>Delete</button>';
    host.append(row);
  }
  void host.offsetHeight;`);

async function at(cdp: CDPSession, page: Page, rate: number, work: string): Promise<number> {
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return page.evaluate(work) as Promise<number>;
}

/** How many times slower each piece of work ran at the rate than unthrottled. */
export interface ThrottleFactors {
  script: number;
  rendering: number;
}

/** The slowdown at `rate` of a fixed script and of a fixed DOM build and layout, in a page of its own. */
export async function throttleFactors(browser: Browser, rate: number): Promise<ThrottleFactors> {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.goto('about:blank');
    const cdp = await page.createCDPSession();
    const factor = async (work: string) =>
      (await at(cdp, page, rate, work)) / (await at(cdp, page, 1, work));
    return { script: await factor(SCRIPT), rendering: await factor(RENDERING) };
  } finally {
    await context.close();
  }
}
