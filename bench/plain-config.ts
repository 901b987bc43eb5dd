/**
 * The Eleventy config of the benchmark's baseline, "plain Eleventy with the same layout":
 * the official Handlebars plugin rendering our two layouts with the same site data and
 * the same navigation helper, and none of our plugin (no partials, checks, blurbs, link
 * report or widgets). The pages are `.html` files holding the article HTML as it is.
 */

import { join, relative, resolve } from 'node:path';
import handlebarsPlugin from '@11ty/eleventy-plugin-handlebars';
import Handlebars from 'handlebars';
import { loginPageHelper } from '../plugin/login-page.js';
import { navTreeHelper } from '../plugin/navigation.js';
import { normalizeOptions } from '../plugin/options.js';
import { siteData } from '../plugin/site.js';

const repoRoot = join(import.meta.dirname, '..');

export interface PlainEleventyConfig {
  directories: { includes: string };
  addPlugin(plugin: unknown, options?: unknown): void;
  addLayoutAlias(from: string, to: string): void;
  addGlobalData(name: string, data: unknown): void;
  addPassthroughCopy(paths: Record<string, string>): void;
}

/** The layouts, helpers, site data and assets of both baselines, on `hbs`. */
export function registerLayoutBaseline(
  eleventyConfig: PlainEleventyConfig,
  hbs: typeof Handlebars,
): void {
  hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hbs.registerHelper('navTree', navTreeHelper());
  hbs.registerHelper('loginPage', loginPageHelper());
  eleventyConfig.addPlugin(handlebarsPlugin, { eleventyLibraryOverride: hbs });
  const lookup = resolve(eleventyConfig.directories.includes);
  for (const name of ['base.hbs', 'commonTwo.hbs']) {
    eleventyConfig.addLayoutAlias(name, relative(lookup, join(repoRoot, 'layouts', name)));
  }
  eleventyConfig.addGlobalData(
    'particleDocs',
    siteData(normalizeOptions({ assetsDir: join(repoRoot, 'assets') })),
  );
  eleventyConfig.addPassthroughCopy({ [join(repoRoot, 'assets')]: 'assets' });
}

export default function plainConfig(eleventyConfig: PlainEleventyConfig): void {
  registerLayoutBaseline(eleventyConfig, Handlebars.create());
}

export const config = { htmlTemplateEngine: false };
