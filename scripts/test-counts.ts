/** Reading the closing counts of each test runner that `npm test` drives. */

export interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

/**
 * node:test's spec reporter ends with `ℹ pass N`, `ℹ fail N`, `ℹ cancelled N`, `ℹ skipped N`,
 * `ℹ todo N`. A cancelled test (its hook failed or it timed out) is a failure.
 */
export function parseNodeTest(output: string): Counts {
  const last = (label: string) => {
    const matches = [...output.matchAll(new RegExp(`^ℹ ${label} (\\d+)$`, 'gm'))];
    return matches.length ? Number(matches[matches.length - 1]![1]) : 0;
  };
  return {
    passed: last('pass'),
    failed: last('fail') + last('cancelled'),
    skipped: last('skipped') + last('todo'),
  };
}

/** Our web-test-runner reporter prints `wtr: N passed, N failed, N skipped` on exit. */
export function parseWtr(output: string): Counts {
  const match = [...output.matchAll(/^wtr: (\d+) passed, (\d+) failed, (\d+) skipped$/gm)].pop();
  return match
    ? { passed: Number(match[1]), failed: Number(match[2]), skipped: Number(match[3]) }
    : { passed: 0, failed: 0, skipped: 0 };
}
