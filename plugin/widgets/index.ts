/**
 * The widget sub-plugin: gives each page that uses an element the bundle's first-load
 * files and the plugin's widget stylesheet, and writes them into the site on every build.
 *
 * Where the bundle comes from:
 * - a site (the installed package): the bundle `npm run build:package` made, with its
 *   manifest, copied; the site compiles no TypeScript and needs no esbuild or tsconfig;
 * - this repository (the plugin loaded from its TypeScript sources, `npm start`) or a
 *   `widgetsDir` option: esbuild bundles the element sources on every build (under watch,
 *   on every build after a change in them, so an edited element is live on the next one).
 *
 * The bundle is built in memory before the pages (they name its hashed chunk files) and
 * written after them, so a build that fails (a page error, a blurb mistake) writes no
 * widget scripts either: Eleventy runs `eleventy.before` listeners side by side, and a
 * bundle written there kept writing after the build had failed.
 */
import { copyFile, cp, mkdir, readFile, rm } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { EleventyConfig } from '../eleventy.js';
import { warn } from '../log.js';
import type { ParticleDocsOptions } from '../options.js';
import {
  fromSources,
  prebuiltWidgetsDir,
  widgetSourcesDir,
  widgetStylesheetFile,
} from '../package-paths.js';
import type { WidgetBundle, WidgetManifest } from './bundle.js';
import { findWidgetEntries, MANIFEST_FILE, widgetsOutDir } from './entries.js';
import {
  injectWidgetScripts,
  usedWidgetTags,
  WIDGET_STYLESHEET,
  widgetHeadTags,
} from './inject.js';

/** The prebuilt bundle's manifest; an empty one when the package has none. */
async function prebuiltManifest(): Promise<WidgetManifest> {
  const text = await readFile(join(prebuiltWidgetsDir, MANIFEST_FILE), 'utf8').catch(() => '');
  return text ? JSON.parse(text) : { entry: '', preload: [], tags: [] };
}

export function registerWidgetBundle(
  eleventyConfig: EleventyConfig,
  opts: ParticleDocsOptions,
): void {
  const sourcesDir = opts.widgetsDir || (fromSources ? widgetSourcesDir : '');
  let bundle: WidgetBundle | undefined;
  let headTags = '';
  let available = new Set<string>();
  const warned = new Set<string>();
  const missingHint = (tag: string) =>
    sourcesDir ? `${sourcesDir}/${tag}.ts does not exist` : `the package has no <${tag}> element`;

  // Under watch, an edit outside the widget sources (a page, a partial) keeps the bundle
  // of the last build, built and written: only a change in the sources bundles again.
  const absoluteSources = sourcesDir && resolve(sourcesDir);
  let changedFiles: string[] | undefined;
  let writtenTo: string | undefined;
  eleventyConfig.on('eleventy.beforeWatch', (files) => {
    changedFiles = files.map((file) => resolve(file));
  });

  if (sourcesDir) eleventyConfig.addWatchTarget(sourcesDir);
  // esbuild bundles in its own process while Eleventy reads and renders the pages: the
  // bundle is started here, not awaited, and the pages' transform waits for it (a page's
  // head names the hashed chunk files). A failed bundle fails that transform, so the build.
  let ready: Promise<void> = Promise.resolve();
  eleventyConfig.on('eleventy.before', () => {
    const sourcesChanged =
      changedFiles === undefined ||
      changedFiles.some((f) => f === absoluteSources || f.startsWith(absoluteSources + sep));
    changedFiles = undefined;
    const manifest = async (): Promise<WidgetManifest> => {
      if (!sourcesDir) return prebuiltManifest();
      if (!bundle || sourcesChanged) {
        bundle = undefined;
        writtenTo = undefined;
        // Loaded only here: a site using the prebuilt bundle needs no esbuild.
        const { buildWidgetBundle } = await import('./bundle.js');
        bundle = await buildWidgetBundle(findWidgetEntries(sourcesDir));
      }
      return bundle.manifest;
    };
    ready = manifest().then((found) => {
      available = new Set(found.tags);
      headTags = widgetHeadTags(found, eleventyConfig.pathPrefix);
    });
    ready.catch(() => {}); // awaited (and reported) by the transform and eleventy.after
  });
  eleventyConfig.on('eleventy.after', async ({ directories, outputMode }) => {
    await ready;
    if (outputMode !== 'fs') return; // JSON output (tests, tools) writes no files
    const outDir = widgetsOutDir(directories.output);
    if (sourcesDir) {
      if (!bundle) return;
      // Unchanged since this build's output has it (under watch: no widget source changed).
      if (writtenTo === outDir) return;
      const { writeWidgetBundle } = await import('./bundle.js');
      await writeWidgetBundle(bundle, outDir, [WIDGET_STYLESHEET]);
      writtenTo = outDir;
    } else {
      // Start clean so a file the package no longer has leaves no stale copy.
      await rm(outDir, { recursive: true, force: true });
      await cp(prebuiltWidgetsDir, outDir, { recursive: true });
    }
    await mkdir(outDir, { recursive: true });
    await copyFile(widgetStylesheetFile, join(outDir, WIDGET_STYLESHEET));
    if (opts.loginHeader) {
      // The header's login-state script: bundled from the sources, or the package's copy.
      const target = join(directories.output, 'assets', 'site-login.js');
      if (sourcesDir) await (await import('./bundle.js')).bundleSiteLogin(dirname(target));
      else await copyFile(join(prebuiltWidgetsDir, 'site-login.js'), target).catch(() => {});
    }
  });

  eleventyConfig.addTransform('particle-docs-widget-scripts', async function (content) {
    const outputPath = this.page.outputPath;
    if (typeof outputPath !== 'string' || !outputPath.endsWith('.html')) return content;
    await ready;
    const tags = usedWidgetTags(content);
    if (tags.some((tag) => available.has(tag)) && !content.includes('</head>')) {
      warn(
        eleventyConfig,
        `[particle-docs] ${this.page.inputPath} uses widgets but has no <head> to load their scripts from; readers see the fallback text only. Give it a layout, e.g. \`layout: commonTwo.hbs\`.`,
      );
    }
    for (const tag of tags) {
      if (!available.has(tag) && !warned.has(tag)) {
        warned.add(tag);
        warn(
          eleventyConfig,
          `[particle-docs] ${this.page.inputPath} uses <${tag}>, but ${missingHint(tag)}; readers see its fallback text only.`,
        );
      }
    }
    return injectWidgetScripts(content, available, headTags, tags);
  });
}
