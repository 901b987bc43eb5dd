/**
 * Test builds: run Eleventy with our plugin into a fresh temp folder, in process, and
 * read back the pages. A build error rejects with the error Eleventy saw.
 *
 *   const site = await build({ input: 'content' });
 *   site.page('/reference/cloud-apis/access-tokens/')  // the HTML
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Eleventy from '@11ty/eleventy';
import particleDocs from '../../../plugin/index.js';

export const repoRoot = resolve(import.meta.dirname, '../../..');
export const fixtures = join(repoRoot, 'test/fixtures/plugin');
/** Four stand-in elements (one per partial) sharing one module. */
export const fixtureWidgets = join(fixtures, 'widgets');

export interface BuildOptions {
  /** Input folder (default: the real `content/`). */
  input?: string;
  /** Plugin options; `widgetsDir` defaults to the fixture elements. */
  options?: Record<string, unknown>;
  /** Virtual pages: input-relative path → source with front matter. */
  templates?: Record<string, string>;
}

export interface BuiltSite {
  outDir: string;
  /** The HTML of the page at `url` (e.g. `/` or `/x/`). */
  page(url: string): Promise<string>;
}

export async function build({
  input = join(repoRoot, 'content'),
  options = {},
  templates = {},
}: BuildOptions = {}): Promise<BuiltSite> {
  const outDir = await mkdtemp(join(tmpdir(), 'particle-plugin-'));
  const eleventy = new Eleventy(input, outDir, {
    quietMode: true,
    configPath: join(repoRoot, 'test/plugin/helpers/eleventy-config.ts'),
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
  eleventy.disableLogger();
  await eleventy.write();
  return {
    outDir,
    page: (url) => readFile(join(outDir, url, 'index.html'), 'utf8'),
  };
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

/** Builds `input` expecting a failure; resolves to the whole error chain and the output folder. */
export async function buildFailure(
  input: string,
  options: Record<string, unknown> = {},
): Promise<string> {
  try {
    await build({ input, options });
  } catch (error) {
    return errorChain(error);
  }
  throw new Error(`Expected the build of ${input} to fail, but it succeeded.`);
}
