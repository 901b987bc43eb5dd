/**
 * The plugin as another site gets it: `npm pack` of this project installed into a small
 * Eleventy 3 site of its own (test/fixtures/consumer-site: Liquid Markdown, a Nunjucks
 * layout, `pathPrefix: "/docs/"`), copied to a temporary folder outside the repository.
 * One pack and one install serve every case; the emulator runs from the installed package.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import type { Browser } from 'puppeteer-core';
import { devVersion, npmInstall, PACKAGE, packProject, repoRoot } from '../helpers/pack.js';
import { listFirstTarget, listRows } from './api-user-steps.js';
import { launchBrowser, openPage, type ServedSite, serveSite } from './harness.js';
import { DEMO, LOGGED_IN, ssoLogIn, waitForText } from './widget-stack.js';

const fixture = join(repoRoot, 'test/fixtures/consumer-site');
const exec = promisify(execFile);
/** The site's own pages, which must render exactly as they do without the plugin. */
const OWN_PAGES = ['index.html', 'guide/index.html', 'about/index.html', 'contact/index.html'];
const WIDGET_PAGES = [
  'widgets/handlebars/index.html',
  'widgets/shortcodes/index.html',
  'widgets/nunjucks/index.html',
  'opted-in/page/index.html',
];

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

/** Builds the site with its own `npx eleventy`; resolves to the output, rejects with it. */
async function buildSite(site: string, env: Record<string, string>, output = 'dist') {
  const eleventy = join(site, 'node_modules/@11ty/eleventy/cmd.cjs');
  const { stdout, stderr } = await exec(process.execPath, [eleventy, `--output=${output}`], {
    cwd: site,
    env: { ...process.env, ...env },
  });
  return stdout + stderr;
}

/** Runs the emulator the installed package ships; resolves once it answers HTTP. */
async function startInstalledEmulator(site: string) {
  const installed = join(site, 'node_modules', PACKAGE);
  const manifest = JSON.parse(await readFile(join(installed, 'package.json'), 'utf8'));
  const bin: string = manifest.bin?.['particle-docs-emulator'] ?? 'dist/emulator/server.js';
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [join(installed, bin), '--port', `${port}`], {
    cwd: site,
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries++) {
    const answered = await fetch(`${url}/v1/user`).then(
      () => true,
      () => false,
    );
    if (answered) break;
    if (tries > 100 || child.exitCode !== null) throw new Error(`The emulator never answered`);
    await new Promise((done) => setTimeout(done, 100));
  }
  return { url, close: () => child.kill() };
}

/** Every `src`/`href` of a `<script>`, a stylesheet or a `modulepreload` link in `html`. */
function assetUrls(html: string): string[] {
  return [
    ...html.matchAll(
      /<(?:script[^>]*\ssrc|link rel="(?:stylesheet|modulepreload)" href)="([^"]+)"/g,
    ),
  ].map((match) => match[1]!);
}

/** The selectors of every rule in `css` (comments dropped, at-rules' own lines too). */
function selectors(css: string): string[] {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split('}')
    .flatMap((rule) => (rule.split('{').at(-2) ?? '').split(','))
    .map((selector) => selector.trim())
    .filter(Boolean);
}

describe('a consumer site with the packed plugin installed', () => {
  let work: string;
  let site: string;
  let emulator: Awaited<ReturnType<typeof startInstalledEmulator>>;
  let buildOutput = '';
  const read = (path: string) => readFile(join(site, path), 'utf8');

  before(async () => {
    work = await mkdtemp(join(tmpdir(), 'particle-consumer-'));
    site = join(work, 'site');
    const tarball = await packProject(work);
    await cp(fixture, site, { recursive: true });
    await npmInstall(site, [tarball, `@11ty/eleventy@${await devVersion('@11ty/eleventy')}`]);
    emulator = await startInstalledEmulator(site);
    [buildOutput] = await Promise.all([
      buildSite(site, { PARTICLE_API_BASE: emulator.url }),
      buildSite(site, { PARTICLE_API_BASE: emulator.url, PARTICLE_DOCS: 'off' }, 'without'),
    ]);
  });

  after(async () => {
    emulator?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it("renders the site's own pages exactly as without the plugin", async () => {
    for (const page of OWN_PAGES) {
      assert.equal(await read(`dist/${page}`), await read(`without/${page}`), page);
    }
    assert.match(await read('dist/index.html'), /<h1>Welcome to HOME<\/h1>/, 'Liquid Markdown');
  });

  it('gives widget pages prefixed script and stylesheet URLs that exist in the output', async () => {
    for (const page of WIDGET_PAGES) {
      const urls = assetUrls(await read(`dist/${page}`));
      assert.ok(urls.includes('/docs/assets/widgets/particle-widgets.css'), `${page}: ${urls}`);
      assert.ok(
        urls.some((url) => /^\/docs\/assets\/widgets\/particle-[a-z-]+\.js$/.test(url)),
        page,
      );
      for (const url of urls) {
        assert.ok(url.startsWith('/docs/'), `${page}: ${url} lacks the pathPrefix`);
        await read(`dist/${url.slice('/docs/'.length)}`); // throws when missing
      }
    }
    for (const page of OWN_PAGES) {
      assert.deepEqual(assetUrls(await read(`dist/${page}`)), ['/docs/css/site.css'], page);
    }
  });

  it('resolves prefixed links in the link report (/docs/about/ is the page /about/)', async () => {
    assert.match(await read('dist/index.html'), /<a href="\/docs\/about\/">/);
    assert.doesNotMatch(buildOutput, /internal link\(s\) lead to no page/);
  });

  it('renders the same elements from a shortcode as from a partial', async () => {
    const element = (html: string, tag: string) =>
      new RegExp(`<${tag}[\\s\\S]*?</${tag}>`).exec(html)?.[0];
    const partials = await read('dist/widgets/handlebars/index.html');
    const liquid = await read('dist/widgets/shortcodes/index.html');
    const nunjucks = await read('dist/widgets/nunjucks/index.html');
    for (const tag of ['particle-api-user-create', 'particle-api-user-list']) {
      assert.equal(element(liquid, tag), element(partials, tag), tag);
    }
    assert.equal(
      element(nunjucks, 'particle-create-token'),
      element(partials, 'particle-create-token'),
    );
    assert.match(nunjucks, /<particle-api-user-list api-base="[^"]+" product="10001">/);
    assert.match(liquid, /<particle-sso api-base="[^"]+" select-org>/, 'Liquid pair parameter');
    assert.match(await read('dist/opted-in/page/index.html'), /<particle-sso [^>]*select-org>/);
  });

  it("styles only the widgets: no rule of the plugin's stylesheet touches html, body, a or code", async () => {
    const dir = join(site, 'dist/assets/widgets');
    const sheets = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.css'));
    assert.deepEqual(sheets, ['particle-widgets.css']);
    const css = await readFile(join(dir, sheets[0]!), 'utf8');
    assert.match(css, /:defined > \.particle-fallback/);
    for (const selector of selectors(css)) {
      assert.doesNotMatch(selector, /(?:^|[\s>+~])(?:html|body|a|pre|code)\b(?![-\w])/, selector);
    }
  });

  it('stops the build naming the page for an unknown widget or parameter', async () => {
    const cases = [
      {
        file: 'src/bad-widget.liquid',
        source: '{% particleWidget "ssso" %}',
        error: /src\/bad-widget\.liquid: Unknown partial "ssso"\. Known partials: .*sso/,
      },
      {
        file: 'src/bad-param.njk',
        source: '{% particleWidget "cloud-api-user-list", prodcut="1" %}',
        error:
          /src\/bad-param\.njk: Unknown parameter "prodcut" for partial "cloud-api-user-list"\. Valid parameters: product, org/,
      },
    ];
    for (const { file, source, error } of cases) {
      await writeFile(join(site, file), source);
      try {
        const failure = await buildSite(site, {}, 'failed').then(
          () => 'the build succeeded',
          (e: { stdout?: string; stderr?: string }) => `${e.stdout}${e.stderr}`,
        );
        assert.match(failure, error);
      } finally {
        await rm(join(site, file));
      }
    }
  });

  it('serves the widget scripts and stylesheet under eleventy --serve, prefixed', async () => {
    const port = await freePort();
    const eleventy = join(site, 'node_modules/@11ty/eleventy/cmd.cjs');
    const server = spawn(
      process.execPath,
      [eleventy, '--serve', `--port=${port}`, '--output=served', '--quiet'],
      { cwd: site, stdio: 'ignore', env: { ...process.env, PARTICLE_API_BASE: emulator.url } },
    );
    try {
      const origin = `http://localhost:${port}`;
      let html = '';
      for (let tries = 0; !html.includes('</html>'); tries++) {
        if (tries > 200) throw new Error('eleventy --serve never served the page');
        await new Promise((done) => setTimeout(done, 100));
        html = await fetch(`${origin}/docs/widgets/handlebars/`).then(
          (res) => (res.ok ? res.text() : ''),
          () => '',
        );
      }
      const urls = assetUrls(html).filter((url) => url.includes('/assets/widgets/'));
      assert.ok(urls.length >= 3, urls.join(' ')); // stylesheet, preloaded chunk, entry
      for (const url of urls) {
        const res = await fetch(`${origin}${url}`);
        assert.equal(res.status, 200, url);
        assert.match(res.headers.get('content-type') ?? '', /javascript|css/, url);
      }
    } finally {
      server.kill();
    }
  });

  it('lists no test, fixture or site file in the package (npm publish --dry-run)', async () => {
    const { stdout } = await exec('npm', ['publish', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: repoRoot,
      maxBuffer: 16 * 1024 * 1024,
    });
    const report = JSON.parse(stdout.slice(stdout.indexOf('{'))) as Record<
      string,
      { files: { path: string }[] }
    >;
    const { files } = report[PACKAGE]!;
    const paths = files.map((f) => f.path);
    assert.ok(paths.includes('dist/plugin/index.js') && paths.includes('dist/plugin/index.d.ts'));
    const stray = paths.filter(
      (path) => !/^dist\//.test(path) && !['package.json', 'README.md', 'LICENSE'].includes(path),
    );
    assert.deepEqual(stray, []);
    assert.deepEqual(
      paths.filter((path) => /(?:^|\/)(?:test|tests|fixtures|content)\/|\.test\./.test(path)),
      [],
    );
  });

  describe('in Chromium, against the emulator from the installed package', () => {
    let browser: Browser;
    let served: ServedSite;

    before(async () => {
      // Served as the site would be deployed: under /docs/.
      const www = join(work, 'www');
      await mkdir(www);
      await symlink(join(site, 'dist'), join(www, 'docs'));
      served = await serveSite(www);
      browser = await launchBrowser();
    });

    after(async () => {
      await browser?.close();
      await served?.close();
    });

    it('logs in and lists API users with no console error, failed request or CSP violation', async () => {
      const { page, errors } = await openPage(browser, `${served.url}/docs/widgets/handlebars/`);
      await page.waitForFunction(() =>
        ['particle-sso', 'particle-api-user-list'].every((tag) => customElements.get(tag)),
      );
      // The shadow-DOM widgets do not render their children at all; <particle-sso> renders
      // in light DOM, so its fallback is hidden by the plugin's stylesheet.
      const fallbacks = await page.$$eval('.particle-fallback', (nodes) =>
        nodes.map((node) => node.checkVisibility()),
      );
      assert.deepEqual(fallbacks, [false, false, false, false], 'fallbacks hidden once defined');
      assert.equal(
        await page.$eval(
          'particle-sso > .particle-fallback',
          (node) => getComputedStyle(node).display,
        ),
        'none',
      );
      await ssoLogIn(page, DEMO);
      await waitForText(page, LOGGED_IN, /Logged in as demo@example\.com/);
      await listFirstTarget(page);
      const rows = await listRows(page);
      assert.ok(rows.length > 0, 'the API users of the first product');
      assert.deepEqual(errors, []);
    });
  });
});
