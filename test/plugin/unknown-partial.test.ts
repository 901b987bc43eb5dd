// A page that uses a partial that does not exist: the build stops, naming file and line.
import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { build, buildFailure, errorChain, fixtures } from './helpers/build.js';

it('stops the build naming the file, the line, the partial and the known partials', async () => {
  const message = await buildFailure(join(fixtures, 'unknown-partial'));
  assert.match(message, /unknown-partial\/page\.md:10: Unknown partial "cloud-api-create-token"/);
  assert.match(message, /Known partials: .*cloud-api-create-token-simple.*sso/);
});

it('says so when the partials folder has none at all', async () => {
  const error = await build({
    input: join(fixtures, 'unknown-partial'),
    options: { partialsDir: await mkdtemp(join(tmpdir(), 'particle-no-partials-')) },
  }).then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.ok(error, 'the build must fail');
  assert.match(
    errorChain(error),
    /page\.md:8: Unknown partial "sso"\. Known partials: none \(the partials folder, option partialsDir, has no \.hbs file\)\./,
  );
});
