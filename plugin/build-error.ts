import { relative } from 'node:path';

/**
 * A mistake in the site's sources. The message starts with the file (and line when
 * known) so that an author can jump straight to it, then says what to do.
 */
export class BuildError extends Error {
  readonly file: string;
  readonly line: number | undefined;

  constructor(file: string, line: number | undefined, message: string) {
    const where = `${displayPath(file)}${line ? `:${line}` : ''}`;
    super(`[particle-docs] ${where}: ${message}`);
    this.name = 'BuildError';
    this.file = file;
    this.line = line;
  }
}

/** Paths in messages are relative to the working folder, as authors type them. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}
