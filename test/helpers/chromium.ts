/**
 * How every suite finds and starts a headless Chrome or Chromium: the browser suites
 * (@web/test-runner), the end-to-end suites (puppeteer-core) and the package tests alike.
 *
 * `findChromium()` looks, in order, at `CHROME_PATH`, `chromium`, `chromium-browser`,
 * `google-chrome` (and `-stable`) on `PATH`, then Playwright's and Puppeteer's browser caches.
 * `npm test` calls it before any stage runs, so a machine without a browser gets one line
 * saying how to install one instead of a launch error per suite.
 */
import { accessSync, constants, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** Executable names inside the two caches (full Chrome for Testing first, then headless shells). */
const CACHE_EXECUTABLES = ['chrome', 'chrome-headless-shell', 'headless_shell'];

export const INSTALL_HINT =
  'No Chrome or Chromium found (looked at CHROME_PATH, chromium, chromium-browser and google-chrome on PATH, ~/.cache/ms-playwright and ~/.cache/puppeteer): install one (e.g. `apt-get install chromium` or `npx playwright install chromium`) or set CHROME_PATH to its executable.';

export class ChromiumNotFound extends Error {}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function subdirs(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => join(dir, entry.name));
  } catch {
    return [];
  }
}

/**
 * The first browser executable in a Playwright or Puppeteer cache. Both keep
 * `<cache>/<browser>[-<version>]/[<version>/]<platform folder>/<executable>`, so three
 * folder levels are searched; newer versions (sorted last) are preferred.
 */
function inCache(cache: string): string | undefined {
  let level = [cache];
  for (let depth = 0; depth < 3; depth++) {
    level = level.flatMap(subdirs).sort().reverse();
    for (const dir of level) {
      for (const name of CACHE_EXECUTABLES) {
        if (isExecutable(join(dir, name))) return join(dir, name);
      }
    }
  }
  return undefined;
}

/**
 * The browser to use, or a `ChromiumNotFound` whose message is the one line to show.
 * `env` and `home` are parameters so that tests can describe a machine without a browser.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  if (env.CHROME_PATH) {
    if (isExecutable(env.CHROME_PATH)) return env.CHROME_PATH;
    throw new ChromiumNotFound(
      `CHROME_PATH is set to ${env.CHROME_PATH}, which is not an executable file: point it at a Chrome or Chromium executable, or unset it.`,
    );
  }
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of PATH_NAMES) {
    for (const dir of dirs) {
      if (isExecutable(join(dir, name))) return join(dir, name);
    }
  }
  const caches = [
    env.PLAYWRIGHT_BROWSERS_PATH || join(home, '.cache', 'ms-playwright'),
    env.PUPPETEER_CACHE_DIR || join(home, '.cache', 'puppeteer'),
  ];
  for (const cache of caches) {
    const found = inCache(cache);
    if (found) return found;
  }
  throw new ChromiumNotFound(INSTALL_HINT);
}

/** The browser every suite launches; resolved once, when first asked for. */
let found: string | undefined;
export function chromiumPath(): string {
  found ??= findChromium();
  return found;
}

/** How long a suite waits for the browser to start before failing (not hanging). */
export const LAUNCH_TIMEOUT_MS = 30_000;

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
  // Chromium 156 starts two renderers of its own for every new window (the omnibox popup's
  // WebUI, preloaded even when headless), which took 1.1 s of CPU during one page load of the
  // runtime bench on this 2-core machine: CPU the page under test did not get.
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup',
];
