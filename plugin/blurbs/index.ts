/**
 * The blurb sub-plugin: before every build, check the shared blurbs of all pages and
 * stop the build on a marker mistake or differing copies. It never writes to the
 * content folder; `npm run blurbs -- sync` is the explicit way to propagate edits.
 */
import type { EleventyConfig } from '../eleventy.js';
import { siteMarkdownFiles } from '../source-files.js';
import { checkBlurbs } from './check.js';

export function registerBlurbs(eleventyConfig: EleventyConfig): void {
  const markdownFiles = siteMarkdownFiles(eleventyConfig);
  eleventyConfig.on('eleventy.before', ({ directories }) => {
    checkBlurbs(markdownFiles(directories.input));
  });
}
