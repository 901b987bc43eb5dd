// The site navigation: a hierarchy from the folders, only the sections on the way to the
// current page expanded, the current page marked, so a page's HTML does not list the site.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { before, describe, it } from 'node:test';
import { type BuiltSite, build } from './helpers/build.js';

const pages: Record<string, string> = {
  'index.md': 'title: Home',
  'guide/index.md': 'title: Guide\norder: 1',
  'guide/start.md': 'title: Getting started\norder: 1',
  'guide/tips.md': 'title: Tips',
  'guide/advanced/deep.md': 'title: Deep dive',
  'reference/alpha.md': 'title: Alpha',
  'reference/beta.md': 'title: Beta',
  'reference/first.md': 'title: Zulu first\norder: 1',
  'reference/cloud-apis/tokens.md': 'title: Tokens <& "quotes">',
};

/** The `<nav>` of a page, one line per element as the layout writes it. */
async function nav(site: BuiltSite, url: string): Promise<string> {
  const html = await site.page(url);
  const found = /<nav class="site-nav" aria-label="Site">\n([\s\S]*?)<\/nav>/.exec(html);
  assert.ok(found, `no site navigation on ${url}`);
  return found[1]!;
}

describe('the site navigation', () => {
  let site: BuiltSite;
  before(async () => {
    const input = await mkdtemp(join(tmpdir(), 'particle-nav-'));
    for (const [path, frontMatter] of Object.entries(pages)) {
      await mkdir(dirname(join(input, path)), { recursive: true });
      await writeFile(join(input, path), `---\n${frontMatter}\nlayout: base.hbs\n---\nText.\n`);
    }
    site = await build({ input });
  });

  it('expands the sections on the way to the current page and marks the page', async () => {
    assert.equal(
      await nav(site, '/guide/advanced/deep/'),
      [
        '<ul>',
        '<li><a href="/">Home</a></li>',
        '<li class="nav-open"><a href="/guide/">Guide</a>',
        '<ul>',
        '<li><a href="/guide/start/">Getting started</a></li>',
        '<li class="nav-open"><a href="/guide/advanced/deep/">Advanced</a>',
        '<ul>',
        '<li><a href="/guide/advanced/deep/" aria-current="page">Deep dive</a></li>',
        '</ul>',
        '</li>',
        '<li><a href="/guide/tips/">Tips</a></li>',
        '</ul>',
        '</li>',
        '<li><a href="/reference/first/">Reference</a></li>',
        '</ul>',
        '',
      ].join('\n'),
    );
  });

  it('orders by front matter `order`, then by title, and escapes titles', async () => {
    assert.equal(
      await nav(site, '/reference/beta/'),
      [
        '<ul>',
        '<li><a href="/">Home</a></li>',
        '<li><a href="/guide/">Guide</a></li>',
        '<li class="nav-open"><a href="/reference/first/">Reference</a>',
        '<ul>',
        '<li><a href="/reference/first/">Zulu first</a></li>',
        '<li><a href="/reference/alpha/">Alpha</a></li>',
        '<li><a href="/reference/beta/" aria-current="page">Beta</a></li>',
        '<li><a href="/reference/cloud-apis/tokens/">Cloud apis</a></li>',
        '</ul>',
        '</li>',
        '</ul>',
        '',
      ].join('\n'),
    );
    assert.match(
      await nav(site, '/reference/cloud-apis/tokens/'),
      /<a href="\/reference\/cloud-apis\/tokens\/" aria-current="page">Tokens &lt;&amp; &quot;quotes&quot;&gt;<\/a>/,
    );
  });

  it("marks a section's own page as current and lists what is in it", async () => {
    const guide = await nav(site, '/guide/');
    assert.match(
      guide,
      /<li class="nav-open"><a href="\/guide\/" aria-current="page">Guide<\/a>\n<ul>\n<li><a href="\/guide\/start\/">/,
    );
    assert.doesNotMatch(guide, /Deep dive/); // the subsection stays closed
    assert.equal(guide.match(/aria-current/g)?.length, 1);
  });

  it('shows only the top level on the landing page', async () => {
    assert.equal(
      await nav(site, '/'),
      '<ul>\n<li><a href="/" aria-current="page">Home</a></li>\n<li><a href="/guide/">Guide</a></li>\n<li><a href="/reference/first/">Reference</a></li>\n</ul>\n',
    );
  });
});
