/**
 * One Eleventy build of a synthetic site, in its own process so that its peak RSS is
 * its own: `node --import tsx bench/eleventy-child.ts <siteDir> <outDir>`. Prints one
 * JSON line: the build's time and CPU time inside the process, peak RSS, pages written.
 *
 * With `--watch` it builds, then watches incrementally as `npm start` does (with the
 * site's watch settings, scripts/watch-settings.js) and sends an IPC message after each
 * build, `{ pages, cpuMs }` (the pages that build wrote, and the CPU time of this process
 * from the watcher's change event to the end of the build), `{ watching: true }` once the
 * watcher is ready for edits, `{ warning }` for each warning and `{ error }` for each
 * error (a rebuild that fails).
 */
import { join } from 'node:path';
import Eleventy from '@11ty/eleventy';
import { watchSettings } from '../scripts/watch-settings.js';

const [siteDir, outDir, mode] = process.argv.slice(2);
if (!siteDir || !outDir) throw new Error('usage: eleventy-child.ts <siteDir> <outDir> [--watch]');
const watching = mode === '--watch';

interface Result {
  outputPath?: unknown;
}

const started = performance.now();
/** Process CPU time in ms (user + system). */
const cpuNow = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
let rebuildStarted = 0;
const eleventy = new Eleventy(join(siteDir, 'content'), outDir, {
  quietMode: true,
  configPath: join(siteDir, 'eleventy.config.mjs'),
  runMode: watching ? 'watch' : 'build',
  config(eleventyConfig: {
    on(event: string, callback: (args: { results?: Result[] }) => void): void;
    setChokidarConfig(options: object): void;
  }) {
    if (watching) watchSettings(eleventyConfig);
    eleventyConfig.on('eleventy.beforeWatch', () => {
      rebuildStarted = cpuNow();
    });
    eleventyConfig.on('eleventy.after', ({ results = [] }) => {
      const pages = results.filter((r) => typeof r.outputPath === 'string').length;
      process.send?.({ pages, cpuMs: cpuNow() - rebuildStarted });
    });
  },
});
// Warnings (the link report, unknown variables) are not what is measured; under watch
// they go to the parent (tests read them).
eleventy.logger.overrideLogger({
  log() {},
  info() {},
  warn: (warning: string) => process.send?.({ warning }),
  error(error: string) {
    console.error(error);
    process.send?.({ error });
  },
});

if (watching) {
  eleventy.setIncrementalBuild(true);
  await eleventy.init();
  await eleventy.watch();
  process.send?.({ watching: true });
  process.on('disconnect', () => process.exit(0));
} else {
  const [, templates] = (await eleventy.write()) as [unknown, Result[]];
  const usage = process.resourceUsage();
  console.log(
    JSON.stringify({
      ms: performance.now() - started,
      cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
      maxRssBytes: usage.maxRSS * 1024,
      pages: templates.length,
    }),
  );
}
