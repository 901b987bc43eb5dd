// A shared blurb's text is ordinary page text: Markdown, with Handlebars (variables,
// partials) rendered, and its markers leave nothing behind.
import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { build } from './helpers/build.js';

it('renders Markdown and Handlebars between the markers', async () => {
  const site = await build({
    input: await mkdtemp(join(tmpdir(), 'particle-blurb-render-')),
    templates: {
      'page.md': [
        '---',
        'title: Blurb page',
        '---',
        'Before.',
        '',
        '{{!-- BEGIN shared-blurb 1ef79152-ac34-11ec-b909-0242ac120002 --}}',
        '#### Limits on {{title}}',
        '',
        '- **100** requests',
        '',
        '{{> sso}}',
        '{{!-- END shared-blurb --}}',
        '',
        'After.',
        '',
      ].join('\n'),
    },
  });
  const html = await site.page('/page/');
  assert.match(
    html,
    /<p>Before\.<\/p>\n<h4>Limits on Blurb page<\/h4>\n<ul>\n<li><strong>100<\/strong> requests<\/li>\n<\/ul>\n<particle-sso /,
  );
  assert.match(html, /<\/particle-sso>\n<p>After\.<\/p>/);
  assert.doesNotMatch(html, /shared-blurb|\{\{/);
});
