/**
 * `particle-copy`: a copy button inside a widget was used. The widget that
 * contains it announces the outcome in its own live region (one per widget),
 * so the copy buttons carry none.
 */
export class ParticleCopyEvent extends Event {
  constructor(
    /** What was copied, in words ("token", "curl command"). */
    readonly what: string,
    /** Whether the clipboard accepted it. */
    readonly ok: boolean,
  ) {
    super('particle-copy', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'particle-copy': ParticleCopyEvent;
  }
}

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
