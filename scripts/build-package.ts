/**
 * `npm run build:package` (also run by `npm pack` / `npm publish` through `prepack`):
 * compiles the package into `dist/`, which mirrors the repository's folders so that
 * every path the code finds from `import.meta.url` is the same in the sources and in
 * the build:
 *
 *   dist/plugin/    the Eleventy plugin (JS + .d.ts)   dist/partials/, dist/layouts/  its templates
 *   dist/widgets/   the elements and api-helper core (JS + .d.ts, decorators transpiled, bare `lit` imports)
 *   dist/prebuilt/  the elements bundled with Lit, code-split, for a plain <script type="module">
 *   dist/emulator/  the API emulator (JS + .d.ts), its example data and the `particle-docs-emulator` bin
 *   dist/custom-elements.json  the Custom Elements Manifest (package.json `customElements`)
 *
 * The build is a list of steps run in order; a new artefact is one more entry in `steps`.
 *
 *   npm run build:package             # every step
 *   npm run build:package -- compile  # only the named steps (for a quick look)
 */
import { execFile } from 'node:child_process';
import { chmod, cp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { bundleSiteLogin, bundleWidgets } from '../plugin/widgets/bundle.js';
import { findWidgetEntries } from '../plugin/widgets/entries.js';
import { customElementsManifest } from './custom-elements.js';

export const root = join(import.meta.dirname, '..');
export const dist = join(root, 'dist');

export interface BuildStep {
  name: string;
  run(): Promise<void>;
}

const exec = promisify(execFile);

/** Files copied as they are, repository path → the same path under dist/. */
const copied = [
  'partials',
  'layouts',
  'plugin/widgets/particle-widgets.css',
  'emulator/data',
  // A worker script (see expiry.ts), plain JavaScript beside the module that starts it.
  'widgets/components/intl-warmup.js',
];

export const steps: BuildStep[] = [
  {
    name: 'clean',
    run: () => rm(dist, { recursive: true, force: true }),
  },
  {
    // tsc rather than esbuild: it writes the .d.ts files, and with the repository's
    // tsconfig (experimentalDecorators) it turns Lit's decorators into plain calls.
    name: 'compile',
    run: async () => {
      await exec(process.execPath, [
        join(root, 'node_modules/typescript/bin/tsc'),
        '-p',
        join(root, 'tsconfig.build.json'),
      ]).catch((error: { stdout?: string }) => {
        throw new Error(`tsc -p tsconfig.build.json failed:\n${error.stdout ?? error}`);
      });
    },
  },
  {
    // npm makes a bin executable when it installs the package; `node_modules/.bin` of this
    // repository and a linked copy need the mode set here.
    name: 'bin',
    run: () => chmod(join(dist, 'emulator/server.js'), 0o755),
  },
  {
    name: 'custom-elements',
    run: () =>
      writeFile(
        join(dist, 'custom-elements.json'),
        `${JSON.stringify(customElementsManifest(), null, 2)}\n`,
      ),
  },
  {
    name: 'copy',
    run: async () => {
      for (const path of copied) await cp(join(root, path), join(dist, path), { recursive: true });
    },
  },
  {
    // The same bundle a site built from the sources serves (plugin/widgets/bundle.ts),
    // made once here so that a consuming site needs neither esbuild nor TypeScript.
    name: 'prebuilt',
    run: async () => {
      await bundleWidgets(findWidgetEntries(join(root, 'widgets')), join(dist, 'prebuilt'));
      // The header's login-state script, which a site's build copies from here.
      await bundleSiteLogin(join(dist, 'prebuilt'));
    },
  },
];

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !steps.some((step) => step.name === name));
  if (unknown.length) {
    console.error(
      `Unknown step(s): ${unknown.join(', ')}. Steps: ${steps.map((s) => s.name).join(', ')}`,
    );
    process.exit(2);
  }
  for (const step of steps) {
    if (wanted.length && !wanted.includes(step.name)) continue;
    const started = performance.now();
    await step.run();
    console.log(`build:package ${step.name} (${Math.round(performance.now() - started)} ms)`);
  }
}

if (process.argv[1] === import.meta.filename) await main();
