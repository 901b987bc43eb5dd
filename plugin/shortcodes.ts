/**
 * The widgets in Liquid and Nunjucks templates (and Markdown rendered by either): one
 * shortcode that renders the same partial `{{> name}}` renders in Handlebars, with the
 * same parameters and the same checks.
 *
 *   {% particleWidget "sso" %}
 *   {% particleWidget "cloud-api-user-list", "product", "4321" %}   name/value pairs: Liquid and Nunjucks
 *   {% particleWidget "sso", selectOrg=true %}                      keyword arguments: Nunjucks only
 *
 * Liquid shortcodes take positional arguments only, hence the pairs; values may be
 * variables (`"product", product.id`).
 */
import type Handlebars from 'handlebars';
import { BuildError } from './build-error.js';
import type { EleventyConfig } from './eleventy.js';
import { checkPartialUses } from './page-checks.js';
import type { PartialInfo } from './partials.js';

export const SHORTCODE = 'particleWidget';

/** What Eleventy passes as `this` to a shortcode. */
interface ShortcodeContext {
  page?: { inputPath?: string };
}

/** Nunjucks passes keyword arguments as a last object marked `__keywords`. */
function isKeywords(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && '__keywords' in value;
}

/** The widget's name and parameters, or a BuildError naming the page. */
function parseArguments(args: unknown[], file: string) {
  const [name, ...rest] = args;
  const usage = `Write {% ${SHORTCODE} "sso" %} or {% ${SHORTCODE} "cloud-api-user-list", "product", "4321" %}.`;
  if (typeof name !== 'string' || name === '') {
    throw new BuildError(file, undefined, `${SHORTCODE} needs the widget's name first. ${usage}`);
  }
  const params: Record<string, unknown> = {};
  const last = rest.at(-1);
  if (isKeywords(last)) {
    rest.pop();
    for (const [key, value] of Object.entries(last)) if (key !== '__keywords') params[key] = value;
  }
  if (rest.length % 2 !== 0) {
    throw new BuildError(
      file,
      undefined,
      `${SHORTCODE} "${name}": parameters come in name/value pairs, but ${rest.length} argument(s) follow the name. ${usage}`,
    );
  }
  for (let i = 0; i < rest.length; i += 2) {
    const key = rest[i];
    if (typeof key !== 'string') {
      throw new BuildError(
        file,
        undefined,
        `${SHORTCODE} "${name}": a parameter name must be a quoted string, received ${JSON.stringify(key)}. ${usage}`,
      );
    }
    params[key] = rest[i + 1];
  }
  return { name, params };
}

export function registerWidgetShortcodes(
  eleventyConfig: EleventyConfig,
  hbsInstance: typeof Handlebars,
  getPartials: () => Map<string, PartialInfo>,
  siteData: Record<string, unknown>,
): void {
  // Compiled once per partial source, so an edited partial under `npm start` recompiles.
  const compiled = new Map<string, Handlebars.TemplateDelegate>();
  function widget(this: ShortcodeContext, ...args: unknown[]): string {
    const file = this.page?.inputPath ?? '(unknown page)';
    const { name, params } = parseArguments(args, file);
    const partials = getPartials();
    checkPartialUses([{ name, params: Object.keys(params), line: 0 }], partials, file);
    const { template } = partials.get(name)!;
    let render = compiled.get(template);
    if (!render) {
      render = hbsInstance.compile(template);
      compiled.set(template, render);
    }
    return render({ ...params, particleDocs: siteData });
  }
  eleventyConfig.addLiquidShortcode(SHORTCODE, widget);
  eleventyConfig.addNunjucksShortcode(SHORTCODE, widget);
}
