// A misspelt variable (`{{titel}}`) renders as nothing; the build warns with file and
// line, and stays quiet about names that do exist (front matter, site data, helpers).
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { build } from './helpers/build.js';

it('warns once per unknown page variable, naming file and line', async () => {
  // Real files, not virtual templates: lines count from the top of the file.
  const input = await mkdtemp(join(tmpdir(), 'particle-variables-'));
  await writeFile(join(input, 'index.md'), '---\ntitle: Home\n---\nHome.\n');
  await writeFile(
    join(input, 'page.md'),
    [
      '---',
      'title: Variables',
      'items: [a, b]',
      '---',
      '# {{titel}}',
      '',
      '{{title}} {{page.url}} {{particleDocs.siteName}} {{this.title}}',
      '',
      '{{#each items}}{{this}} {{notChecked}}{{/each}}',
      '',
      '{{owner.name}}',
      '',
    ].join('\n'),
  );
  const site = await build({ input });
  const warnings = site.warnings.filter((w) => w.includes("is not in this page's data"));
  assert.equal(warnings.length, 2, site.warnings.join('\n'));
  assert.match(warnings[0]!, /page\.md:5: \{\{titel\}\} is not in this page's data/);
  assert.match(warnings[1]!, /page\.md:11: \{\{owner\.name\}\} is not/);
  assert.match(await site.page('/page/'), /<h1><\/h1>/, 'the page still builds');
});
