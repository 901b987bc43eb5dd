// Shared-blurb mistakes stop the build before any page is written, naming file and line.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { buildFailure, fixtures } from './helpers/build.js';

const cases: [fixture: string, expected: RegExp][] = [
  ['unclosed-blurb', /unclosed-blurb\/page\.md:7: Shared blurb 1ef79152-\S+ is never closed/],
  ['end-without-begin', /end-without-begin\/page\.md:8: END shared-blurb without a BEGIN/],
  [
    'nested-blurb',
    /nested-blurb\/page\.md:7: BEGIN shared-blurb inside blurb 1ef79152-\S+ \(opened on line 5\)/,
  ],
  [
    'blurb-id-not-uuid',
    /blurb-id-not-uuid\/page\.md:5: Shared blurb id "rate-limits" is not a UUID/,
  ],
];

describe('shared-blurb marker mistakes', () => {
  for (const [fixture, expected] of cases) {
    it(`${fixture}: stops the build with file and line`, async () => {
      assert.match(await buildFailure(join(fixtures, fixture)), expected);
    });
  }

  it('differing copies: names both files and shows the first differing line', async () => {
    const message = await buildFailure(join(fixtures, 'differing-blurb-copies'));
    assert.match(
      message,
      /differs between \S*differing-blurb-copies\/a\.md:5 and \S*differing-blurb-copies\/b\.md:5/,
    );
    assert.match(message, /a\.md:8: "- Maximum of 100 requests every 5 minutes"/);
    assert.match(message, /b\.md:8: "- Maximum of 200 requests every 5 minutes"/);
    assert.match(message, /npm run blurbs -- sync/);
  });
});
