// A layout that exists nowhere: the build stops naming the page, the line, the layout and
// the layouts there are, instead of Eleventy's pointer into a missing `_includes` folder.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { frontMatterLayout } from '../../plugin/layouts.js';
import { buildFailure, fixtures } from './helpers/build.js';

it('stops the build naming the file, the layout and the known layouts', async () => {
  const message = await buildFailure(join(fixtures, 'unknown-layout'));
  assert.match(
    message,
    /unknown-layout\/page\.md:3: Unknown layout "commontwo\.hbs"\. Known layouts: base\.hbs, commonTwo\.hbs\./,
  );
});

describe('frontMatterLayout', () => {
  it('reads a plain, quoted or commented value, with its line', () => {
    assert.deepEqual(frontMatterLayout('---\ntitle: T\nlayout: a.hbs\n---\n'), {
      layout: 'a.hbs',
      line: 3,
    });
    assert.deepEqual(frontMatterLayout("---\nlayout: 'a.hbs' # docs\n---\n")?.layout, 'a.hbs');
  });

  it('ignores no layout, layout: false, and layout lines outside the front matter', () => {
    assert.equal(frontMatterLayout('---\ntitle: T\n---\nlayout: x\n'), undefined);
    assert.equal(frontMatterLayout('---\nlayout: false\n---\n'), undefined);
    assert.equal(frontMatterLayout('no front matter\nlayout: x\n'), undefined);
  });
});
