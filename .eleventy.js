// The site's Eleventy config: our plugin with its options, and where the site lives.
// Run it through `npm run build` / `npm start` (tsx loads the TypeScript plugin).
import particleDocs, { templateConfig } from './plugin/index.js';

export default function (eleventyConfig) {
  eleventyConfig.addPlugin(particleDocs, {
    // `||`: a variable that is set but empty (`PARTICLE_API_BASE= npm run build`) means unset.
    apiBase: process.env.PARTICLE_API_BASE || 'https://api.particle.io',
    session: process.env.PARTICLE_DOCS_SESSION || 'default',
    // Any value but empty, 0 or false: CI files often say STRICT_LINKS=true.
    strictLinks: !['', '0', 'false'].includes(process.env.STRICT_LINKS ?? ''),
  });
}

export const config = {
  ...templateConfig,
  dir: { input: 'content', output: '_site' },
};
