// Eleventy 3 ships no TypeScript types; the test helpers and the bench use this much of its API.
declare module '@11ty/eleventy' {
  export default class Eleventy {
    constructor(
      input: string,
      output: string,
      options: {
        quietMode?: boolean;
        configPath?: string;
        runMode?: 'build' | 'watch' | 'serve';
        config?: (eleventyConfig: never) => void;
      },
    );
    logger: {
      isChalkEnabled: boolean;
      overrideLogger(
        logger: Record<'log' | 'info' | 'warn' | 'error', (message: string) => void>,
      ): void;
    };
    /** Under watch, write only what an edit changed (`--incremental`). */
    setIncrementalBuild(incremental: boolean): void;
    write(): Promise<unknown>;
    toJSON(): Promise<unknown[]>;
    init(): Promise<void>;
    watch(): Promise<unknown>;
    stopWatch(): Promise<void>;
  }
}
