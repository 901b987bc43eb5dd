// The widget bundle is built while Eleventy renders the pages; an element source that does
// not compile still fails the build, with esbuild's message, and writes no page.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { build, errorChain } from './helpers/build.js';

it('a widget source with a syntax error fails the build and writes no page', async () => {
  const site = await mkdtemp(join(tmpdir(), 'particle-bundle-error-'));
  const widgets = join(site, 'widgets');
  await mkdir(widgets);
  await mkdir(join(site, 'content'));
  await writeFile(join(widgets, 'particle-sso.ts'), 'export const broken = (;\n');
  const out = join(site, '_site');
  const failure = await build({
    input: join(site, 'content'),
    outDir: out,
    options: { widgetsDir: widgets },
    templates: { 'page.md': '---\ntitle: T\nlayout: commonTwo.hbs\n---\n{{> sso}}\n' },
  }).then(
    () => assert.fail('the build succeeded'),
    (error: unknown) => errorChain(error),
  );
  assert.match(failure, /particle-sso\.ts.*\n?.*(Unexpected|Expected)/);
  assert.equal(existsSync(join(out, 'page', 'index.html')), false);
  assert.equal(existsSync(join(out, 'assets', 'widgets')), false);
});
