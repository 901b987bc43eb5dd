// A partial given a parameter it does not declare: the build stops and lists the valid ones.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { it } from 'node:test';
import { buildFailure, fixtures } from './helpers/build.js';

it('stops the build naming the file, the line, the parameter and the valid parameters', async () => {
  const message = await buildFailure(join(fixtures, 'unknown-partial-param'));
  assert.match(
    message,
    /unknown-partial-param\/page\.md:8: Unknown parameter "orgg" for partial "cloud-api-user-list"\. Valid parameters: product, org\./,
  );
});
