/**
 * `{{loginPage collections.all page.url}}`: where the header's "Log in" goes without a
 * hosted login: this page or the first with `{{> sso}}`. The pages that have one are
 * found once per build (one collection array per build), not by scanning every page's
 * source again for each page.
 */

/** The part of an Eleventy collection item the helper reads. */
export interface LoginPageSource {
  url: string | false;
  /** The page's source after front matter (Eleventy 3). */
  rawInput?: unknown;
}

const USES_SSO = /\{\{>\s*sso\b/;

export function loginPageHelper(): (
  pages: LoginPageSource[] | undefined,
  currentUrl: string,
) => string {
  const ssoPages = new WeakMap<LoginPageSource[], string[]>();
  return (pages = [], currentUrl) => {
    let urls = ssoPages.get(pages);
    if (!urls) {
      urls = pages
        .filter((p) => p.url && USES_SSO.test(String(p.rawInput ?? '')))
        .map((p) => String(p.url))
        .sort((a, b) => a.localeCompare(b));
      ssoPages.set(pages, urls);
    }
    return urls.includes(currentUrl) ? currentUrl : (urls[0] ?? '');
  };
}
