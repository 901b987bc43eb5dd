/**
 * Site-wide data for the layouts (name, API origin, Content-Security-Policy, session
 * mode) and the stylesheet copy.
 */
import type { EleventyConfig } from './eleventy.js';
import type { ParticleDocsOptions } from './options.js';

/** The page's CSP: nothing inline, scripts and styles from the site, API calls to apiBase. */
function contentSecurityPolicy(apiBase: string): string {
  const apiOrigin = new URL(apiBase).origin;
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `connect-src 'self' ${apiOrigin}`,
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');
}

export function registerSite(eleventyConfig: EleventyConfig, opts: ParticleDocsOptions): void {
  eleventyConfig.addGlobalData('particleDocs', {
    siteName: opts.siteName,
    apiBase: opts.apiBase,
    csp: contentSecurityPolicy(opts.apiBase),
    memorySession: opts.session === 'memory',
  });
  eleventyConfig.addPassthroughCopy({ [opts.assetsDir]: 'assets' });
}
