// The plugin asks for Eleventy 3 before it registers anything, so an older Eleventy
// fails with Eleventy's own version message instead of a missing-API error.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { EleventyConfig } from '../../plugin/eleventy.js';
import particleDocs from '../../plugin/index.js';

it('checks the Eleventy version first', () => {
  const ranges: string[] = [];
  const tooOld = {
    versionCheck(range: string) {
      ranges.push(range);
      throw new Error('This plugin requires Eleventy >=3.0');
    },
  } as unknown as EleventyConfig;
  assert.throws(() => particleDocs(tooOld, {}), /requires Eleventy >=3\.0/);
  assert.deepEqual(ranges, ['>=3.0']);
});
