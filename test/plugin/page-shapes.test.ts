// Pages that differ only in their text share one compiled template (plugin/page-compile.ts):
// each page must still render its own text, title and partial parameters, also inside
// blocks, and a page of another shape its own.
import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, it } from 'node:test';
import { type BuiltSite, build } from './helpers/build.js';

const page = (title: string, text: string, org: string) =>
  `---\ntitle: ${title}\n---\n# {{title}}\n\n${text}\n\n{{#if title}}Inside a block: ${text}{{/if}}\n\n{{> cloud-api-user-list org="${org}"}}\n`;

let site: BuiltSite;
before(async () => {
  site = await build({
    input: await mkdtemp(join(tmpdir(), 'particle-shapes-')),
    templates: {
      'alpha.md': page('Alpha', 'Text of alpha & co.', 'acme'),
      'beta.md': page('Beta', 'Text of beta, longer\n\nand in two paragraphs.', 'acme'),
      'gamma.md': page('Gamma', 'Text of gamma.', 'other-org'),
      'delta.md': '---\ntitle: Delta\n---\nOnly text, then {{title}} at the end.\n',
    },
  });
});

it('renders each page of a shared shape with its own title and text, also inside blocks', async () => {
  const alpha = await site.page('/alpha/');
  const beta = await site.page('/beta/');
  assert.match(alpha, /<h1>Alpha<\/h1>/);
  assert.match(alpha, /<p>Text of alpha &amp; co.<\/p>/);
  assert.match(alpha, /Inside a block: Text of alpha &amp; co./);
  assert.doesNotMatch(alpha, /beta/i);
  assert.match(beta, /<h1>Beta<\/h1>/);
  assert.match(beta, /<p>Text of beta, longer<\/p>\n<p>and in two paragraphs.<\/p>/);
  assert.match(beta, /Inside a block: Text of beta, longer/);
  assert.doesNotMatch(beta, /alpha/i);
});

it('keeps the partial parameters and the layout of each page', async () => {
  assert.match(await site.page('/alpha/'), /<particle-api-user-list [^>]*org="acme"/);
  assert.match(await site.page('/gamma/'), /<particle-api-user-list [^>]*org="other-org"/);
  assert.match(await site.page('/gamma/'), /<h1>Gamma<\/h1>[\s\S]*Text of gamma\./);
  assert.match(await site.page('/delta/'), /<p>Only text, then Delta at the end.<\/p>/);
});
