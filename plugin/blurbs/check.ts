/**
 * The cross-page check: every copy of a blurb id must have the same text. The build
 * and `npm run blurbs -- check` both run it; neither writes anything.
 */
import { BuildError, displayPath } from '../build-error.js';
import type { SourceFile } from '../source-files.js';
import { type Blurb, parseBlurbs } from './parse.js';

/** Blurbs of a file already parsed (readMarkdownFiles returns unchanged files as the same object). */
const parsed = new WeakMap<SourceFile, Blurb[]>();

function blurbsOf(file: SourceFile): Blurb[] {
  let blurbs = parsed.get(file);
  if (!blurbs) {
    blurbs = parseBlurbs(file.source, file.file);
    parsed.set(file, blurbs);
  }
  return blurbs;
}

/** Blurbs grouped by id, in file order. Throws on marker mistakes. */
export function collectBlurbs(files: SourceFile[]): Map<string, Blurb[]> {
  const byId = new Map<string, Blurb[]>();
  for (const file of files) {
    for (const blurb of blurbsOf(file)) {
      const copies = byId.get(blurb.id);
      if (copies) copies.push(blurb);
      else byId.set(blurb.id, [blurb]);
    }
  }
  return byId;
}

/** Where two texts first differ, as 0-based line index, or -1 when equal. */
function firstDifferingLine(a: string, b: string): number {
  if (a === b) return -1;
  const linesA = a.split('\n');
  const linesB = b.split('\n');
  for (let i = 0; i < Math.max(linesA.length, linesB.length); i++) {
    if (linesA[i] !== linesB[i]) return i;
  }
  return -1;
}

function describeDifference(first: Blurb, other: Blurb): string {
  const index = firstDifferingLine(first.text, other.text);
  const show = (blurb: Blurb) => {
    const text = blurb.text.split('\n')[index];
    return `  ${displayPath(blurb.file)}:${blurb.line + index}: ${text === undefined ? '(no line)' : JSON.stringify(text)}`;
  };
  return [
    `Shared blurb ${first.id} differs between ${displayPath(first.file)}:${first.line} and ${displayPath(other.file)}:${other.line}. First differing line:`,
    show(first),
    show(other),
    'Make the copies identical, or edit one copy and run `npm run blurbs -- sync`.',
  ].join('\n');
}

/** Throws a BuildError (naming both files) for the first blurb whose copies differ. */
export function checkBlurbs(files: SourceFile[]): Map<string, Blurb[]> {
  const byId = collectBlurbs(files);
  for (const copies of byId.values()) {
    const [first, ...others] = copies;
    const other = others.find((copy) => copy.text !== first!.text);
    if (other) throw new BuildError(other.file, other.line, describeDifference(first!, other));
  }
  return byId;
}
