/**
 * A @web/test-runner plugin that runs one Particle Cloud API emulator on loopback
 * for the browser suites, so contract tests talk to it over real, cross-origin HTTP.
 * Tests learn its address from the virtual module `/__emulator__.js`, through a helper:
 *
 *   import { emulatorUrl } from '../helpers/emulator-url.js'; // from test/<suite>/
 *
 * The emulator is loaded lazily: if it cannot start, unit suites still run and
 * `emulatorUrl` is undefined, which the contract suites report as a failure.
 */
import type { TestRunnerPlugin } from '@web/test-runner';
import type { RateLimits } from '../../emulator/options.js';

/**
 * Every browser suite logs in against this one emulator from one IP, and some fail on purpose:
 * real limits would let suites interfere, and a 10th consecutive failure anywhere would block
 * every login for 30 minutes. So nothing here is ever limited or blocked; rate limiting itself is
 * tested with forced 429s (faults) and in the emulator's own suites.
 */
export const BROWSER_SUITE_LIMITS: Partial<RateLimits> = {
  overall: Number.POSITIVE_INFINITY,
  oauthToken: Number.POSITIVE_INFINITY,
  tokenDelete: Number.POSITIVE_INFINITY,
  failedLogins: Number.POSITIVE_INFINITY,
  blockMs: 0,
};

interface Running {
  url: string;
  close(): Promise<void>;
}

/** A loopback port nothing listens on (found free, then closed): connecting to it is refused. */
async function closedPort(): Promise<number> {
  const { createServer } = await import('node:net');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export function emulatorPlugin(): TestRunnerPlugin {
  let emulator: Running | undefined;
  let refusedUrl: string | undefined;
  return {
    name: 'particle-emulator',
    async serverStart() {
      refusedUrl = `http://127.0.0.1:${await closedPort()}`;
      try {
        const { startEmulator } = await import('../../emulator/index.js');
        emulator = await startEmulator({
          port: 0,
          faults: true,
          quiet: true,
          limits: BROWSER_SUITE_LIMITS,
        });
      } catch (error) {
        console.error(
          `emulator-plugin: the emulator did not start, contract suites will fail: ${error}`,
        );
      }
    },
    async serverStop() {
      await emulator?.close();
    },
    serve(context) {
      if (context.path === '/__emulator__.js') {
        return `export const refusedUrl = ${JSON.stringify(refusedUrl)};
export const emulatorUrl = ${JSON.stringify(emulator?.url)};`;
      }
      return undefined;
    },
  };
}
