import type { EleventyConfig } from './eleventy.js';

/**
 * A warning an author must see even in `--quiet` builds (Eleventy's own `warn()` is
 * silenced by quiet mode).
 */
export function warn(eleventyConfig: EleventyConfig, message: string): void {
  eleventyConfig.logger.logWithOptions({ message, type: 'warn', color: 'yellow', force: true });
}
