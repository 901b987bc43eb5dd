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
  const parsed = JSON.parse(raw) as Partial<Registry>;
  if (typeof parsed.blurbs !== 'object' || parsed.blurbs === null) {
    throw new Error(`[particle-docs] ${file} is not a blurb registry (expected {"blurbs": {…}}).`);
  }
  return { blurbs: parsed.blurbs };
}

export function writeRegistry(file: string, registry: Registry): void {
  const sorted = Object.fromEntries(
    Object.entries(registry.blurbs).sort(([a], [b]) => a.localeCompare(b)),
  );
  writeFileSync(file, `${JSON.stringify({ blurbs: sorted }, null, 2)}\n`);
}
