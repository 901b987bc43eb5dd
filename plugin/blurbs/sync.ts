/**
 * `npm run blurbs -- sync`: when exactly one version of a blurb changed since the last
 * sync, copy it into every other copy and record the new hash. When copies disagree
 * in any other way, refuse and change nothing (no file, no registry entry).
 */
import { writeFileSync } from 'node:fs';
import { displayPath } from '../build-error.js';
import { readMarkdownFiles, type SourceFile } from '../source-files.js';
import { collectBlurbs } from './check.js';
import type { Blurb } from './parse.js';
import { hashText, type Registry, readRegistry, writeRegistry } from './registry.js';

export interface SyncPlan {
  /** Copies to rewrite: the blurb and the text it gets. */
  rewrites: { blurb: Blurb; text: string }[];
  registry: Registry;
  /** Why sync refuses; empty when it may proceed. */
  refusals: string[];
}

function where(blurb: Blurb): string {
  return `${displayPath(blurb.file)}:${blurb.line}`;
}

/** Decides what sync would do, without touching anything. */
function planSync(files: SourceFile[], previous: Registry): SyncPlan {
  const plan: SyncPlan = { rewrites: [], registry: { blurbs: {} }, refusals: [] };
  for (const [id, copies] of collectBlurbs(files)) {
    const texts = new Set(copies.map((copy) => copy.text));
    if (texts.size === 1) {
      plan.registry.blurbs[id] = hashText(copies[0]!.text);
      continue;
    }
    const known = previous.blurbs[id];
    const changed = copies.filter((copy) => hashText(copy.text) !== known);
    const changedTexts = new Set(changed.map((copy) => copy.text));
    if (known === undefined) {
      plan.refusals.push(
        `Shared blurb ${id} has differing copies and no entry in the registry, so sync cannot tell which one is new: ${copies.map(where).join(', ')}. Make them identical by hand.`,
      );
    } else if (changedTexts.size > 1) {
      plan.refusals.push(
        `Shared blurb ${id} was changed differently in several copies since the last sync: ${changed.map(where).join(', ')}. Keep one version by hand, then run sync again.`,
      );
    } else {
      const text = changed[0]!.text;
      for (const copy of copies) if (copy.text !== text) plan.rewrites.push({ blurb: copy, text });
      plan.registry.blurbs[id] = hashText(text);
    }
  }
  return plan;
}

export interface SyncResult {
  /** Human-readable lines: what was copied where. */
  changes: string[];
}

/** Runs sync over `contentDir`; throws (having written nothing) when it refuses. */
export function syncBlurbs(contentDir: string, registryFile: string): SyncResult {
  const files = readMarkdownFiles(contentDir);
  const plan = planSync(files, readRegistry(registryFile));
  if (plan.refusals.length) {
    throw new Error(
      `[particle-docs] blurbs sync refused, nothing changed:\n${plan.refusals.join('\n')}`,
    );
  }
  const byFile = new Map<string, { blurb: Blurb; text: string }[]>();
  for (const rewrite of plan.rewrites) {
    byFile.set(rewrite.blurb.file, [...(byFile.get(rewrite.blurb.file) ?? []), rewrite]);
  }
  const changes: string[] = [];
  for (const { file, source } of files) {
    const rewrites = byFile.get(file);
    if (!rewrites) continue;
    let updated = source;
    // From the end of the file backwards, so earlier offsets stay valid.
    for (const { blurb, text } of rewrites.sort((a, b) => b.blurb.start - a.blurb.start)) {
      updated = updated.slice(0, blurb.start) + text + updated.slice(blurb.end);
      changes.push(`updated shared blurb ${blurb.id} in ${where(blurb)}`);
    }
    writeFileSync(file, updated);
  }
  writeRegistry(registryFile, plan.registry);
  return { changes: changes.reverse() };
}
