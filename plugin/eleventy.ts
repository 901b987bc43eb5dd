/**
 * The slice of Eleventy's configuration API this plugin uses. Eleventy 3 ships no
 * TypeScript types, so the plugin states what it relies on here, in one place.
 */

export interface EleventyDirectories {
  input: string;
  includes: string;
  layouts?: string;
  output: string;
}

export interface EleventyResult {
  inputPath: string;
  outputPath: string | false;
  url: string | false;
  content: string;
}

export interface EleventyEventArgs {
  directories: EleventyDirectories;
  runMode: 'build' | 'watch' | 'serve';
  outputMode: 'fs' | 'json' | 'ndjson';
  results?: EleventyResult[];
  /** Eleventy writes only the changed pages (`--incremental`). */
  incremental?: boolean;
}

export interface EleventyContentMap {
  /** Every page URL of the site → its input file. */
  urlToInputPath: Record<string, unknown>;
}

export interface EleventyLogger {
  logWithOptions(options: {
    message: string;
    type?: 'log' | 'warn' | 'error' | 'info';
    color?: string;
    force?: boolean;
  }): void;
}

export interface PreprocessorContext {
  inputPath: string;
}

export interface TransformContext {
  page: { inputPath: string; outputPath: string | false; url: string | false };
}

export interface EleventyConfig {
  directories: EleventyDirectories;
  /** The site's `pathPrefix` (config file or `--pathprefix`), `/` by default. */
  pathPrefix?: string;
  logger: EleventyLogger;
  /** Every `addLayoutAlias` so far, ours and other plugins'. */
  layoutAliases: Record<string, string>;
  /** Throws when the running Eleventy does not satisfy the semver `range`. */
  versionCheck(range: string): void;
  addPlugin(plugin: unknown, options?: unknown): void;
  addGlobalData(name: string, data: unknown): void;
  addPassthroughCopy(paths: Record<string, string>): void;
  addWatchTarget(path: string): void;
  addLayoutAlias(from: string, to: string): void;
  addLiquidShortcode(name: string, callback: (...args: never[]) => string): void;
  addNunjucksShortcode(name: string, callback: (...args: never[]) => string): void;
  addPreprocessor(
    name: string,
    extensions: string,
    callback: (
      this: PreprocessorContext,
      data: Record<string, unknown>,
      content: string,
    ) => string | undefined | Promise<string | undefined>,
  ): void;
  addTransform(
    name: string,
    callback: (this: TransformContext, content: string) => string | Promise<string>,
  ): void;
  on(
    event: 'eleventy.before' | 'eleventy.after',
    callback: (args: EleventyEventArgs) => unknown,
  ): void;
  on(event: 'eleventy.contentMap', callback: (map: EleventyContentMap) => unknown): void;
  /** Under watch, before each rebuild: the files that changed since the last one. */
  on(event: 'eleventy.beforeWatch', callback: (changedFiles: string[]) => unknown): void;
}
