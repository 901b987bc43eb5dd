/**
 * `npm run bench -- runtime --trace`: records a Chromium trace, V8's samples included,
 * around each interaction and prints, to stderr, what its longest tasks spent their time on.
 */
import type { Page } from 'puppeteer-core';
import { longestTasks } from './trace-breakdown.js';

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'toplevel',
  'v8.execute',
  'blink',
  // V8's sampler lengthens the tasks it samples; BENCH_TRACE_SAMPLES=0 leaves it out.
  ...(process.env.BENCH_TRACE_SAMPLES === '0' ? [] : ['disabled-by-default-v8.cpu_profiler']),
];

const ms = (value: number) => value.toFixed(1).padStart(7);

export async function startTracing(page: Page) {
  await page.tracing.start({ categories: CATEGORIES });
  return {
    async report(what: string) {
      const trace = JSON.parse(new TextDecoder().decode(await page.tracing.stop()));
      const lines = [`\n## ${what}`];
      for (const task of longestTasks(trace, new URL(page.url()).origin, 2)) {
        lines.push(`task of ${ms(task.duration)} ms, ${ms(task.cpu)} ms of thread time`);
        for (const [name, self] of task.events) lines.push(`  ${ms(self)}  ${name}`);
        lines.push('  JavaScript, self time:');
        for (const [fn, self] of task.functions) lines.push(`  ${ms(self)}  ${fn}`);
      }
      console.error(lines.join('\n'));
    },
  };
}
