// Widget scripts: esbuild bundles each element (ESM, minified, code-split, source maps)
// and a page loads the scripts of the elements it uses, once, and no others.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { type BuiltSite, build } from './helpers/build.js';

const tags = [
  'particle-api-user-create',
  'particle-api-user-list',
  'particle-create-token',
  'particle-sso',
];

describe('the widget bundle', () => {
  let site: BuiltSite;
  let widgetsOut: string;
  before(async () => {
    site = await build({
      templates: {
        'two-sso.md':
          '---\ntitle: Two\nlayout: commonTwo.hbs\n---\n{{> sso}}\n\nText.\n\n{{> sso selectOrg=true}}\n',
        'create.md':
          '---\ntitle: Create\nlayout: commonTwo.hbs\n---\n{{> cloud-api-user-create product="4321"}}\n',
      },
    });
    widgetsOut = join(site.outDir, 'assets/widgets');
  });

  it('writes one ES module and source map per element', async () => {
    const files = await readdir(widgetsOut);
    for (const tag of tags) {
      assert.ok(files.includes(`${tag}.js`), `${tag}.js`);
      assert.ok(files.includes(`${tag}.js.map`), `${tag}.js.map`);
      const code = await readFile(join(widgetsOut, `${tag}.js`), 'utf8');
      assert.match(code, /^import\{/, 'an ES module importing its shared chunk');
      assert.match(code, /\/\/# sourceMappingURL=particle-[a-z-]+\.js\.map\n?$/);
    }
    assert.ok(!files.some((f) => f.startsWith('define-fixture')), 'shared modules are no entries');
  });

  it('puts the code all elements share into one minified chunk', async () => {
    const chunks = (await readdir(join(widgetsOut, 'chunks'))).filter((f) => f.endsWith('.js'));
    assert.equal(chunks.length, 1);
    const chunk = await readFile(join(widgetsOut, 'chunks', chunks[0]!), 'utf8');
    assert.match(chunk, /customElements\.define/);
    assert.doesNotMatch(chunk, /\n {2}/, 'minified');
  });

  it('loads a used element once even when the page uses it twice', async () => {
    const html = await site.page('/two-sso/');
    assert.equal(
      html.split('<script type="module" src="/assets/widgets/particle-sso.js"></script>').length -
        1,
      1,
    );
    assert.equal(html.match(/<script/g)?.length, 1, 'no other widget script');
    assert.match(html, /<particle-sso api-base="[^"]+" select-org>/);
  });

  it('loads only the scripts of the elements a page uses', async () => {
    const html = await site.page('/create/');
    assert.deepEqual(html.match(/src="[^"]+\.js"/g), [
      'src="/assets/widgets/particle-api-user-create.js"',
    ]);
  });

  it('loads no widget JavaScript on a page without widgets', async () => {
    assert.doesNotMatch(await site.page('/'), /<script/);
  });
});

it('warns, and loads nothing, when a page uses an element that has no source file', async () => {
  const site = await build({
    input: await mkdtemp(join(tmpdir(), 'particle-no-widgets-')),
    options: { widgetsDir: join(tmpdir(), 'no-such-widgets-folder') },
    templates: { 'x.md': '---\ntitle: X\nlayout: commonTwo.hbs\n---\n{{> sso}}\n' },
  });
  assert.ok(
    site.warnings.some((w) =>
      /x\.md uses <particle-sso>, but \S+particle-sso\.ts does not exist/.test(w),
    ),
    site.warnings.join('\n'),
  );
  assert.doesNotMatch(await site.page('/x/'), /<script/);
});

it('warns when a page with widgets has no layout, so no <head> for their scripts', async () => {
  const site = await build({
    input: await mkdtemp(join(tmpdir(), 'particle-no-layout-')),
    templates: { 'bare.md': '---\ntitle: Bare\n---\n{{> sso}}\n' },
  });
  assert.ok(
    site.warnings.some((w) =>
      /bare\.md uses widgets but has no <head> .*`layout: commonTwo\.hbs`/.test(w),
    ),
    site.warnings.join('\n'),
  );
});
