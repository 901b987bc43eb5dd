/**
 * Site-wide data for the layouts (name, API origin, Content-Security-Policy, session
 * mode, hosted login, header login state) and the copy of the site's own assets folder.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
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

/** The `particleDocs` site data the layouts and partials read. */
export function siteData(opts: ParticleDocsOptions) {
  return {
    siteName: opts.siteName,
    apiBase: opts.apiBase,
    csp: contentSecurityPolicy(opts.apiBase),
    memorySession: opts.session === 'memory',
    /** The site's stylesheet the plugin's layouts link, when its assets folder has one. */
    siteStylesheet:
      opts.assetsDir && existsSync(join(opts.assetsDir, 'site.css')) ? '/assets/site.css' : '',
    loginUrl: opts.loginUrl,
    loginCookie: opts.loginCookie,
    loginHeader: opts.loginHeader,
  };
}

export function registerSite(eleventyConfig: EleventyConfig, opts: ParticleDocsOptions): void {
  eleventyConfig.addGlobalData('particleDocs', siteData(opts));
  if (opts.assetsDir) eleventyConfig.addPassthroughCopy({ [opts.assetsDir]: 'assets' });
}
