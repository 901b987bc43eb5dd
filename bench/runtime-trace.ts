/**
 * `npm run bench -- runtime --trace`: records a Chromium trace and V8's samples around
 * each interaction and prints, to stderr, what its longest tasks spent their time on.
 */
import type { Page } from 'puppeteer-core';
import { hotFunctions, longestTasks } from './trace-breakdown.js';

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'toplevel',
  'v8.execute',
  'blink',
];

const ms = (value: number) => value.toFixed(1).padStart(7);

export async function startTracing(page: Page) {
  const cdp = await page.createCDPSession();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.tracing.start({ categories: CATEGORIES });
  return {
    async report(what: string) {
      const buffer = await page.tracing.stop();
      const { profile } = await cdp.send('Profiler.stop');
      await cdp.detach();
      const trace = JSON.parse(new TextDecoder().decode(buffer));
      const lines = [`\n## ${what}`];
      for (const task of longestTasks(trace, 2)) {
        lines.push(`task of ${ms(task.duration)} ms, ${ms(task.cpu)} ms of CPU`);
        for (const [name, self] of task.events) lines.push(`  ${ms(self)}  ${name}`);
        const absolute = trace.traceEvents.find(
          (e: { name: string; dur?: number }) =>
            e.name === 'RunTask' && e.dur === task.duration * 1000,
        );
        if (!absolute) continue;
        lines.push('  JavaScript, self time:');
        for (const [fn, self] of hotFunctions(profile, absolute.ts, absolute.ts + absolute.dur))
          lines.push(`  ${ms(self)}  ${fn}`);
      }
      console.error(lines.join('\n'));
    },
  };
}
