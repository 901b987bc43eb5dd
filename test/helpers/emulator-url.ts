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

const served = (await import(virtualModule)) as { emulatorUrl?: string; refusedUrl?: string };

export const emulatorUrl: string | undefined = served.emulatorUrl;

/** An origin on loopback where nothing listens: a connection there is refused (fault tests). */
export const refusedUrl: string | undefined = served.refusedUrl;
