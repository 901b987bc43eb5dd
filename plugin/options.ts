/**
 * The plugin's options: defaults merged once, every key and type checked up front,
 * so a misspelt option fails the build instead of being ignored.
 */

export type SessionMode = 'default' | 'memory';

export interface ParticleDocsOptions {
  /** API origin the widgets talk to; also allowed by the page's CSP `connect-src`. */
  apiBase: string;
  /** Shown in the header and after every page title. */
  siteName: string;
  /**
   * Folder of `particle-*.ts` element sources to bundle with esbuild instead of the
   * package's own elements (needs esbuild and a tsconfig with experimentalDecorators).
   * Empty: the package's elements, prebuilt (or bundled from its sources in this repository).
   */
  widgetsDir: string;
  /** The site's own `*.hbs` partials, added to the plugin's (a same-named one replaces the plugin's). */
  partialsDir: string;
  /** The site's own `*.hbs` layouts (`layout: x.hbs`), added to the plugin's `base.hbs` and `commonTwo.hbs`. */
  layoutsDir: string;
  /** The site's own folder copied to `<output>/assets/`; its `site.css` is linked by the plugin's layouts. */
  assetsDir: string;
  /** 'memory' tells the widgets to keep sessions in memory only. */
  session: SessionMode;
  /** Fail the build (instead of warning) when an internal link resolves to no page. */
  strictLinks: boolean;
}

const defaultOptions: ParticleDocsOptions = {
  apiBase: 'https://api.particle.io',
  siteName: 'Particle Docs',
  widgetsDir: '',
  partialsDir: '',
  layoutsDir: '',
  assetsDir: '',
  session: 'default',
  strictLinks: false,
};

const PREFIX = '[particle-docs]';

function optionError(message: string): Error {
  return new Error(`${PREFIX} ${message}`);
}

/** Merges `options` over the defaults; throws on unknown keys and wrong types. */
export function normalizeOptions(options: Record<string, unknown> = {}): ParticleDocsOptions {
  const valid = Object.keys(defaultOptions);
  for (const key of Object.keys(options)) {
    if (!valid.includes(key)) {
      throw optionError(`Unknown option "${key}". Valid options: ${valid.join(', ')}.`);
    }
  }
  const merged = { ...defaultOptions } as Record<string, unknown>;
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined) continue;
    const expected = typeof defaultOptions[key as keyof ParticleDocsOptions];
    if (typeof value !== expected) {
      throw optionError(
        `Option "${key}" must be a ${expected}, received ${JSON.stringify(value)}.`,
      );
    }
    merged[key] = value;
  }
  const result = merged as unknown as ParticleDocsOptions;
  if (result.session !== 'default' && result.session !== 'memory') {
    throw optionError(
      `Option "session" must be "default" or "memory", received "${result.session}".`,
    );
  }
  let api: URL;
  try {
    api = new URL(result.apiBase);
  } catch {
    throw optionError(
      `Option "apiBase" must be an absolute http(s) URL, received "${result.apiBase}".`,
    );
  }
  if (api.protocol !== 'http:' && api.protocol !== 'https:') {
    throw optionError(`Option "apiBase" must be an http(s) URL, received "${result.apiBase}".`);
  }
  // The widgets append paths (`/v1/...`) to the origin; keep it without a trailing slash.
  result.apiBase = result.apiBase.replace(/\/+$/, '');
  return result;
}
