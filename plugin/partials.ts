/**
 * The partials folder: every `*.hbs` file is a partial named after its path without
 * the extension (`partials/sso.hbs` → `{{> sso}}`).
 *
 * A partial declares the hash parameters it accepts in a first-line comment, so a
 * misspelt parameter stops the build instead of being silently ignored:
 *
 *   {{!-- particle-docs params: product org --}}
 *
 * A partial without that line accepts no parameters.
 *
 * A partial whose markup is a widget element (`<particle-…>`) is registered with blank
 * lines around it. CommonMark starts an HTML block for a custom element only after a
 * blank line, and a blank line ends it; without them a partial written mid-paragraph or
 * right under a line of text lands inside a `<p>`, and its fallback spills out of it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface PartialInfo {
  name: string;
  /** What Handlebars renders: the source, with blank lines around a widget element. */
  template: string;
  params: string[];
}

const DECLARATION = /^\{\{!--\s*particle-docs params:([^}]*?)--\}\}/;

const WIDGET_MARKUP = /^(?:\s*\{\{!--[\s\S]*?--\}\})*\s*<particle-/;

/** The source as a Markdown HTML block wherever the author puts it (see above). */
function blockTemplate(source: string): string {
  return WIDGET_MARKUP.test(source) ? `\n\n${source}\n\n` : source;
}

function parseParams(source: string): string[] {
  const match = DECLARATION.exec(source);
  return match ? match[1]!.split(/[\s,]+/).filter(Boolean) : [];
}

/** Reads every partial under `dir` (sorted by name). */
export function loadPartials(dir: string): Map<string, PartialInfo> {
  const partials = new Map<string, PartialInfo>();
  let files: string[];
  try {
    files = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch {
    return partials;
  }
  for (const path of files.filter((f) => f.endsWith('.hbs')).sort()) {
    const file = join(dir, path);
    const name = relative(dir, file)
      .replace(/\.hbs$/, '')
      .split('\\')
      .join('/');
    const source = readFileSync(file, 'utf8');
    partials.set(name, { name, template: blockTemplate(source), params: parseParams(source) });
  }
  return partials;
}
