// A page that uses a partial that does not exist: the build stops, naming file and line.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { it } from 'node:test';
import { buildFailure, fixtures } from './helpers/build.js';

it('stops the build naming the file, the line, the partial and the known partials', async () => {
  const message = await buildFailure(join(fixtures, 'unknown-partial'));
  assert.match(message, /unknown-partial\/page\.md:10: Unknown partial "cloud-api-create-token"/);
  assert.match(message, /Known partials: .*cloud-api-create-token-simple.*sso/);
});
