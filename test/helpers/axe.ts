/**
 * axe-core for the browser suites, with the rule set the project is held to: WCAG 2.0 A
 * and AA, 2.1 AA, 2.2 AA and axe's best practices. (chai-a11y-axe's `.accessible()` runs
 * axe's defaults; this names the tags, and says the state in its failure.)
 *
 *   await expectNoAxeViolations('logged in, phone', fixtureElement);
 */
import 'axe-core/axe.min.js';
import type { AxeResults, ElementContext, Result } from 'axe-core';

declare global {
  interface Window {
    axe: typeof import('axe-core');
  }
}

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice'];

function describe(violation: Result): string {
  const nodes = violation.nodes
    .map((node) => `    ${node.target.join(' >>> ')}: ${node.failureSummary?.replace(/\s+/g, ' ')}`)
    .join('\n');
  return `  ${violation.id} (${violation.impact}): ${violation.help}\n${nodes}`;
}

/** Runs axe over `context` and throws, naming `state` and every violation, if there is one. */
export async function expectNoAxeViolations(state: string, context: ElementContext): Promise<void> {
  const results: AxeResults = await window.axe.run(context, {
    runOnly: { type: 'tag', values: AXE_TAGS },
    resultTypes: ['violations'],
  });
  if (results.violations.length) {
    throw new Error(`axe in state “${state}”:\n${results.violations.map(describe).join('\n')}`);
  }
}
