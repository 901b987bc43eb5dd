// The internal link report: missing pages listed once with the pages that use them;
// warnings by default, a failed build with strictLinks (STRICT_LINKS=1 in .eleventy.js).
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { build, errorChain } from './helpers/build.js';

// Internal links in the seed that lead to pages this site does not have.
const missing = [
  '/datasheets/app-notes/an032-calling-api-from-web-page/',
  '/reference/developer-tools/cli/',
  '/reference/device-cloud/api/',
  '/tutorials/device-cloud/authentication/',
];

it('warns once per missing page, with the pages that link to it', async () => {
  const site = await build();
  const reports = site.warnings.filter((w) => w.includes('internal link'));
  assert.equal(reports.length, 1, site.warnings.join('\n'));
  const report = reports[0]!;
  assert.match(report, /4 internal link\(s\) lead to no page of this site/);
  for (const link of missing) {
    assert.equal(report.split(`${link} `).length - 1, 1, `${link} listed once`);
    assert.match(
      report,
      new RegExp(`${link} \\(linked from content/reference/cloud-apis/access-tokens\\.md\\)`),
    );
  }
  // Links that work are not reported: the landing page's link to the seed, the nav.
  assert.doesNotMatch(report, /access-tokens\/ \(/);
  // The commented-out block's links never reach the page, so they are not checked.
  assert.doesNotMatch(report, /team-access-controls/);
});

it('fails the build with strictLinks', async () => {
  const error = await build({ options: { strictLinks: true } }).then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.ok(error, 'the build must fail');
  const message = errorChain(error);
  assert.match(
    message,
    /\/tutorials\/device-cloud\/authentication\/ \(linked from content\/reference\/cloud-apis\/access-tokens\.md\)/,
  );
  assert.match(message, /STRICT_LINKS=1/);
});

it('accepts a site whose internal links all resolve', async () => {
  const site = await build({
    input: await mkdtemp(join(tmpdir(), 'particle-links-')),
    templates: {
      'a.md':
        '---\ntitle: A\n---\n[B](../b/) [B again](/b/) [top](#x) [css](/assets/site.css) [out](https://particle.io/)\n',
      'b.md': '---\ntitle: B\n---\n[back](/a/)\n',
    },
  });
  assert.equal(site.warnings.filter((w) => w.includes('internal link')).length, 0);
  assert.match(await site.page('/a/'), /<a href="\/b\/">B again<\/a>/);
});

it('reports a link to a page that is gone even if an earlier build left its HTML', async () => {
  const outDir = await mkdtemp(join(tmpdir(), 'particle-links-out-'));
  await mkdir(join(outDir, 'gone'));
  await writeFile(join(outDir, 'gone/index.html'), '<p>from an earlier build</p>');
  const site = await build({
    input: await mkdtemp(join(tmpdir(), 'particle-links-')),
    outDir,
    templates: { 'a.md': '---\ntitle: A\n---\n[gone](/gone/) [also gone](/gone/index.html)\n' },
  });
  const report = site.warnings.find((w) => w.includes('internal link'));
  assert.ok(report, site.warnings.join('\n'));
  assert.match(report, /2 internal link\(s\)/);
  assert.match(report, /\/gone\/ \(linked from/);
  assert.match(report, /\/gone\/index\.html \(linked from/);
});
