/**
 * Checks each Markdown page before it renders: its Handlebars parses, every `{{> partial}}`
 * exists and gets only the parameters it declares, and `includeDefinitions` names
 * known entries. Throwing here stops the build before the page is written, with file
 * and line. An unknown `{{variable}}` is only a warning: the page is still correct HTML.
 */
import { readFileSync } from 'node:fs';
import type Handlebars from 'handlebars';
import { BuildError, displayPath } from './build-error.js';
import type { EleventyConfig } from './eleventy.js';
import { checkIncludeDefinitions } from './include-definitions.js';
import { warn } from './log.js';
import { findUnknownVariables } from './page-variables.js';
import type { PartialInfo } from './partials.js';
import { lastReadSource } from './source-files.js';

type Node = hbs.AST.Node & Record<string, unknown>;

interface PartialUse {
  name: string;
  params: string[];
  line: number;
}

/**
 * Handlebars' own parse error counts lines from the end of the front matter and names no
 * file; re-thrown as a BuildError with the file and the line an editor shows.
 */
function parsePage(
  hbsInstance: typeof Handlebars,
  source: string,
  file: string,
  lineOffset: number,
): hbs.AST.Program {
  try {
    return hbsInstance.parse(source);
  } catch (error) {
    const { message, lineNumber } = error as Error & { lineNumber?: number };
    const line = lineNumber ?? Number(/^Parse error on line (\d+):/.exec(message)?.[1]);
    const detail = message.replace(/^Parse error on line \d+:\n/, '');
    throw new BuildError(
      file,
      Number.isNaN(line) ? undefined : line + lineOffset,
      `Handlebars syntax error (an unclosed {{ or a block without its end?):\n${detail}`,
    );
  }
}

/** Every statically named partial used in `ast`, with its hash keys and line. */
function findPartialUses(ast: hbs.AST.Program): PartialUse[] {
  const uses: PartialUse[] = [];
  const visit = (node: Node | undefined | null): void => {
    if (!node) return;
    if (node.type === 'PartialStatement' || node.type === 'PartialBlockStatement') {
      const partial = node as unknown as hbs.AST.PartialStatement;
      if (partial.name.type === 'PathExpression') {
        uses.push({
          name: (partial.name as hbs.AST.PathExpression).original,
          params: partial.hash?.pairs.map((pair) => pair.key) ?? [],
          line: partial.loc.start.line,
        });
      }
    }
    for (const key of ['body', 'program', 'inverse'] as const) {
      const child = node[key] as Node | Node[] | undefined;
      if (Array.isArray(child)) child.forEach(visit);
      else visit(child);
    }
  };
  visit(ast as unknown as Node);
  return uses;
}

/** 1-based line of the first `{{> partial}}` in `content`, if any. */
function partialLine(content: string): number | undefined {
  const at = content.search(/\{\{~?>/);
  return at < 0 ? undefined : content.slice(0, at).split('\n').length;
}

/** Lines of front matter before `body` in the file, so reported lines match the editor. */
function bodyLineOffset(file: string, body: string): number {
  try {
    // The checks before the build have just read every page.
    const raw = lastReadSource(file) ?? readFileSync(file, 'utf8');
    const at = raw.lastIndexOf(body);
    return at < 0 ? 0 : raw.slice(0, at).split('\n').length - 1;
  } catch {
    return 0; // a virtual template has no file
  }
}

export function checkPartialUses(
  uses: PartialUse[],
  partials: Map<string, PartialInfo>,
  file: string,
  lineOffset = 0,
): void {
  for (const use of uses) {
    const line = use.line + lineOffset;
    const partial = partials.get(use.name);
    if (!partial) {
      const known = [...partials.keys()].join(', ');
      throw new BuildError(file, line, `Unknown partial "${use.name}". Known partials: ${known}.`);
    }
    for (const param of use.params) {
      if (!partial.params.includes(param)) {
        const valid = partial.params.length ? partial.params.join(', ') : 'none';
        throw new BuildError(
          file,
          line,
          `Unknown parameter "${param}" for partial "${use.name}". Valid parameters: ${valid}.`,
        );
      }
    }
  }
}

export function registerPageChecks(
  eleventyConfig: EleventyConfig,
  hbsInstance: typeof Handlebars,
  getPartials: () => Map<string, PartialInfo>,
  /** Hands the parsed page on, so that it is not parsed again to compile it. */
  parsed: (source: string, ast: hbs.AST.Program) => void = () => {},
): void {
  // Under `npm start --incremental`, Eleventy runs preprocessors on every page for each
  // edit; a page whose file and partials are as at its last passing check is not checked
  // again (its warnings were shown then).
  const passed = new Map<string, { source: string; partials: string }>();
  const partialsKey = new WeakMap<Map<string, PartialInfo>, string>();
  const partialsSignature = (partials: Map<string, PartialInfo>) => {
    let key = partialsKey.get(partials);
    if (key === undefined) {
      key = [...partials.values()].map((p) => `${p.name}(${p.params.join(',')})`).join(' ');
      partialsKey.set(partials, key);
    }
    return key;
  };

  eleventyConfig.addPreprocessor('particle-docs-page-checks', 'md', function (data, content) {
    const file = this.inputPath;
    const source = lastReadSource(file);
    const partials = partialsSignature(getPartials());
    const last = passed.get(file);
    if (source !== undefined && last?.source === source && last.partials === partials) {
      return undefined;
    }
    const syntax = (data.page as { templateSyntax?: string } | undefined)?.templateSyntax;
    checkIncludeDefinitions(data.includeDefinitions, file);
    // A site that keeps Liquid or Nunjucks for Markdown: its pages are its own business,
    // unless one uses a partial, which only Handlebars understands.
    if (syntax !== undefined && !syntax.split(',').includes('hbs')) {
      const line = partialLine(content);
      if (line === undefined) return undefined;
      throw new BuildError(
        file,
        line + bodyLineOffset(file, content),
        `This page uses a Handlebars partial ({{> …}}) but renders with "${syntax}". Opt it into Handlebars with \`templateEngineOverride: hbs,md\` in its front matter (or its folder's data file), use the shortcode ({% particleWidget "sso" %}), or render every Markdown page with Handlebars: spread \`templateConfig\` from the plugin into the \`config\` export of your Eleventy config file.`,
      );
    }
    const lineOffset = bodyLineOffset(file, content);
    const ast = parsePage(hbsInstance, content, file, lineOffset);
    checkPartialUses(findPartialUses(ast), getPartials(), file, lineOffset);
    for (const { name, line } of findUnknownVariables(ast, data, hbsInstance)) {
      warn(
        eleventyConfig,
        `[particle-docs] ${displayPath(file)}:${line + lineOffset}: {{${name}}} is not in this page's data (front matter or site data), so it renders as nothing.`,
      );
    }
    parsed(content, ast);
    if (source !== undefined) passed.set(file, { source, partials });
    return undefined;
  });
}
