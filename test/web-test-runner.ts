/**
 * Browser suites (@web/test-runner in Debian's headless Chromium): the api-helper
 * core and the Lit elements, imported from source. Started programmatically so
 * that the config stays TypeScript; `npm test -- browser` runs it.
 *
 *   npx tsx test/web-test-runner.ts                      # every browser suite
 *   npx tsx test/web-test-runner.ts --files 'test/widgets/particle-sso.test.ts'
 */
import { esbuildPlugin } from '@web/dev-server-esbuild';
import {
  defaultReporter,
  type Reporter,
  startTestRunner,
  type TestSuiteResult,
} from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { axTreePlugin } from './helpers/ax-tree-plugin.js';
import { chromiumArgs, chromiumPath } from './helpers/chromium.js';
import { emulatorPlugin } from './helpers/emulator-plugin.js';

/** Prints one plain `wtr: N passed, N failed, N skipped` line for scripts/test.ts. */
function countLineReporter(): Reporter {
  const walk = (suite: TestSuiteResult, acc: Record<'passed' | 'failed' | 'skipped', number>) => {
    for (const t of suite.tests) acc[t.skipped ? 'skipped' : t.passed ? 'passed' : 'failed']++;
    for (const s of suite.suites) walk(s, acc);
  };
  return {
    stop({ sessions }) {
      const acc = { passed: 0, failed: 0, skipped: 0 };
      for (const s of sessions) {
        if (s.testResults) walk(s.testResults, acc);
        const empty = !s.testResults?.tests.length && !s.testResults?.suites.length;
        if (!s.passed && empty) acc.failed++; // the file failed to load
      }
      // Printed on exit so that it comes after the default reporter's last lines.
      process.once('exit', () =>
        console.log(`wtr: ${acc.passed} passed, ${acc.failed} failed, ${acc.skipped} skipped`),
      );
    },
  };
}

await startTestRunner({
  readFileConfig: false,
  readCliArgs: true,
  config: {
    files: ['test/core/**/*.test.ts', 'test/widgets/**/*.test.ts'],
    nodeResolve: true,
    rootDir: '.',
    // One page at a time: with two side by side, a layout-dependent test (axe, sizes) in the
    // page that was not in front timed out now and then. One at a time costs a few seconds.
    concurrency: 1,
    // The tsconfig carries experimentalDecorators, which Lit's decorators need.
    plugins: [
      esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
      emulatorPlugin(),
      axTreePlugin(),
      // Chromium's whole tree, static text included, for axText() in test/helpers/ax-tree.ts.
      a11ySnapshotPlugin(),
    ],
    browsers: [
      chromeLauncher({
        launchOptions: {
          executablePath: chromiumPath(),
          headless: true,
          args: chromiumArgs,
        },
      }),
    ],
    reporters: [defaultReporter(), countLineReporter()],
    // WTR resolves Lit's development build, which announces itself in every file: noise.
    filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
    testFramework: { config: { timeout: 10_000 } },
    // A file's whole run: page-states.test.ts walks a dozen states with four axe runs each,
    // about 45 s alone and over two minutes on a loaded two-core machine (default 120 s).
    testsFinishTimeout: 300_000,
  },
});
