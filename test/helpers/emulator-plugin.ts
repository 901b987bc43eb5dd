/**
 * A @web/test-runner plugin that runs one Particle Cloud API emulator on loopback
 * for the browser suites, so contract tests talk to it over real, cross-origin HTTP.
 * Tests learn its address from the virtual module `/__emulator__.js`:
 *
 *   import { emulatorUrl } from '/__emulator__.js';
 */
import type { TestRunnerPlugin } from '@web/test-runner';
import { type RunningEmulator, startEmulator } from '../../emulator/index.js';

export function emulatorPlugin(): TestRunnerPlugin {
  let emulator: RunningEmulator | undefined;
  return {
    name: 'particle-emulator',
    async serverStart() {
      emulator = await startEmulator({ port: 0, faults: true, quiet: true });
    },
    async serverStop() {
      await emulator?.close();
    },
    serve(context) {
      if (context.path === '/__emulator__.js') {
        return `export const emulatorUrl = ${JSON.stringify(emulator?.url)};`;
      }
      return undefined;
    },
  };
}
