import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseNodeTest, parseWtr } from '../../scripts/test-counts.js';

describe('parseNodeTest', () => {
  it('reads the closing counts of the spec reporter, todo counted as skipped', () => {
    const output = ['✔ a (1ms)', 'ℹ tests 7', 'ℹ pass 4', 'ℹ fail 1', 'ℹ skipped 1', 'ℹ todo 1'];
    assert.deepEqual(parseNodeTest(output.join('\n')), { passed: 4, failed: 1, skipped: 2 });
  });

  it('counts cancelled tests as failures', () => {
    const output = 'ℹ pass 3\nℹ fail 1\nℹ cancelled 2\nℹ skipped 0\nℹ todo 0\n';
    assert.deepEqual(parseNodeTest(output), { passed: 3, failed: 3, skipped: 0 });
  });

  it('ignores a test whose name merely contains the words', () => {
    const output = '✔ says ℹ pass 99 in its name\nℹ pass 2\nℹ fail 0\n';
    assert.deepEqual(parseNodeTest(output), { passed: 2, failed: 0, skipped: 0 });
  });

  it('finds nothing in the output of a runner that crashed', () => {
    assert.deepEqual(parseNodeTest('SyntaxError: boom'), { passed: 0, failed: 0, skipped: 0 });
  });
});

describe('parseWtr', () => {
  it('reads the last count line of our reporter', () => {
    const output = 'Chrome: 3/3 test files\nwtr: 120 passed, 2 failed, 1 skipped\n';
    assert.deepEqual(parseWtr(output), { passed: 120, failed: 2, skipped: 1 });
  });

  it('finds nothing when the reporter never ran', () => {
    assert.deepEqual(parseWtr('Error: could not start browser'), {
      passed: 0,
      failed: 0,
      skipped: 0,
    });
  });
});
