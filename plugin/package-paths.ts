/**
 * Where the plugin finds its own files: inside the package, from this module's URL,
 * whatever the site's working folder. `dist/` mirrors the repository's folders
 * (scripts/build-package.ts), so the same relative paths hold for the TypeScript
 * sources (this repository, under tsx) and for the compiled package a site installs.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root when running from sources, the package's `dist/` when compiled. */
const base = fileURLToPath(new URL('..', import.meta.url));

/**
 * Running from the TypeScript sources: the widgets are bundled from `widgets/` on every
 * build (live editing under `npm start`). Compiled: they come prebuilt with the package.
 */
export const fromSources = import.meta.url.endsWith('.ts');

export const pluginPartialsDir = `${base}partials`;
export const pluginLayoutsDir = `${base}layouts`;
export const widgetSourcesDir = `${base}widgets`;
export const prebuiltWidgetsDir = `${base}prebuilt`;
export const widgetStylesheetFile = fileURLToPath(
  new URL('./widgets/particle-widgets.css', import.meta.url),
);

/**
 * The plugin's folder followed by the site's own (when set and not the same folder), as
 * absolute paths: what the site adds comes last, so a same-named file of the site wins.
 */
export function withSiteDir(pluginDir: string, siteDir: string): string[] {
  const dirs = [resolve(pluginDir)];
  if (siteDir && !dirs.includes(resolve(siteDir))) dirs.push(resolve(siteDir));
  return dirs;
}
