/**
 * Handlebars renders a misspelt variable (`{{titel}}`) as nothing, so a doc author
 * would not notice it. This finds the page-level `{{name}}` / `{{name.key}}` whose
 * first name is neither in the page's data (front matter, site data) nor a helper.
 *
 * Only mustaches outside blocks are checked: inside `{{#each}}` or `{{#with}}` names
 * refer to another context that is not known before rendering.
 */
import type Handlebars from 'handlebars';

export interface UnknownVariable {
  name: string;
  /** 1-based line in the Handlebars source. */
  line: number;
}

/** Names Eleventy adds to a page's data only after the preprocessors have run. */
const ADDED_LATER = ['collections', 'content', 'eleventyComputed'];

export function findUnknownVariables(
  ast: hbs.AST.Program,
  data: Record<string, unknown>,
  hbsInstance: typeof Handlebars,
): UnknownVariable[] {
  const computed = Object.keys((data.eleventyComputed as object | undefined) ?? {});
  const known = (name: string) =>
    name in data ||
    name in hbsInstance.helpers ||
    ADDED_LATER.includes(name) ||
    computed.includes(name);
  const unknown: UnknownVariable[] = [];
  for (const node of ast.body) {
    if (node.type !== 'MustacheStatement') continue;
    const mustache = node as hbs.AST.MustacheStatement;
    if (mustache.params.length || mustache.hash || mustache.path.type !== 'PathExpression')
      continue;
    const path = mustache.path as hbs.AST.PathExpression;
    const head = path.parts[0];
    if (path.data || path.depth > 0 || head === undefined || known(head)) continue;
    unknown.push({ name: path.original, line: mustache.loc.start.line });
  }
  return unknown;
}
