// Widget scripts: esbuild bundles the elements into one entry (ESM, minified, source
// maps) and chunks loaded on demand; a page that uses an element loads the entry and
// preloads its chunk, once; a page without elements loads nothing.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { type BuiltSite, build, repoRoot } from './helpers/build.js';

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
      options: { widgetsDir: join(repoRoot, 'widgets') },
      templates: {
        'two-sso.md':
          '---\ntitle: Two\nlayout: commonTwo.hbs\n---\n{{> sso}}\n\nText.\n\n{{> sso selectOrg=true}}\n',
        'create.md':
          '---\ntitle: Create\nlayout: commonTwo.hbs\n---\n{{> cloud-api-user-create product="4321"}}\n',
      },
    });
    widgetsOut = join(site.outDir, 'assets/widgets');
  });

  it('writes one entry module that defines every element, with a source map', async () => {
    const files = await readdir(widgetsOut);
    assert.ok(files.includes('particle-widgets.js'));
    assert.ok(files.includes('particle-widgets.js.map'));
    assert.ok(!files.some((f) => tags.some((tag) => f.startsWith(tag))), 'no script per element');
    const manifest = JSON.parse(await readFile(join(widgetsOut, 'manifest.json'), 'utf8'));
    assert.deepEqual(manifest.tags, tags);
    assert.equal(manifest.entry, 'particle-widgets.js');
    assert.equal(manifest.preload.length, 1, 'the first load is the entry and one chunk');
    const chunk = await readFile(join(widgetsOut, manifest.preload[0]), 'utf8');
    for (const tag of tags) assert.ok(chunk.includes(`"${tag}"`), `${tag} is defined`);
    assert.doesNotMatch(chunk, /\/\*\*/, 'minified: no doc comments');
  });

  it('minifies the CSS of the elements', async () => {
    const manifest = JSON.parse(await readFile(join(widgetsOut, 'manifest.json'), 'utf8'));
    const chunk = await readFile(join(widgetsOut, manifest.preload[0]), 'utf8');
    const minified = /:host\{--_accent: ?var\(--particle-accent, ?#00838f\);--_accent-fg:/;
    assert.ok(minified.test(chunk), 'base styles without indentation or line breaks');
  });

  it('keeps the views of a logged-in reader in the chunk loaded on demand', async () => {
    const manifest = JSON.parse(await readFile(join(widgetsOut, 'manifest.json'), 'utf8'));
    const first = await readFile(join(widgetsOut, manifest.preload[0]), 'utf8');
    assert.doesNotMatch(first, /"particle-api-user-table"/);
    const chunks = await readdir(join(widgetsOut, 'chunks'));
    const lazy = chunks.find((f) => f.startsWith('on-demand-') && f.endsWith('.js'));
    assert.ok(lazy, chunks.join(', '));
    assert.match(
      await readFile(join(widgetsOut, 'chunks', lazy), 'utf8'),
      /"particle-api-user-table"/,
    );
    assert.match(first, new RegExp(`import\\("\\./${lazy.replace('.', '\\.')}"\\)`));
  });

  it('puts the date-format worker script beside the chunk that starts it', async () => {
    const manifest = JSON.parse(await readFile(join(widgetsOut, 'manifest.json'), 'utf8'));
    const first = await readFile(join(widgetsOut, manifest.preload[0]), 'utf8');
    const starts = first.includes('new Worker(new URL(') && first.includes('"intl-warmup.js"');
    assert.ok(starts, 'the first-load chunk starts the worker from a URL beside itself');
    const beside = join(widgetsOut, manifest.preload[0], '../intl-warmup.js');
    assert.match(await readFile(beside, 'utf8'), /new Intl\.DateTimeFormat\(/);
  });

  it('loads the bundle once on a page that uses an element twice', async () => {
    const html = await site.page('/two-sso/');
    assert.equal(
      html.split('<script type="module" src="/assets/widgets/particle-widgets.js"></script>')
        .length - 1,
      1,
    );
    assert.equal(html.match(/<script[^>]+\/widgets\//g)?.length, 1, 'no other widget script');
    const preload = /<link rel="modulepreload" href="\/assets\/widgets\/chunks\/[\w-]+\.js">/g;
    assert.equal(html.slice(0, html.indexOf('</head>')).match(preload)?.length, 1);
    assert.match(html, /<particle-sso api-base="[^"]+" select-org>/);
  });

  it('loads the same bundle on a page with one element', async () => {
    const html = await site.page('/create/');
    assert.deepEqual(html.match(/src="\/assets\/widgets\/[^"]+\.js"/g), [
      'src="/assets/widgets/particle-widgets.js"',
    ]);
  });

  it('loads no widget JavaScript on a page without widgets', async () => {
    // The header's login-state script only (site-login.test.ts).
    assert.doesNotMatch(await site.page('/'), /<script[^>]+\/widgets\//);
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
  assert.doesNotMatch(await site.page('/x/'), /<script[^>]+\/widgets\//);
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
