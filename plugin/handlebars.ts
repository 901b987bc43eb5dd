/**
 * Handlebars for Markdown pages and layouts: one private Handlebars instance, with our
 * partials and helpers registered on it directly (so the order in which plugins are
 * added does not matter), the page checks, the layouts (see layouts.ts), and the same
 * partials as Liquid and Nunjucks shortcodes (see shortcodes.ts).
 */
import handlebarsPlugin from '@11ty/eleventy-plugin-handlebars';
import Handlebars from 'handlebars';
import type { EleventyConfig } from './eleventy.js';
import { registerLayouts } from './layouts.js';
import { loginPageHelper } from './login-page.js';
import { navTreeHelper } from './navigation.js';
import type { ParticleDocsOptions } from './options.js';
import { pluginLayoutsDir, pluginPartialsDir, withSiteDir } from './package-paths.js';
import { registerPageChecks } from './page-checks.js';
import { installPageCompiler } from './page-compile.js';
import { loadPartials, type PartialInfo } from './partials.js';
import { registerWidgetShortcodes } from './shortcodes.js';
import { siteData } from './site.js';

function registerHelpers(hbs: typeof Handlebars): void {
  hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hbs.registerHelper('navTree', navTreeHelper());
  hbs.registerHelper('loginPage', loginPageHelper());
}

export function registerHandlebars(
  eleventyConfig: EleventyConfig,
  opts: ParticleDocsOptions,
): void {
  const hbs = Handlebars.create();
  registerHelpers(hbs);

  // The plugin's partials, then the site's own (which may replace one of the same name).
  const partialDirs = withSiteDir(pluginPartialsDir, opts.partialsDir);
  let partials = new Map<string, PartialInfo>();
  const reloadPartials = () => {
    partials = new Map(partialDirs.flatMap((dir) => [...loadPartials(dir)]));
    for (const name of Object.keys(hbs.partials)) hbs.unregisterPartial(name);
    // Compiled once here: a partial registered as a string is compiled again for every
    // page that uses it (Handlebars keeps the compiled copy per render only).
    for (const partial of partials.values())
      hbs.registerPartial(partial.name, hbs.compile(partial.template));
  };
  reloadPartials();
  // Re-read before every build so that `npm start` picks up edited partials.
  eleventyConfig.on('eleventy.before', reloadPartials);
  for (const dir of partialDirs) eleventyConfig.addWatchTarget(dir);

  eleventyConfig.addPlugin(handlebarsPlugin, { eleventyLibraryOverride: hbs });
  registerLayouts(eleventyConfig, withSiteDir(pluginLayoutsDir, opts.layoutsDir));
  const pageCompiler = installPageCompiler(hbs);
  eleventyConfig.on('eleventy.after', pageCompiler.forget);
  registerPageChecks(eleventyConfig, hbs, () => partials, pageCompiler.remember);
  registerWidgetShortcodes(eleventyConfig, hbs, () => partials, siteData(opts));
}
