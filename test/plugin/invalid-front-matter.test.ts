// Front matter that is not valid YAML: the build stops, naming the file and the YAML problem.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { it } from 'node:test';
import { buildFailure, fixtures } from './helpers/build.js';

it('stops the build naming the file and where the YAML breaks', async () => {
  const message = await buildFailure(join(fixtures, 'invalid-front-matter'));
  assert.match(message, /front matter .*invalid-front-matter\/page\.md/);
  assert.match(message, /\(4:1\)/);
});
