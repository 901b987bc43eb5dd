// @11ty/eleventy-plugin-handlebars ships no types; it is an Eleventy plugin function.
declare module '@11ty/eleventy-plugin-handlebars' {
  const plugin: (eleventyConfig: unknown, options?: { eleventyLibraryOverride?: unknown }) => void;
  export default plugin;
}
