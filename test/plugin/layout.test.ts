// The layout: page chrome, CSP for the API origin, columns, session mode, navigation.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { type BuiltSite, build, repoRoot } from './helpers/build.js';

describe('the commonTwo layout', () => {
  let site: BuiltSite;
  let seed: string;
  let landing: string;
  before(async () => {
    site = await build({
      options: { apiBase: 'http://127.0.0.1:8081', siteName: 'Test Docs', session: 'memory' },
    });
    seed = await site.page('/reference/cloud-apis/access-tokens/');
    landing = await site.page('/');
  });

  it('allows scripts and styles from the site only, and API calls to apiBase', () => {
    const csp = seed.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)?.[1];
    assert.ok(csp);
    assert.equal(
      csp.replaceAll('&#x27;', "'"),
      "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' http://127.0.0.1:8081; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'",
    );
  });

  it('uses the site name in the title and the header, and links the stylesheet', () => {
    assert.match(seed, /<title>Access Tokens \| Test Docs<\/title>/);
    assert.match(
      seed,
      /<header class="site-header">\n<a class="site-name" href="\/">Test Docs<\/a>/,
    );
    assert.match(seed, /<link rel="stylesheet" href="\/assets\/site\.css">/);
    assert.match(seed, /<meta name="viewport" content="width=device-width, initial-scale=1">/);
    assert.match(seed, /<footer class="site-footer">/);
  });

  it('tells the widgets to keep sessions in memory when the site asks', () => {
    assert.match(seed, /<meta name="particle-docs:session" content="memory">/);
  });

  it('is one column unless the page asks for two', () => {
    assert.match(landing, /<html lang="en">/);
    assert.match(seed, /<html lang="en" class="two-columns">/);
  });

  it("shows the navigation down to the current page's section and marks the page", () => {
    const nav = /<nav class="site-nav" aria-label="Site">\n([\s\S]*?)<\/nav>/.exec(seed)?.[1];
    const seedUrl = '/reference/cloud-apis/access-tokens/';
    assert.equal(
      nav,
      [
        '<ul>',
        '<li><a href="/">Home</a></li>',
        `<li class="nav-open"><a href="${seedUrl}">Reference</a>`,
        '<ul>',
        `<li class="nav-open"><a href="${seedUrl}">Cloud apis</a>`,
        '<ul>',
        `<li><a href="${seedUrl}" aria-current="page">Access Tokens</a></li>`,
        '</ul>\n</li>\n</ul>\n</li>\n</ul>\n',
      ].join('\n'),
    );
  });

  it("copies the site's stylesheet, which carries the theme in both colour schemes", async () => {
    const css = await readFile(join(site.outDir, 'assets/site.css'), 'utf8');
    assert.equal(css, await readFile(join(repoRoot, 'assets/site.css'), 'utf8'));
    assert.match(css, /@media \(prefers-color-scheme: dark\) \{\n {2}:root \{/);
    for (const token of ['accent', 'bg', 'fg', 'border', 'radius', 'font']) {
      assert.match(css, new RegExp(`--particle-${token}:`), token);
    }
  });

  it("writes the plugin's widget stylesheet: fallbacks hidden once defined, nothing of the site's", async () => {
    const css = await readFile(join(site.outDir, 'assets/widgets/particle-widgets.css'), 'utf8');
    assert.match(css, /:defined > \.particle-fallback \{\n {2}display: none;/);
    const selectors = css
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .split('}')
      .flatMap((rule) => rule.split('{')[0]!.split(','))
      .map((selector) => selector.trim())
      .filter(Boolean);
    for (const selector of selectors) {
      assert.match(selector, /^(?:particle-[a-z-]+|:defined > )?\.?particle-/, selector);
    }
  });
});

it('has no session meta by default', async () => {
  const site = await build();
  assert.doesNotMatch(await site.page('/'), /particle-docs:session/);
});
