/**
 * What the API-user widgets' logged-in views share (`create-view.ts`, `list-view.ts`):
 * the target picker bound to the widget, and the sentence of a failed call. In the
 * logged-in chunk, so a logged-out page does not download them.
 */
import { html } from 'lit';
import type { ApiUserWidget } from './api-user-widget.js';
import { errorSentence } from './error-sentence.js';
import type { ParticleTargetPicker } from './target-picker.js';

/** Says why a call failed, naming `label` on a 403, and moves the focus to the sentence. */
export async function sayFailure(
  host: ApiUserWidget,
  error: unknown,
  label = 'that product or organization',
): Promise<void> {
  host.status = { text: errorSentence(error, label), tone: 'error' };
  await host.focusStatus();
}

/** The Product / Organization picker; its choice becomes the widget's `target`. */
export function targetPicker(host: ApiUserWidget, sessionOrg: string | undefined, busy: boolean) {
  return html`<particle-target-picker
    exportparts="kind, select"
    .api=${host.session.api}
    .product=${host.product}
    .org=${host.org}
    .sessionOrg=${sessionOrg}
    ?disabled=${busy}
    @change=${(e: Event) => {
      host.target = (e.target as ParticleTargetPicker).value;
    }}
    @load-error=${(e: CustomEvent<string>) => {
      host.status = { text: e.detail, tone: 'error' };
    }}
  ></particle-target-picker>`;
}
