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
  /**
   * Origin of a hosted login (single sign-on), e.g. `https://login.particle.io`; empty for
   * none. Where its cookie can be read, `<particle-sso>` offers "Log in with Particle" first.
   */
  loginUrl: string;
  /** The cookie the hosted login leaves: JSON `{"authenticated":{"username","access_token"}}`. */
  loginCookie: string;
  /** Show the login state ("Log in" / "Logged in as …") in every page's header. */
  loginHeader: boolean;
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
  loginUrl: '',
  loginCookie: 'ember_simple_auth_session',
  loginHeader: true,
};

/** A cookie name as RFC 6265 allows it (an HTTP token). */
const COOKIE_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

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
  // The widgets append paths (`/v1/...`, `/login`) to these; keep them without a trailing slash.
  result.apiBase = httpUrl('apiBase', result.apiBase);
  if (result.loginUrl !== '') result.loginUrl = httpUrl('loginUrl', result.loginUrl);
  if (!COOKIE_NAME.test(result.loginCookie)) {
    throw optionError(
      `Option "loginCookie" must be a cookie name (letters, digits, - _ . and the like), received "${result.loginCookie}".`,
    );
  }
  return result;
}

/** `value` as an absolute http(s) URL without trailing slashes; throws naming `key` otherwise. */
function httpUrl(key: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw optionError(`Option "${key}" must be an absolute http(s) URL, received "${value}".`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw optionError(`Option "${key}" must be an http(s) URL, received "${value}".`);
  }
  return value.replace(/\/+$/, '');
}
