/**
 * The widget sub-plugin: gives each page the scripts of the elements it uses, and
 * bundles `widgets/` on every build (so `npm start` rebuilds on change).
 *
 * The bundle is written after the pages, so a build that fails (a page error, a blurb
 * mistake) writes no widget scripts either: Eleventy runs `eleventy.before` listeners
 * side by side, and a bundle started there kept writing after the build had failed.
 */
import type { EleventyConfig } from '../eleventy.js';
import { warn } from '../log.js';
import type { ParticleDocsOptions } from '../options.js';
import { bundleWidgets, widgetsOutDir } from './bundle.js';
import { findWidgetEntries, type WidgetEntry } from './entries.js';
import { injectWidgetScripts, usedWidgetTags } from './inject.js';

export function registerWidgetBundle(
  eleventyConfig: EleventyConfig,
  opts: ParticleDocsOptions,
): void {
  let entries: WidgetEntry[] = [];
  let available = new Set<string>();
  const warned = new Set<string>();

  eleventyConfig.addWatchTarget(opts.widgetsDir);
  eleventyConfig.on('eleventy.before', () => {
    entries = findWidgetEntries(opts.widgetsDir);
    available = new Set(entries.map((entry) => entry.tag));
  });
  eleventyConfig.on('eleventy.after', async ({ directories, outputMode }) => {
    if (outputMode !== 'fs') return; // JSON output (tests, tools) writes no files
    await bundleWidgets(entries, widgetsOutDir(directories.output));
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
    return injectWidgetScripts(content, available);
  });
}
