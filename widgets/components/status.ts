import { html, nothing } from 'lit';

/** What a widget's live region says: a progress hint, a result, or an error sentence. */
export interface StatusMessage {
  tone: 'busy' | 'info' | 'success' | 'error';
  text: string;
}

/**
 * A widget's one live region (`role="status"`). Render it always, empty when
 * there is nothing to say, so screen readers track it from the start. It takes
 * focus (`tabindex="-1"`) when an error has no field to point at. The busy tone
 * shows a spinner, which is the visible progress hint.
 */
export function statusLine(id: string, message: StatusMessage | null) {
  const tone = message
    ? { busy: 'busy-hint', info: '', success: 'success', error: 'error' }[message.tone]
    : '';
  return html`<p id=${id} class="status" part="status" role="status" tabindex="-1">${
    message ? html`<span class=${tone}>${message.text}</span>` : nothing
  }</p>`;
}
