/**
 * Test builds: run Eleventy with our plugin into a fresh temp folder, in process, and
 * read back the pages. A build error rejects with the error Eleventy saw.
 *
 *   const site = await build({ input: 'content' });
 *   site.page('/reference/cloud-apis/access-tokens/')  // the HTML
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Eleventy from '@11ty/eleventy';
import particleDocs from '../../../plugin/index.js';

export const repoRoot = resolve(import.meta.dirname, '../../..');
export const fixtures = join(repoRoot, 'test/fixtures/plugin');
/** Four stand-in elements (one per partial) sharing one module. */
const fixtureWidgets = join(fixtures, 'widgets');

export interface BuildOptions {
  /** Input folder (default: the real `content/`). */
  input?: string;
  /** Plugin options; `widgetsDir` defaults to the fixture elements. */
  options?: Record<string, unknown>;
  /** Virtual pages: input-relative path → source with front matter. */
  templates?: Record<string, string>;
  /** Output folder (default: a fresh temp folder). */
  outDir?: string;
  /** Eleventy config file (default: helpers/eleventy-config.ts, the settings the plugin needs). */
  configPath?: string;
}

export interface BuiltSite {
  outDir: string;
  /** Warnings the build logged (prefixed `[11ty]`). */
  warnings: string[];
  /** The HTML of the page at `url` (e.g. `/` or `/x/`). */
  page(url: string): Promise<string>;
}

/** An Eleventy instance with our plugin, its warnings captured instead of printed. */
async function createEleventy(
  {
    input = join(repoRoot, 'content'),
    options = {},
    templates = {},
    outDir: requestedOutDir,
    configPath = join(repoRoot, 'test/plugin/helpers/eleventy-config.ts'),
  }: BuildOptions,
  runMode: 'build' | 'watch',
) {
  const outDir = requestedOutDir ?? (await mkdtemp(join(tmpdir(), 'particle-plugin-')));
  const eleventy = new Eleventy(input, outDir, {
    quietMode: true,
    configPath,
    runMode,
    config(eleventyConfig: {
      addPlugin: (p: unknown, o: unknown) => void;
      addTemplate: (path: string, content: string) => void;
    }) {
      eleventyConfig.addPlugin(particleDocs, {
        widgetsDir: fixtureWidgets,
        partialsDir: join(repoRoot, 'partials'),
        layoutsDir: join(repoRoot, 'layouts'),
        assetsDir: join(repoRoot, 'assets'),
        ...options,
      });
      for (const [path, content] of Object.entries(templates))
        eleventyConfig.addTemplate(path, content);
    },
  });
  const warnings: string[] = [];
  eleventy.logger.isChalkEnabled = false;
  eleventy.logger.overrideLogger({
    log() {},
    info() {},
    warn: (message: string) => warnings.push(message),
    error: (message: string) => warnings.push(message),
  });
  const site: BuiltSite = {
    outDir,
    warnings,
    page: (url) => readFile(join(outDir, url, 'index.html'), 'utf8'),
  };
  return { eleventy, site };
}

export async function build(options: BuildOptions = {}): Promise<BuiltSite> {
  const { eleventy, site } = await createEleventy(options, 'build');
  await eleventy.write();
  return site;
}

/** A page as Eleventy's JSON output gives it. */
export interface BuiltPage {
  url: string | false;
  inputPath: string;
  content: string;
}

/**
 * Builds without writing anything (Eleventy's JSON output: no files, no widget bundle),
 * resolving to every page with its HTML.
 */
export async function buildPages(options: BuildOptions = {}): Promise<BuiltPage[]> {
  const { eleventy } = await createEleventy(options, 'build');
  return (await eleventy.toJSON()) as BuiltPage[];
}

/** Builds once, then rebuilds on changes like `npm start` does, until `stop()`. */
export async function watch(
  options: BuildOptions = {},
): Promise<BuiltSite & { stop(): Promise<void> }> {
  const { eleventy, site } = await createEleventy(options, 'watch');
  await eleventy.init();
  await eleventy.watch();
  return { ...site, stop: () => eleventy.stopWatch() };
}

/** Eleventy wraps errors (`originalError`, `cause`); the whole chain, one message per line. */
export function errorChain(error: unknown): string {
  const messages: string[] = [];
  let current: unknown = error;
  while (current instanceof Error && messages.length < 10) {
    messages.push(current.message);
    const wrapped = current as Error & { originalError?: unknown };
    current = wrapped.originalError ?? wrapped.cause;
  }
  return messages.join('\n');
}

/** Builds `input` expecting a failure; resolves to the whole error chain. */
export async function buildFailure(input: string, outDir?: string): Promise<string> {
  try {
    await build({ input, outDir });
  } catch (error) {
    return errorChain(error);
  }
  throw new Error(`Expected the build of ${input} to fail, but it succeeded.`);
}

/** Runs the real build command (`npm run build`: Eleventy with .eleventy.js under tsx). */
export function buildCommand(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; out: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [
        '--import',
        'tsx',
        // .eleventy.js imports the plugin by its package name: resolve it to the sources.
        '--conditions=particle-docs-source',
        join(repoRoot, 'node_modules/@11ty/eleventy/cmd.cjs'),
        '--quiet',
        ...args,
      ],
      { cwd: repoRoot, env: { ...process.env, ...env } },
      (error, stdout, stderr) =>
        done({ code: error ? Number(error.code) : 0, out: stdout + stderr }),
    );
  });
}
