/**
 * An esbuild plugin that minifies the CSS of Lit's `css` templates at build time with
 * esbuild's own CSS minifier, so the elements ship no indentation or comments in their
 * styles. Only templates without `${…}` are touched (the widgets have none), and a
 * result that would need escaping in a template literal is left as written. The same
 * plugin collapses the indentation of the `html` templates (`html-templates.ts`).
 */
import { readFile } from 'node:fs/promises';
import { type Plugin, transform } from 'esbuild';
import { collapseHtmlWhitespace } from './html-templates.js';

const CSS_TEMPLATE = /\bcss`([^`$\\]*)`/g;

export async function minifyCss(source: string): Promise<string> {
  const { code } = await transform(source, { loader: 'css', minify: true });
  return code.trim();
}

export async function minifyCssInModule(code: string): Promise<string> {
  const templates = [...code.matchAll(CSS_TEMPLATE)];
  if (templates.length === 0) return code;
  const minified = await Promise.all(templates.map((match) => minifyCss(match[1]!)));
  let index = 0;
  return code.replace(CSS_TEMPLATE, (whole) => {
    const css = minified[index++]!;
    return /[`$\\]/.test(css) ? whole : `css\`${css}\``;
  });
}

export function minifyCssTemplates(): Plugin {
  return {
    name: 'particle-minify-css-templates',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, async ({ path }) => {
        if (path.includes('node_modules')) return undefined;
        const source = await readFile(path, 'utf8');
        const html = source.includes('html`') ? collapseHtmlWhitespace(source) : source;
        const contents = html.includes('css`') ? await minifyCssInModule(html) : html;
        return contents === source ? undefined : { contents, loader: 'ts' };
      });
    },
  };
}
