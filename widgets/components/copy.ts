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

/** What a widget's live region says for a ParticleCopyEvent. */
export function copyStatus(event: ParticleCopyEvent): { tone: 'success' | 'error'; text: string } {
  return event.ok
    ? { tone: 'success', text: `Copied the ${event.what} to the clipboard.` }
    : {
        tone: 'error',
        text: `Could not copy the ${event.what}: the browser blocked the clipboard. Select it and copy it by hand.`,
      };
}
