/**
 * The widget sub-plugin: bundles `widgets/` before every build (so `npm start`
 * rebuilds on change) and gives each page the scripts of the elements it uses.
 */
import type { EleventyConfig } from '../eleventy.js';
import { warn } from '../log.js';
import type { ParticleDocsOptions } from '../options.js';
import { bundleWidgets, widgetsOutDir } from './bundle.js';
import { findWidgetEntries } from './entries.js';
import { injectWidgetScripts, usedWidgetTags } from './inject.js';

export function registerWidgetBundle(
  eleventyConfig: EleventyConfig,
  opts: ParticleDocsOptions,
): void {
  let available = new Set<string>();
  const warned = new Set<string>();

  eleventyConfig.addWatchTarget(opts.widgetsDir);
  eleventyConfig.on('eleventy.before', async ({ directories, outputMode }) => {
    const entries = findWidgetEntries(opts.widgetsDir);
    available = new Set(entries.map((entry) => entry.tag));
    if (outputMode !== 'fs') return; // JSON output (tests, tools) writes no files
    await bundleWidgets({ entries, outDir: widgetsOutDir(directories.output) });
  });

  eleventyConfig.addTransform('particle-docs-widget-scripts', function (content) {
    const outputPath = this.page.outputPath;
    if (typeof outputPath !== 'string' || !outputPath.endsWith('.html')) return content;
    for (const tag of usedWidgetTags(content)) {
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
