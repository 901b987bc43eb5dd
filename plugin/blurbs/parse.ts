/**
 * Shared blurbs: text that several pages carry word for word, between
 *
 *   {{!-- BEGIN shared-blurb 1ef79152-ac34-11ec-b909-0242ac120002 --}}
 *   …Markdown (and Handlebars)…
 *   {{!-- END shared-blurb --}}
 *
 * The markers are Handlebars comments, so they render to nothing; this module finds
 * them and reports marker mistakes with file and line.
 */
import { BuildError } from '../build-error.js';

export interface Blurb {
  id: string;
  file: string;
  /** 1-based line of the BEGIN marker. */
  line: number;
  /** The text between the markers, exactly as in the file. */
  text: string;
  /** Offsets of `text` in the file, for rewriting it (`npm run blurbs -- sync`). */
  start: number;
  end: number;
}

const MARKER = /\{\{!--\s*(BEGIN|END) shared-blurb\b([\s\S]*?)--\}\}/g;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function lineAt(source: string, offset: number): number {
  return source.slice(0, offset).split('\n').length;
}

/** Every blurb in `source`; throws a BuildError at the first marker mistake. */
export function parseBlurbs(source: string, file: string): Blurb[] {
  const blurbs: Blurb[] = [];
  let open: { id: string; line: number; start: number } | undefined;
  for (const match of source.matchAll(MARKER)) {
    const line = lineAt(source, match.index);
    const [, kind, rest] = match;
    if (kind === 'BEGIN') {
      const id = rest!.trim();
      if (open) {
        throw new BuildError(
          file,
          line,
          `BEGIN shared-blurb inside blurb ${open.id} (opened on line ${open.line}). Blurbs cannot nest: add {{!-- END shared-blurb --}} before this line.`,
        );
      }
      if (!UUID.test(id)) {
        throw new BuildError(
          file,
          line,
          `Shared blurb id "${id}" is not a UUID (like 1ef79152-ac34-11ec-b909-0242ac120002).`,
        );
      }
      open = { id, line, start: match.index + match[0].length };
    } else {
      if (!open) {
        throw new BuildError(
          file,
          line,
          'END shared-blurb without a BEGIN shared-blurb before it. Remove it or add the BEGIN marker.',
        );
      }
      blurbs.push({
        id: open.id,
        file,
        line: open.line,
        text: source.slice(open.start, match.index),
        start: open.start,
        end: match.index,
      });
      open = undefined;
    }
  }
  if (open) {
    throw new BuildError(
      file,
      open.line,
      `Shared blurb ${open.id} is never closed: add {{!-- END shared-blurb --}} after its text.`,
    );
  }
  return blurbs;
}
