// An includeDefinitions name we do not know: the build stops, naming page, name and known names.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { it } from 'node:test';
import { buildFailure, fixtures } from './helpers/build.js';

it('stops the build naming the page, the entry and the known names', async () => {
  const message = await buildFailure(join(fixtures, 'unknown-include-definition'));
  assert.match(
    message,
    /unknown-include-definition\/page\.md: Unknown includeDefinitions entry "api-helper-clowd"/,
  );
  assert.match(
    message,
    /Known names: api-helper, api-helper-cloud, api-helper-extras, api-helper-json, codemirror\./,
  );
});
