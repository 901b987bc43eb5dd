/**
 * The Eleventy config of the benchmark's second baseline, "Eleventy on the same Markdown":
 * the very pages our plugin builds (Markdown through Handlebars, the same partials, the
 * same layouts and helpers), built by Eleventy 3 and the official Handlebars plugin
 * alone. What it leaves out is what the plugin adds: the page checks, the blurb and
 * layout checks, the page compiler, the widget bundle and its script tags, the link
 * report. Ours over this is the plugin's own cost; this over "plain + layout" is what
 * Markdown and Handlebars cost Eleventy itself.
 */
import Handlebars from 'handlebars';
import { loadPartials } from '../plugin/partials.js';
import { type PlainEleventyConfig, registerLayoutBaseline } from './plain-config.js';
import { repoRoot } from './synthetic-site.js';

export default function markdownConfig(eleventyConfig: PlainEleventyConfig): void {
  const hbs = Handlebars.create();
  for (const partial of loadPartials(`${repoRoot}/partials`).values()) {
    hbs.registerPartial(partial.name, hbs.compile(partial.template));
  }
  registerLayoutBaseline(eleventyConfig, hbs);
}

export const config = { markdownTemplateEngine: 'hbs', htmlTemplateEngine: false };
