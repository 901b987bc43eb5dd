// @11ty/eleventy-plugin-handlebars ships no types; it is an Eleventy plugin function.
declare module '@11ty/eleventy-plugin-handlebars' {
  const plugin: (eleventyConfig: unknown, options?: { eleventyLibraryOverride?: unknown }) => void;
  export default plugin;
}

// Eleventy 3 ships no types; the plugin uses this function of its HtmlBasePlugin.
declare module '@11ty/eleventy' {
  export const HtmlBasePlugin: {
    /** `url` with the site's pathPrefix (`base`) applied, as the plugin's transform does. */
    applyBaseToUrl(url: string, base: string): string;
  };
}
