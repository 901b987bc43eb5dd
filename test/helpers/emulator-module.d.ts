// The virtual module served by test/helpers/emulator-plugin.ts to browser suites.
// `emulatorUrl` is undefined when the emulator could not start.
declare module '/__emulator__.js' {
  export const emulatorUrl: string | undefined;
}
