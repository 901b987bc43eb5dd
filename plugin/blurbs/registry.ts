/**
 * The blurb registry (`blurbs.json`, committed): the hash of each blurb's text at the
 * last sync. It lets `npm run blurbs -- sync` tell which copy changed since then.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

export interface Registry {
  /** Blurb id → sha256 of its text at the last sync. */
  blurbs: Record<string, string>;
}

export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function readRegistry(file: string): Registry {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch {
    return { blurbs: {} }; // first sync
  }
  const notRegistry = (why: string) =>
    new Error(
      `[particle-docs] ${file} is not a blurb registry (${why}; expected {"blurbs": {"<uuid>": "<sha256>"}}). Fix it, or delete it to start over.`,
    );
  let parsed: Partial<Registry> | null;
  try {
    parsed = JSON.parse(raw) as Partial<Registry> | null;
  } catch (error) {
    // A merge conflict left in the file is the usual cause; say where, not just "JSON".
    throw notRegistry((error as Error).message);
  }
  if (typeof parsed?.blurbs !== 'object' || parsed.blurbs === null) {
    throw notRegistry('no "blurbs" object');
  }
  return { blurbs: parsed.blurbs };
}

export function writeRegistry(file: string, registry: Registry): void {
  const sorted = Object.fromEntries(
    Object.entries(registry.blurbs).sort(([a], [b]) => a.localeCompare(b)),
  );
  writeFileSync(file, `${JSON.stringify({ blurbs: sorted }, null, 2)}\n`);
}
