// The site's Eleventy config: the plugin, imported by its package name as any other site
// would, with this site's settings. Here the name resolves to the TypeScript sources
// (the `particle-docs-source` export condition that `npm run build` / `npm start` pass to
// Node, under tsx), so edits to the plugin or the widgets are live; elsewhere it resolves
// to the compiled package in dist/.
import { HtmlBasePlugin } from '@11ty/eleventy';
import particleDocs, { templateConfig } from 'eleventy-plugin-particle-docs';
import { watchSettings } from './scripts/watch-settings.js';

export default function (eleventyConfig) {
  // Under `npm start`: a rebuild starts 40 ms after a save instead of 150 ms.
  watchSettings(eleventyConfig);
  // `--pathprefix=/docs/` (or a `pathPrefix` below) then prefixes every link of the site.
  eleventyConfig.addPlugin(HtmlBasePlugin);
  eleventyConfig.addPlugin(particleDocs, {
    // `||`: a variable that is set but empty (`PARTICLE_API_BASE= npm run build`) means unset.
    apiBase: process.env.PARTICLE_API_BASE || 'https://api.particle.io',
    session: process.env.PARTICLE_DOCS_SESSION || 'default',
    // The hosted login (single sign-on), e.g. https://login.particle.io; unset or empty: none.
    loginUrl: process.env.PARTICLE_LOGIN_URL || '',
    // Any value but empty, 0 or false: CI files often say STRICT_LINKS=true.
    strictLinks: !['', '0', 'false'].includes(process.env.STRICT_LINKS ?? ''),
    // This site's own look (assets/site.css), copied to /assets/.
    assetsDir: 'assets',
  });
}

export const config = {
  ...templateConfig,
  dir: { input: 'content', output: '_site' },
};
