/**
 * Bundles the elements with esbuild into ONE entry module, `particle-widgets.js`, that
 * defines every element, plus chunks that the elements `import()` for what only a
 * logged-in reader or an opened view needs (minified, with source maps, and with the
 * CSS of their `css` templates minified too).
 *
 * Why one entry and not one per element: a page's first load must take at most three
 * requests, and per-element entries split into a chunk per combination of elements
 * (nine files for the seed page). What every element shows first (a login form or a
 * "Log in to …" prompt) is mostly shared code — Lit, the session, the login form — so
 * a page with a single widget pays little for the others' first views, while all their
 * heavier views stay behind `import()` and load only on a page that opens them.
 *
 * The bundle is built in memory and written separately, so the plugin can put the
 * names of the files into the pages before writing any of them (see `index.ts`); the
 * package build calls `bundleWidgets` to write it in one go. `manifest.json` beside the
 * bundle says which files a page loads first, for builds that use a prebuilt bundle.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { build, type Metafile, type Plugin, transform } from 'esbuild';
import { minifyCssTemplates } from './css-templates.js';
import { MANIFEST_FILE, type WidgetEntry } from './entries.js';

/** The entry module's name: `particle-widgets.js`. */
export const ENTRY_NAME = 'particle-widgets';

/** What a page needs to know to load the widgets: file names relative to the widgets folder. */
export interface WidgetManifest {
  /** The module a page runs: it defines every element in `tags`. */
  entry: string;
  /** The modules the entry imports statically, which a page preloads beside it. */
  preload: string[];
  tags: string[];
}

export interface WidgetBundle {
  manifest: WidgetManifest;
  /** Every output file, by path relative to the widgets folder (manifest included). */
  files: Map<string, Uint8Array>;
}

const ENTRY_NAMESPACE = 'particle-widgets-entry';

/** The entry's source: one side-effect import per element, each defining its tag. */
function entryPlugin(entries: WidgetEntry[]): Plugin {
  return {
    name: 'particle-widgets-entry',
    setup(build) {
      build.onResolve({ filter: /^particle-widgets-entry$/ }, () => ({
        path: ENTRY_NAME,
        namespace: ENTRY_NAMESPACE,
      }));
      build.onLoad({ filter: /.*/, namespace: ENTRY_NAMESPACE }, () => ({
        contents: entries
          .map((entry) => `import ${JSON.stringify(resolve(entry.file))};`)
          .join('\n'),
        resolveDir: process.cwd(),
        loader: 'js',
      }));
    },
  };
}

const LAZY_NAMESPACE = 'particle-widgets-lazy';

/**
 * Keeps the first load in two files however many `import()` views there are. esbuild
 * puts each module in a chunk per set of entry points (`import()` targets included)
 * that reach it, so code shared by the first load and some views, but not all, would
 * become many small chunks that the entry imports statically. Every `import()` target
 * is wrapped in a module that also imports the entry: then every view reaches all of
 * the first load's code, which becomes ONE chunk, and the views' chunks hold only what
 * the first load lacks.
 */
function lazyViewsPlugin(): Plugin {
  return {
    name: 'particle-widgets-lazy-views',
    setup(build) {
      build.onResolve({ filter: /.*/ }, async (args) => {
        if (args.kind !== 'dynamic-import') return undefined;
        const resolved = await build.resolve(args.path, {
          kind: 'import-statement',
          importer: args.importer,
          resolveDir: args.resolveDir,
        });
        if (resolved.errors.length > 0) return { errors: resolved.errors };
        return { path: resolved.path, namespace: LAZY_NAMESPACE };
      });
      build.onLoad({ filter: /.*/, namespace: LAZY_NAMESPACE }, ({ path }) => ({
        contents: `import 'particle-widgets-entry';
export * from ${JSON.stringify(path)};
`,
        resolveDir: process.cwd(),
        loader: 'js',
      }));
    },
  };
}

/**
 * Worker scripts, each beside the module that starts it with
 * `new Worker(new URL(script, import.meta.url))`. esbuild does not follow such URLs, so
 * each script is copied, minified, beside the output file that holds its module.
 */
const WORKER_SCRIPTS = [
  { module: /(^|\/)widgets\/components\/expiry\.[jt]s$/, script: 'intl-warmup.js' },
];

/** The worker scripts of the bundle, by path relative to the widgets folder. */
async function workerScripts(metafile: Metafile, outPath: (output: string) => string) {
  const files = new Map<string, Uint8Array>();
  for (const [output, { inputs }] of Object.entries(metafile.outputs)) {
    for (const input of Object.keys(inputs)) {
      const worker = WORKER_SCRIPTS.find(({ module }) => module.test(input));
      if (!worker) continue;
      const source = await readFile(join(dirname(resolve(input)), worker.script), 'utf8');
      const { code } = await transform(source, { minify: true, legalComments: 'none' });
      const path = join(dirname(outPath(output)), worker.script)
        .split('\\')
        .join('/');
      files.set(path, new TextEncoder().encode(code));
    }
  }
  return files;
}

/** The static imports of `output`, followed transitively, in a stable order. */
function staticImports(metafile: Metafile, output: string, seen = new Set<string>()): string[] {
  for (const dependency of metafile.outputs[output]?.imports ?? []) {
    if (dependency.kind !== 'import-statement' || seen.has(dependency.path)) continue;
    seen.add(dependency.path);
    staticImports(metafile, dependency.path, seen);
  }
  return [...seen];
}

/** Bundles `entries` in memory; nothing is written. An empty list gives an empty bundle. */
export async function buildWidgetBundle(entries: WidgetEntry[]): Promise<WidgetBundle> {
  const files = new Map<string, Uint8Array>();
  const manifest: WidgetManifest = { entry: '', preload: [], tags: [] };
  if (entries.length === 0) return { manifest, files };
  const outdir = join(process.cwd(), '.particle-widgets-out'); // never written: write is false
  const result = await build({
    entryPoints: [{ in: 'particle-widgets-entry', out: ENTRY_NAME }],
    plugins: [entryPlugin(entries), lazyViewsPlugin(), minifyCssTemplates()],
    outdir,
    write: false,
    metafile: true,
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
  // For esbuild's bundle analyzer (https://esbuild.github.io/analyze/): which module weighs
  // what in which chunk. A developer's tool, documented in the README.
  const metafileTo = process.env.PARTICLE_WIDGETS_METAFILE;
  if (metafileTo) await writeFile(metafileTo, JSON.stringify(result.metafile));
  const relativeOut = (path: string) => relative(outdir, path).split('\\').join('/');
  for (const file of result.outputFiles) files.set(relativeOut(file.path), file.contents);
  // The page's entry, not a lazy view: each view's chunk is an entry point of esbuild's too,
  // and which comes first in the metafile depends on the module graph.
  const entryOutput = Object.keys(result.metafile.outputs).find(
    (output) => result.metafile.outputs[output]?.entryPoint === `${ENTRY_NAMESPACE}:${ENTRY_NAME}`,
  )!;
  const cwdRelative = (path: string) => relativeOut(join(process.cwd(), path));
  for (const [path, contents] of await workerScripts(result.metafile, cwdRelative))
    files.set(path, contents);
  manifest.entry = cwdRelative(entryOutput);
  manifest.preload = staticImports(result.metafile, entryOutput).map(cwdRelative);
  manifest.tags = entries.map((entry) => entry.tag);
  files.set(MANIFEST_FILE, new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`));
  return { manifest, files };
}

/**
 * Writes the bundle's files into `outDir`, then removes the files it no longer has (but
 * `alsoKeep`, written there by the caller), so a renamed element leaves no stale script.
 * In that order, under `npm start` a page reloaded during a rebuild never finds the folder
 * or a file of the new bundle missing.
 */
export async function writeWidgetBundle(
  bundle: WidgetBundle,
  outDir: string,
  alsoKeep: string[] = [],
): Promise<void> {
  await mkdir(outDir, { recursive: true });
  for (const [path, contents] of bundle.files) {
    const target = join(outDir, path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, contents);
  }
  const keep = new Set([...bundle.files.keys(), ...alsoKeep].map((path) => join(outDir, path)));
  for (const entry of await readdir(outDir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isFile() && !keep.has(path)) await rm(path, { force: true });
  }
}

/** Bundles `entries` and writes the result into `outDir` (the site's `assets/widgets/`). */
export async function bundleWidgets(entries: WidgetEntry[], outDir: string): Promise<void> {
  await writeWidgetBundle(await buildWidgetBundle(entries), outDir);
}

/**
 * The header's login state: one small self-contained module, sharing no chunk with the
 * widgets. Its source is the TypeScript here, the compiled JavaScript in the package.
 */
const SITE_LOGIN_SOURCE = ['ts', 'js']
  .map((ext) => join(import.meta.dirname, `../../widgets/site-login.${ext}`))
  .find((file) => existsSync(file));

/** Writes `site-login.js` (and its map) into `assetsDir`, the site's `assets/`. */
export async function bundleSiteLogin(assetsDir: string): Promise<void> {
  await build({
    entryPoints: [SITE_LOGIN_SOURCE ?? 'widgets/site-login.ts'],
    outfile: join(assetsDir, 'site-login.js'),
    bundle: true,
    format: 'esm',
    minify: true,
    sourcemap: true,
    target: 'es2022',
    logLevel: 'silent',
    legalComments: 'none',
  });
}
