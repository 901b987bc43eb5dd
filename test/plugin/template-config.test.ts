// Eleventy takes `markdownTemplateEngine` only from a config file; a site that forgets
// `...templateConfig` gets a build error that says how to fix it, not Liquid output.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { it } from 'node:test';
import { build, errorChain, fixtures } from './helpers/build.js';

it('stops the build when Markdown pages would not go through Handlebars', async () => {
  const dir = join(fixtures, 'config-without-template-config');
  const error = await build({ input: dir, configPath: join(dir, 'eleventy.config.ts') }).then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.ok(error, 'the build must fail');
  assert.match(
    errorChain(error),
    /config-without-template-config\/page\.md: Markdown pages must be rendered with Handlebars, but this one uses "liquid,md"\. Spread `templateConfig`/,
  );
});
