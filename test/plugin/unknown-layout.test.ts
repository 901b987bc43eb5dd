// A layout that exists nowhere: the build stops naming the page, the line, the layout and
// the layouts there are, instead of Eleventy's pointer into a missing `_includes` folder.
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { frontMatterLayout } from '../../plugin/layouts.js';
import { build, buildFailure, fixtures } from './helpers/build.js';

it('stops the build naming the file, the layout and the known layouts', async () => {
  const message = await buildFailure(join(fixtures, 'unknown-layout'));
  assert.match(
    message,
    /unknown-layout\/page\.md:3: Unknown layout "commontwo\.hbs"\. Known layouts: base\.hbs, commonTwo\.hbs\./,
  );
});

it("adds the site's layouts folder to the plugin's layouts", async () => {
  const layoutsDir = await mkdtemp(join(tmpdir(), 'particle-site-layouts-'));
  await writeFile(
    join(layoutsDir, 'plain.hbs'),
    '<!doctype html><html><head><title>{{title}}</title></head><body class="plain">{{{content}}}</body></html>\n',
  );
  const site = await build({
    input: await mkdtemp(join(tmpdir(), 'particle-site-layouts-in-')),
    options: { layoutsDir },
    templates: {
      'mine.md': '---\ntitle: Mine\nlayout: plain.hbs\n---\n{{> sso}}\n',
      'theirs.md': '---\ntitle: Theirs\nlayout: commonTwo.hbs\n---\nText\n',
    },
  });
  const mine = await site.page('/mine/');
  assert.match(mine, /<body class="plain">/, "the site's own layout");
  assert.match(
    mine,
    /<script type="module" src="\/assets\/widgets\/[\w-]+\.js"><\/script>\n<\/head>/,
  );
  assert.match(await site.page('/theirs/'), /<article class="doc">/, "the plugin's layout");
});

describe('frontMatterLayout', () => {
  it('reads a plain, quoted or commented value, with its line', () => {
    assert.deepEqual(frontMatterLayout('---\ntitle: T\nlayout: a.hbs\n---\n'), {
      layout: 'a.hbs',
      line: 3,
    });
    assert.deepEqual(frontMatterLayout("---\nlayout: 'a.hbs' # docs\n---\n")?.layout, 'a.hbs');
  });

  it('ignores no layout, layout: false, and layout lines outside the front matter', () => {
    assert.equal(frontMatterLayout('---\ntitle: T\n---\nlayout: x\n'), undefined);
    assert.equal(frontMatterLayout('---\nlayout: false\n---\n'), undefined);
    assert.equal(frontMatterLayout('no front matter\nlayout: x\n'), undefined);
  });
});
