/**
 * The address of the emulator that test/helpers/emulator-plugin.ts started for
 * this browser run, or undefined if it could not start:
 *
 *   import { emulatorUrl } from '../helpers/emulator-url.js';
 *
 * The plugin serves it as the virtual module `/__emulator__.js`. TypeScript
 * cannot declare a module under a rooted path (it takes it for a file), so the
 * import goes through a string the compiler does not resolve.
 */
const virtualModule: string = '/__emulator__.js';

export const emulatorUrl: string | undefined = (
  (await import(virtualModule)) as { emulatorUrl?: string }
).emulatorUrl;
