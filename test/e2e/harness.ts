/**
 * End-to-end harness: build the real site into a temporary folder, serve it on
 * loopback, and drive it in Debian's headless Chromium through puppeteer-core.
 *
 *   const dir = await buildSite({ apiBase: emulator.url });
 *   const site = await serveSite(dir);
 *   const browser = await launchBrowser();
 *   const { page, errors } = await openPage(browser, `${site.url}/reference/cloud-apis/access-tokens/`);
 *   ...
 *   await browser.close(); await site.close();
 *
 * Every helper cleans up after itself only when asked (close()); build folders live
 * under the OS temp dir and never touch the repository's `_site/`.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { chromiumArgs, chromiumPath, LAUNCH_TIMEOUT_MS } from '../helpers/chromium.js';

const root = resolve(import.meta.dirname, '../..');

export interface BuildSiteOptions {
  /** The API origin the widgets talk to (the emulator's URL in tests). */
  apiBase: string;
  /** 'memory' makes the site force memory-only sessions (plugin option `session`). */
  session?: 'default' | 'memory';
  /** The hosted login's origin (`PARTICLE_LOGIN_URL`); none by default. */
  loginUrl?: string;
  /** Build into this folder (already served, say) instead of a fresh temp folder. */
  outDir?: string;
}

/**
 * Builds the real `content/` with the real `.eleventy.js` into a fresh temp folder and
 * resolves to that folder. Runs Eleventy as a child process (the same command as
 * `npm run build`), so a build error rejects with Eleventy's own message.
 */
export async function buildSite({
  apiBase,
  session = 'default',
  loginUrl = '',
  outDir: requestedOutDir,
}: BuildSiteOptions): Promise<string> {
  const outDir = requestedOutDir ?? (await siteDir());
  const eleventy = join(root, 'node_modules/@11ty/eleventy/cmd.cjs');
  await new Promise<void>((done, fail) => {
    execFile(
      process.execPath,
      [
        '--import',
        'tsx',
        // .eleventy.js imports the plugin by its package name: resolve it to the sources.
        '--conditions=particle-docs-source',
        eleventy,
        `--output=${outDir}`,
        '--quiet',
      ],
      {
        cwd: root,
        env: {
          ...process.env,
          PARTICLE_API_BASE: apiBase,
          PARTICLE_DOCS_SESSION: session,
          PARTICLE_LOGIN_URL: loginUrl,
        },
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        if (error) fail(new Error(`Site build failed (exit ${error.code}):\n${stdout}${stderr}`));
        else done();
      },
    );
  });
  return outDir;
}

/** A fresh, empty folder for a built site. */
export function siteDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'particle-site-'));
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

export interface ServedSite {
  /** Origin without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  url: string;
  close(): Promise<void>;
}

/** The `content` of a page's `<meta http-equiv="Content-Security-Policy">`, entities decoded. */
export function cspOf(html: string): string | undefined {
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
  if (!meta) return undefined;
  const entities: Record<string, string> = { amp: '&', quot: '"', lt: '<', gt: '>', apos: "'" };
  return meta[1]!.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name[0] !== '#') return entities[name] ?? whole;
    return String.fromCodePoint(
      name[1] === 'x' || name[1] === 'X'
        ? Number.parseInt(name.slice(2), 16)
        : Number(name.slice(1)),
    );
  });
}

/** Serves `dir` statically on 127.0.0.1 (ephemeral port); `/x/` serves `/x/index.html`. */
export async function serveSite(dir: string): Promise<ServedSite> {
  const base = resolve(dir);
  const server = createServer(async (req, res) => {
    let path = decodeURIComponent(new URL(req.url ?? '/', 'http://site').pathname);
    if (path.endsWith('/')) path += 'index.html';
    const file = resolve(base, `.${path}`);
    if (file !== base && !file.startsWith(base + sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    try {
      const info = await stat(file);
      if (info.isDirectory()) {
        res.writeHead(301, { Location: `${path}/` }).end();
        return;
      }
      const body = await readFile(file);
      const type = contentTypes[extname(file)] ?? 'application/octet-stream';
      const headers: Record<string, string> = { 'Content-Type': type, 'Cache-Control': 'no-store' };
      // The page's own policy as a real header as well, as a production host would send it:
      // some directives (frame-ancestors, report-to) only work there, and both must hold.
      const csp = extname(file) === '.html' ? cspOf(body.toString('utf8')) : undefined;
      if (csp) headers['Content-Security-Policy'] = csp;
      res.writeHead(200, headers).end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/**
 * Headless Chrome or Chromium (see helpers/chromium.ts) with root-safe flags and a fresh
 * profile. A browser that does not start rejects within LAUNCH_TIMEOUT_MS instead of hanging.
 */
export async function launchBrowser(): Promise<Browser> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'particle-chrome-'));
  const removeProfile = () => rm(userDataDir, { recursive: true, force: true }).catch(() => {});
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      executablePath: chromiumPath(),
      headless: true,
      userDataDir,
      args: chromiumArgs,
      timeout: LAUNCH_TIMEOUT_MS,
    });
  } catch (error) {
    await removeProfile();
    throw error;
  }
  browser.once('disconnected', removeProfile);
  return browser;
}

export interface OpenedPage {
  page: Page;
  /** Console errors (CSP violations included), uncaught page errors and failed requests. */
  errors: string[];
}

/**
 * Every `securitypolicyviolation` event of every page `openPage` opened in this process, as
 * "page URL: directive blocked what (where)". Each is also in its page's `errors`; suites built on
 * `stackForSuite` fail after their tests if any is here, whether or not a test looked.
 */
export const cspViolations: string[] = [];

/** A 40-hex access token (or anything shaped like one). */
export const TOKEN_PATTERN = /(?<![0-9a-f])[0-9a-f]{40}(?![0-9a-f])/i;

/**
 * Every request URL, Referer and console message of every page `openPage` opened that contains
 * something shaped like an access token: where a token must never be (tokens go in headers
 * only). Suites built on `stackForSuite` fail after their tests if any is here.
 */
export const tokenSightings: string[] = [];

/** Opens `url` in a new tab and records everything that went wrong while it lives. */
export async function openPage(browser: Browser, url: string): Promise<OpenedPage> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
    if (TOKEN_PATTERN.test(message.text())) tokenSightings.push(`console: ${message.text()}`);
  });
  page.on('request', (request) => {
    const referer = request.headers().referer ?? '';
    if (TOKEN_PATTERN.test(request.url())) tokenSightings.push(`request URL: ${request.url()}`);
    if (TOKEN_PATTERN.test(referer)) tokenSightings.push(`Referer: ${referer}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${String(error)}`));
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`HTTP ${response.status()} ${response.url()}`);
  });
  page.on('requestfailed', (request) => {
    errors.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? 'unknown'})`);
  });
  // A binding and a script installed through the DevTools protocol, which the page's CSP does
  // not govern: every violation, reported or not on the console, reaches the test.
  await page.exposeFunction('__particleCspViolation', (line: string) => {
    cspViolations.push(line);
    errors.push(`CSP violation: ${line}`);
  });
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as Record<string, (line: string) => void>)
        .__particleCspViolation;
      report?.(
        `${location.href}: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber}, ${event.disposition})`,
      );
    });
  });
  await page.setViewport({ width: 1024, height: 800 });
  await page.goto(url, { waitUntil: 'networkidle0' });
  return { page, errors };
}

/** `test-artifacts/<name>.png`, with its directory created. */
export async function artifactPath(name: string): Promise<`${string}.png`> {
  const dir = join(root, 'test-artifacts');
  await mkdir(dir, { recursive: true });
  return join(dir, `${name}.png`) as `${string}.png`;
}

/** Saves a full-page screenshot as `test-artifacts/<name>.png` and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const path = await artifactPath(name);
  await page.screenshot({ path, fullPage: true });
  return path;
}
