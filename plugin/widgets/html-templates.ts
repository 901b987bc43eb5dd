/**
 * The elements' Lit `html` templates are written indented over many lines, and that
 * indentation would ship as it is: esbuild's minifier keeps template literals as written.
 * `collapseHtmlWhitespace` removes the spaces and tabs on either side of each line break
 * in the static text of `html` templates of a TypeScript module, before esbuild reads it.
 * The line breaks stay, so the source maps still point at the right lines, and the
 * rendering does not change: a run of whitespace with a line break in it is one space
 * to the browser wherever white space collapses, and no template of the widgets puts
 * static text where it does not (their `<pre>` blocks hold only a `${…}`).
 *
 * The module is read just far enough to find those templates: comments, strings,
 * regular expressions and other template literals are skipped as they are, `${…}`
 * expressions are followed (with the templates nested in them). A static part with a
 * backslash is left as written (a `\` at the end of a line joins it to the next).
 */

const INDENTED_BREAK = /[ \t]*\n[ \t]*/g;

/** Characters after which a `/` starts a regular expression, not a division. */
const BEFORE_REGEX = new Set([...'(,=:[!&|?{};+-*%<>~^']);

export function collapseHtmlWhitespace(source: string): string {
  let out = '';
  let copied = 0; // source[0, copied) is in `out`
  let i = 0;

  /** Replaces source[start, end) by `text`. */
  const edit = (start: number, end: number, text: string) => {
    out += source.slice(copied, start) + text;
    copied = end;
  };

  const skipQuoted = (quote: string) => {
    for (i++; i < source.length && source[i] !== quote; i++) if (source[i] === '\\') i++;
    i++;
  };

  const skipRegex = () => {
    let inClass = false;
    for (i++; i < source.length; i++) {
      const c = source[i];
      if (c === '\\') i++;
      else if (c === '[') inClass = true;
      else if (c === ']') inClass = false;
      else if (c === '/' && !inClass) break;
      else if (c === '\n') return; // not a regular expression after all
    }
    i++;
  };

  /** The last character before `i` that is not white space, or '' at the start. */
  const previousSignificant = () => {
    for (let j = i - 1; j >= 0; j--) if (!/\s/.test(source[j]!)) return source[j]!;
    return '';
  };

  /** Code up to the `}` that closes a `${` (when `inExpression`), or to the end. */
  const code = (inExpression: boolean) => {
    let depth = 0;
    while (i < source.length) {
      const c = source[i]!;
      const next = source[i + 1];
      if (c === '/' && next === '/') {
        const end = source.indexOf('\n', i);
        i = end === -1 ? source.length : end;
      } else if (c === '/' && next === '*') {
        const end = source.indexOf('*/', i + 2);
        i = end === -1 ? source.length : end + 2;
      } else if (c === "'" || c === '"') skipQuoted(c);
      else if (c === '`') template(source.slice(Math.max(0, i - 4), i) === 'html');
      else if (c === '/' && BEFORE_REGEX.has(previousSignificant())) skipRegex();
      else if (c === '{') {
        depth++;
        i++;
      } else if (c === '}') {
        if (inExpression && depth === 0) {
          i++;
          return;
        }
        depth--;
        i++;
      } else i++;
    }
  };

  /** A template literal from its opening backtick; its static parts collapsed when `isHtml`. */
  const template = (isHtml: boolean) => {
    i++;
    let start = i;
    const part = (end: number) => {
      const text = source.slice(start, end);
      if (isHtml && !text.includes('\\')) {
        const collapsed = text.replace(INDENTED_BREAK, '\n');
        if (collapsed !== text) edit(start, end, collapsed);
      }
    };
    while (i < source.length) {
      const c = source[i];
      if (c === '\\') i += 2;
      else if (c === '`') {
        part(i);
        i++;
        return;
      } else if (c === '$' && source[i + 1] === '{') {
        part(i);
        i += 2;
        code(true);
        start = i;
      } else i++;
    }
  };

  code(false);
  return out + source.slice(copied);
}
