/**
 * The widget sub-plugin: bundles `widgets/` on every build (so `npm start` rebuilds on
 * change) and gives each page that uses an element the bundle's first-load files.
 *
 * The bundle is built in memory before the pages (they name its hashed chunk files) and
 * written after them, so a build that fails (a page error, a blurb mistake) writes no
 * widget scripts either: Eleventy runs `eleventy.before` listeners side by side, and a
 * bundle written there kept writing after the build had failed.
 */
import type { EleventyConfig } from '../eleventy.js';
import { warn } from '../log.js';
import type { ParticleDocsOptions } from '../options.js';
import {
  buildWidgetBundle,
  type WidgetBundle,
  widgetsOutDir,
  writeWidgetBundle,
} from './bundle.js';
import { findWidgetEntries } from './entries.js';
import { injectWidgetScripts, usedWidgetTags, widgetHeadTags } from './inject.js';

export function registerWidgetBundle(
  eleventyConfig: EleventyConfig,
  opts: ParticleDocsOptions,
): void {
  let bundle: WidgetBundle | undefined;
  let headTags = '';
  let available = new Set<string>();
  const warned = new Set<string>();

  eleventyConfig.addWatchTarget(opts.widgetsDir);
  eleventyConfig.on('eleventy.before', async () => {
    const entries = findWidgetEntries(opts.widgetsDir);
    available = new Set(entries.map((entry) => entry.tag));
    bundle = await buildWidgetBundle(entries);
    headTags = widgetHeadTags(bundle.manifest);
  });
  eleventyConfig.on('eleventy.after', async ({ directories, outputMode }) => {
    if (outputMode !== 'fs' || !bundle) return; // JSON output (tests, tools) writes no files
    await writeWidgetBundle(bundle, widgetsOutDir(directories.output));
  });

  eleventyConfig.addTransform('particle-docs-widget-scripts', function (content) {
    const outputPath = this.page.outputPath;
    if (typeof outputPath !== 'string' || !outputPath.endsWith('.html')) return content;
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
          `[particle-docs] ${this.page.inputPath} uses <${tag}>, but ${opts.widgetsDir}/${tag}.ts does not exist; readers see its fallback text only.`,
        );
      }
    }
    return injectWidgetScripts(content, available, headTags);
  });
}
