/** Clipboard writes for the copy buttons, and the sentence a widget announces for them. */
import type { ParticleCopyEvent } from '../events.js';

/** Writes `text` to the clipboard; false when the browser refuses (no permission, no API). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** The sentence a widget announces for a ParticleCopyEvent. */
export function copyMessage(event: ParticleCopyEvent): string {
  return event.ok
    ? `Copied the ${event.what} to the clipboard.`
    : `Could not copy the ${event.what}: the browser blocked the clipboard. Select it and copy it by hand.`;
}
