/**
 * How every suite starts Debian's headless Chromium: the browser suites
 * (@web/test-runner) and the end-to-end suites (puppeteer-core) alike.
 */

/** Debian's Chromium, or the one `CHROME_PATH` names. */
export const chromiumPath = process.env.CHROME_PATH || '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox', // the machines and CI run as root
  '--disable-gpu',
  '--disable-dev-shm-usage',
  // This machine has no network: without these, Chromium keeps dialling Google's hosts.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // Suites run pages side by side; a page in the background must not have its timers
  // throttled to one a second, or waits for the UI take seconds instead of milliseconds.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];
