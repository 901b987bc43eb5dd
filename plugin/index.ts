/**
 * particle-docs: the Eleventy plugin that turns doc authors' Markdown pages (front
 * matter + Handlebars partials) into pages with Particle Cloud API widgets.
 *
 *   eleventyConfig.addPlugin(particleDocs, { apiBase: 'https://api.particle.io' });
 *
 * Everything is registered from here; each concern lives in its own sub-plugin.
 */
import { registerBlurbs } from './blurbs/index.js';
import type { EleventyConfig } from './eleventy.js';
import { registerHandlebars } from './handlebars.js';
import { registerLinkReport } from './links.js';
import { normalizeOptions } from './options.js';
import { registerSite } from './site.js';
import { registerWidgetBundle } from './widgets/index.js';

export type { ParticleDocsOptions } from './options.js';
export { normalizeOptions } from './options.js';

/**
 * Settings Eleventy accepts only from the config file, not from a plugin: Markdown
 * pages go through Handlebars first. `.eleventy.js` spreads this into its `config`
 * export; the page checks stop the build if it is missing.
 */
export const templateConfig = { markdownTemplateEngine: 'hbs' } as const;

export default function particleDocs(
  eleventyConfig: EleventyConfig,
  options: Record<string, unknown> = {},
): void {
  // Preprocessors and the `directories` argument of eleventy.before are Eleventy 3 APIs;
  // on 2.x the plugin would otherwise fail later with a far less helpful error.
  eleventyConfig.versionCheck('>=3.0');
  const opts = normalizeOptions(options);
  registerSite(eleventyConfig, opts);
  registerHandlebars(eleventyConfig, opts);
  registerWidgetBundle(eleventyConfig, opts);
  registerBlurbs(eleventyConfig);
  registerLinkReport(eleventyConfig, opts);
}

Object.defineProperty(particleDocs, 'eleventyPackage', { value: 'particle-docs' });
