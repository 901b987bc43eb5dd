/**
 * Compiling Markdown pages with Handlebars, cheaply. A page is mostly static text with a
 * few `{{title}}` and `{{> partial}}` in it, and every page is different, so each is
 * compiled once per build; that compile was a fifth of a 3,000-page build:
 *
 * - The page checks have already parsed the page; its syntax tree is reused instead of
 *   parsing the same text again.
 * - Handlebars turns every piece of static text into a string literal of generated
 *   JavaScript, then has V8 compile that. Here the static text is taken out of the tree
 *   first and handed to the template as `@particleText.N` data at render time, so the
 *   generated function stays a few lines long whatever the size of the page.
 * - Without its text, a page is its "shape": the sequence of `{{title}}`, `{{> sso}}`
 *   and blocks between the pieces of text. Docs pages share a few shapes, so one
 *   compiled template serves every page of the same shape (a 1,000-page site of seed
 *   pages compiles one), instead of running Handlebars' compiler for each page.
 *
 * - The tree is given up as soon as the checks are done with it: the page keeps only its
 *   text and its shape's key, and a shape keeps the tree of its first page until it is
 *   compiled. A syntax tree weighs about 50 KB for a seed-sized page, and Eleventy reads
 *   (and checks) every page before it renders the first: holding them all cost 50 MB of
 *   heap at 1,000 pages, 150 MB at 3,000, and the garbage collector's time with them.
 *
 * The output is the same: the text goes out unescaped, exactly as Handlebars would
 * write it. One difference nobody reads: a helper's `options.loc` (the line of the call,
 * which Handlebars itself never uses when rendering) is that of the first page of the
 * shape.
 */
import type Handlebars from 'handlebars';

type Program = hbs.AST.Program;
type Statement = hbs.AST.Statement;
type Template = Handlebars.TemplateDelegate;

const DATA_NAME = 'particleText';

/**
 * Replaces each ContentStatement in `program` (and its blocks) by `{{{@particleText.N}}}`,
 * and drops the comments: they compile to nothing (the parser has already applied their
 * whitespace control), and a comment's text, such as a blurb marker's, would make every
 * page a shape of its own.
 */
function hoistText(program: Program, texts: string[]): void {
  program.body = program.body.flatMap((node): Statement[] => {
    if (node.type === 'CommentStatement') return [];
    if (node.type === 'ContentStatement') {
      const index = String(texts.push((node as hbs.AST.ContentStatement).value) - 1);
      const path: hbs.AST.PathExpression = {
        type: 'PathExpression',
        data: true,
        depth: 0,
        parts: [DATA_NAME, index],
        original: `@${DATA_NAME}.${index}`,
        loc: node.loc,
      };
      const mustache: hbs.AST.MustacheStatement = {
        type: 'MustacheStatement',
        path,
        params: [],
        hash: undefined as unknown as hbs.AST.Hash,
        escaped: false,
        strip: { open: false, close: false },
        loc: node.loc,
      };
      return [mustache];
    }
    const block = node as Partial<hbs.AST.BlockStatement>;
    if (block.program) hoistText(block.program, texts);
    if (block.inverse) hoistText(block.inverse, texts);
    return [node];
  });
}

/** The tree without its source positions: equal for pages that compile to the same code. */
function shapeKey(ast: Program): string {
  return JSON.stringify(ast, (key, value) => (key === 'loc' ? undefined : value));
}

/** What is kept of a checked page until Eleventy compiles it. */
interface HoistedPage {
  texts: string[];
  shape: string;
}

export interface PageCompiler {
  /** Keeps what the compile that follows needs of a page's tree (not the tree). */
  remember(source: string, ast: Program): void;
  /** Drops pages no compile asked for (pages Eleventy did not render). */
  forget(): void;
}

/**
 * Makes `hbsInstance.compile` (which the Eleventy Handlebars plugin calls for every
 * template) use the remembered text and shape of a page. Layouts, partials and anything
 * else not remembered compile as before.
 */
export function installPageCompiler(hbsInstance: typeof Handlebars): PageCompiler {
  const pages = new Map<string, HoistedPage>();
  /** The tree of a shape not compiled yet (its first page's), for its compile. */
  const shapeTrees = new Map<string, Program>();
  // Kept across builds: a shape's code depends on nothing but the shape and the compile
  // options (partials and helpers are looked up by name when the page renders).
  const templates = new Map<string, Template>();
  const compiledShapes = new Set<string>();
  const compile = hbsInstance.compile.bind(hbsInstance);
  /** The shape's template under `options`; none when its tree is gone (other options). */
  const templateFor = (shape: string, options: CompileOptions | undefined) => {
    const key = `${JSON.stringify(options ?? {})}\n${shape}`;
    let template = templates.get(key);
    const ast = shapeTrees.get(shape);
    if (!template && ast) {
      template = compile(ast, options);
      templates.set(key, template);
      shapeTrees.delete(shape);
      compiledShapes.add(shape);
    }
    return template;
  };
  hbsInstance.compile = ((input: unknown, options?: CompileOptions): Template => {
    const page = typeof input === 'string' ? pages.get(input) : undefined;
    const shared = page && templateFor(page.shape, options);
    if (!page || !shared) return compile(input, options);
    pages.delete(input as string);
    const { texts } = page;
    return (context, runtimeOptions = {}) =>
      shared(context, {
        ...runtimeOptions,
        data: { ...runtimeOptions.data, [DATA_NAME]: texts },
      });
  }) as typeof hbsInstance.compile;
  return {
    remember(source, ast) {
      const texts: string[] = [];
      hoistText(ast, texts);
      const shape = shapeKey(ast);
      if (!compiledShapes.has(shape) && !shapeTrees.has(shape)) shapeTrees.set(shape, ast);
      pages.set(source, { texts, shape });
    },
    forget: () => pages.clear(),
  };
}
