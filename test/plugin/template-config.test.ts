// A site whose Markdown stays in Liquid (no `...templateConfig`): its pages render as
// Liquid, and a page that uses a Handlebars partial anyway stops the build with the
// three ways to place a widget instead of printing `{{> sso}}` or a Liquid parse error.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { it } from 'node:test';
import { build, errorChain, fixtures } from './helpers/build.js';

const dir = join(fixtures, 'config-without-template-config');

it('stops the build at a partial on a Markdown page that Liquid renders', async () => {
  const error = await build({ input: dir, configPath: join(dir, 'eleventy.config.ts') }).then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.ok(error, 'the build must fail');
  assert.match(
    errorChain(error),
    /config-without-template-config\/page\.md:9: This page uses a Handlebars partial \(\{\{> …\}\}\) but renders with "liquid,md"\. Opt it into Handlebars with `templateEngineOverride: hbs,md`.*\{% particleWidget "sso" %\}.*`templateConfig`/,
  );
});
