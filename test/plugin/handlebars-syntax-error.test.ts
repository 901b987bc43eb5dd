// Broken Handlebars in a page: the build stops naming the file and the line as the
// editor counts it (front matter included), not Handlebars' body-relative line.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { it } from 'node:test';
import { buildFailure, fixtures } from './helpers/build.js';

it('stops the build naming the file and the line of the broken tag', async () => {
  const message = await buildFailure(join(fixtures, 'handlebars-syntax-error'));
  assert.match(message, /handlebars-syntax-error\/page\.md:10: Handlebars syntax error/);
  assert.match(message, /\{\{> sso/, 'shows the broken text');
});
