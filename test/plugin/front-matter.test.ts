// Front matter the plugin does not use (`shared: true`, anything else) is accepted without
// a word and stays available to templates; `{{!-- comments --}}` leave nothing.
import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { build } from './helpers/build.js';

it('keeps unknown front matter for templates and warns about nothing', async () => {
  const site = await build({
    input: await mkdtemp(join(tmpdir(), 'particle-front-matter-')),
    templates: {
      'index.md': '---\ntitle: Home\n---\nHome.\n', // the header links to /
      'page.md': [
        '---',
        'title: Shared page',
        'shared: true',
        'owner: docs team',
        'layout: commonTwo.hbs',
        '---',
        '# {{title}}',
        '',
        '{{!-- a note for authors only --}}',
        'Shared: {{shared}}. Owner: {{owner}}.',
        '',
      ].join('\n'),
    },
  });
  const html = await site.page('/page/');
  assert.match(html, /<p>Shared: true\. Owner: docs team\.<\/p>/);
  assert.doesNotMatch(html, /note for authors/);
  assert.deepEqual(site.warnings, []);
});
