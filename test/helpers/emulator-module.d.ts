// The virtual module served by test/helpers/emulator-plugin.ts to browser suites.
declare module '/__emulator__.js' {
  export const emulatorUrl: string;
}
