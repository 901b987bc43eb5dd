// A page that uses a partial that does not exist: the build stops, naming file and line.
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { build, buildFailure, fixtures } from './helpers/build.js';

it('stops the build naming the file, the line, the partial and the known partials', async () => {
  const message = await buildFailure(join(fixtures, 'unknown-partial'));
  assert.match(message, /unknown-partial\/page\.md:10: Unknown partial "cloud-api-create-token"/);
  assert.match(message, /Known partials: .*cloud-api-create-token-simple.*sso/);
});

it("adds the site's partials folder to the plugin's partials", async () => {
  const partialsDir = await mkdtemp(join(tmpdir(), 'particle-site-partials-'));
  await writeFile(
    join(partialsDir, 'note.hbs'),
    '{{!-- particle-docs params: text --}}\n<p class="note">{{text}}</p>\n',
  );
  const site = await build({
    input: await mkdtemp(join(tmpdir(), 'particle-site-partials-in-')),
    options: { partialsDir },
    templates: {
      'x.md': '---\ntitle: X\nlayout: commonTwo.hbs\n---\n{{> note text="Hi"}}\n\n{{> sso}}\n',
    },
  });
  const html = await site.page('/x/');
  assert.match(html, /<p class="note">Hi<\/p>/, "the site's own partial");
  assert.match(html, /<particle-sso api-base=/, "the plugin's partial");
});
