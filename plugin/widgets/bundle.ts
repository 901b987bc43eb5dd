/**
 * Bundles the elements with esbuild: one ES module per element, shared code split
 * into chunks that load once, minified, with source maps. Lit's decorators need the
 * project's tsconfig (experimentalDecorators), so esbuild is pointed at it.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { WidgetEntry } from './entries.js';

/** Writes `<tag>.js`, its map and the shared chunks into `outDir` (the site's `assets/widgets/`). */
export async function bundleWidgets(entries: WidgetEntry[], outDir: string): Promise<void> {
  // Start clean so a renamed or deleted element leaves no stale script behind.
  await rm(outDir, { recursive: true, force: true });
  if (entries.length === 0) return;
  await build({
    entryPoints: entries.map((entry) => ({ in: entry.file, out: entry.tag })),
    outdir: outDir,
    bundle: true,
    format: 'esm',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    minify: true,
    sourcemap: true,
    target: 'es2022',
    tsconfig: 'tsconfig.json',
    logLevel: 'silent',
    legalComments: 'none',
  });
}

export function widgetsOutDir(siteOutput: string): string {
  return join(siteOutput, 'assets', 'widgets');
}
