/**
 * Which elements the site can load: every `particle-*.ts` file directly in the widgets
 * folder (style modules `*.styles.ts` excluded) is one element, defined by the bundle's
 * entry module.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface WidgetEntry {
  /** The custom element name, e.g. `particle-sso`. */
  tag: string;
  /** The source file, e.g. `widgets/particle-sso.ts`. */
  file: string;
}

const ENTRY = /^(particle-[a-z0-9-]+)\.ts$/;

export function findWidgetEntries(widgetsDir: string): WidgetEntry[] {
  let names: string[];
  try {
    names = readdirSync(widgetsDir);
  } catch {
    return [];
  }
  return names
    .filter((name) => !name.endsWith('.styles.ts') && !name.endsWith('.test.ts'))
    .map((name) => ENTRY.exec(name))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ tag: match[1]!, file: join(widgetsDir, match[0]) }))
    .sort((a, b) => a.tag.localeCompare(b.tag));
}

/** The URL of a bundle file, given by its path inside the widgets folder. */
export function widgetAssetUrl(file: string): string {
  return `/assets/widgets/${file}`;
}

/**
 * The bundle's `manifest.json` (see bundle.ts): which files a page loads first. Kept here,
 * not in bundle.ts, because a site using the prebuilt bundle reads it without esbuild.
 */
export const MANIFEST_FILE = 'manifest.json';

/** The site's widgets folder, where the bundle is written. */
export function widgetsOutDir(siteOutput: string): string {
  return join(siteOutput, 'assets', 'widgets');
}
