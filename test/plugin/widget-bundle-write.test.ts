// Writing the widget bundle into an output folder that has an older one: the new files
// are written over the old and what the new bundle does not have is removed (a renamed
// element or chunk leaves no stale script), the plugin's stylesheet stays.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { build } from './helpers/build.js';

it('replaces an older bundle in the output without leaving its files behind', async () => {
  const site = await mkdtemp(join(tmpdir(), 'particle-bundle-write-'));
  await mkdir(join(site, 'content'));
  const widgets = join(site, '_site', 'assets', 'widgets');
  await mkdir(join(widgets, 'chunks'), { recursive: true });
  await writeFile(join(widgets, 'chunks', 'chunk-OLDHASH.js'), 'stale chunk');
  await writeFile(join(widgets, 'particle-old-element.js'), 'stale entry');
  await build({
    input: join(site, 'content'),
    outDir: join(site, '_site'),
    templates: { 'page.md': '---\ntitle: T\nlayout: commonTwo.hbs\n---\n{{> sso}}\n' },
  });
  const files = (await readdir(widgets, { recursive: true })).sort();
  assert.ok(!files.includes(join('chunks', 'chunk-OLDHASH.js')), files.join(', '));
  assert.ok(!files.includes('particle-old-element.js'), files.join(', '));
  for (const file of ['particle-widgets.js', 'manifest.json', 'particle-widgets.css']) {
    assert.ok(existsSync(join(widgets, file)), `${file} missing: ${files.join(', ')}`);
  }
});
