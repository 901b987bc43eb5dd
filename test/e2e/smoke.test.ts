/**
 * Smoke test of the built site in headless Chromium: the seed page loads under its
 * strict CSP with no console error (CSP violations are console errors), no page error
 * and no failed request, every widget element is there and defined, and the landing
 * page loads no widget JavaScript.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'puppeteer-core';
import { type RunningEmulator, startEmulator } from '../../emulator/index.js';
import {
  buildSite,
  launchBrowser,
  openPage,
  type ServedSite,
  screenshot,
  serveSite,
} from './harness.js';

const SEED = '/reference/cloud-apis/access-tokens/';
const elements = [
  'particle-sso',
  'particle-create-token',
  'particle-api-user-create',
  'particle-api-user-list',
];

describe('the built site in Chromium', () => {
  let emulator: RunningEmulator;
  let site: ServedSite;
  let browser: Browser;

  before(async () => {
    emulator = await startEmulator({ port: 0, quiet: true });
    const dir = await buildSite({ apiBase: emulator.url });
    site = await serveSite(dir);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await site?.close();
    await emulator?.close();
  });

  it('opens the seed page with no console error or failed request, every widget defined', async () => {
    const { page, errors } = await openPage(browser, `${site.url}${SEED}`);
    await page.waitForFunction(
      (tags: string[]) => tags.every((tag) => customElements.get(tag) !== undefined),
      { timeout: 10_000 },
      elements,
    );
    const found = await page.evaluate(
      (tags: string[]) =>
        tags.map((tag) => {
          const el = document.querySelector(tag);
          const fallback = el?.querySelector('.particle-fallback');
          return {
            tag,
            count: document.querySelectorAll(tag).length,
            apiBase: el?.getAttribute('api-base'),
            // Hidden by the site CSS (light DOM) or left unslotted (shadow DOM): not rendered.
            fallbackHidden: fallback ? !fallback.checkVisibility() : null,
          };
        }),
      elements,
    );
    for (const entry of found) {
      assert.equal(entry.count, 1, `${entry.tag} once`);
      assert.equal(entry.apiBase, emulator.url, `${entry.tag} talks to the emulator`);
      assert.equal(entry.fallbackHidden, true, `${entry.tag} hides its fallback once defined`);
    }
    assert.equal(await page.title(), 'Access Tokens | Particle Docs');
    await screenshot(page, 'smoke-seed-page');
    assert.deepEqual(errors, []);
  });

  it('enforces its Content-Security-Policy: an inline script is refused', async () => {
    const { page, errors } = await openPage(browser, `${site.url}${SEED}`);
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true;';
      document.head.append(script);
    });
    assert.equal(
      await page.evaluate(() => (window as { inlineRan?: boolean }).inlineRan),
      undefined,
    );
    assert.ok(
      errors.some((e) => e.includes('Content Security Policy')),
      errors.join('\n'),
    );
    await page.close();
  });

  it('fits a phone screen without sideways scrolling', async () => {
    const { page, errors } = await openPage(browser, `${site.url}${SEED}`);
    await page.setViewport({ width: 375, height: 700, isMobile: true });
    await page.reload({ waitUntil: 'networkidle0' });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    await screenshot(page, 'smoke-seed-page-phone');
    assert.ok(width <= 375, `page is ${width}px wide`);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('shows the fallbacks, not broken widgets, with JavaScript off', async () => {
    const page = await browser.newPage();
    await page.setJavaScriptEnabled(false);
    await page.goto(`${site.url}${SEED}`, { waitUntil: 'networkidle0' });
    const visible = await page.$$eval('.particle-fallback', (nodes) =>
      nodes.map(
        (node) => getComputedStyle(node).display !== 'none' && node.textContent!.trim().length > 0,
      ),
    );
    assert.deepEqual(visible, [true, true, true, true]);
    await page.close();
  });

  it('opens the landing page with no widget JavaScript and no error', async () => {
    const scripts: string[] = [];
    const { page, errors } = await openPage(browser, `${site.url}/`);
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    await page.reload({ waitUntil: 'networkidle0' });
    // The header's login state only (header-login.test.ts); nothing under /assets/widgets/.
    assert.deepEqual(
      scripts.map((url) => new URL(url).pathname),
      ['/assets/site-login.js'],
    );
    assert.equal(await page.$$eval('script', (nodes) => nodes.length), 1);
    assert.deepEqual(errors, []);
  });
});
