import { css, html, LitElement } from 'lit';
import { customElement, property, state } from '../decorators.js';
import { ParticleCopyEvent } from '../events.js';
import base from '../styles/base.styles.js';
import form from '../styles/form.styles.js';
import { copyText } from './copy.js';

/** Characters shown at each end of a masked secret. */
const VISIBLE = 4;

/**
 * The masked form of a secret: its first and last four characters around a
 * fixed run of dots (so the mask does not give away the length). Secrets too
 * short to keep anything hidden are masked completely.
 */
export function maskSecret(secret: string): string {
  if (secret.length < VISIBLE * 3) return '•'.repeat(8);
  return `${secret.slice(0, VISIBLE)}${'•'.repeat(8)}${secret.slice(-VISIBLE)}`;
}

/**
 * @summary A secret (access token) shown masked, with Show/Hide and Copy buttons.
 *
 * The full value is not in the DOM until the reader presses Show; Copy writes the
 * full value to the clipboard either way. A new `value` is masked again.
 *
 * @example
 * html`<particle-secret .value=${grant.accessToken} label="token"></particle-secret>`
 *
 * @fires particle-copy - {ParticleCopyEvent} after Copy; the containing widget announces it.
 * @csspart value - The `<code>` holding the masked or shown secret.
 * @csspart toggle - The Show/Hide button.
 * @csspart copy - The Copy button.
 * @cssprop [--particle-mono=ui-monospace] - Font of the secret.
 */
@customElement('particle-secret')
export class ParticleSecret extends LitElement {
  static override styles = [
    base,
    form,
    css`
      .secret,
      .buttons {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem;
      }
      code {
        font-family: var(--_mono);
        padding: 0.3rem 0.5rem;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_surface);
        overflow-wrap: anywhere;
      }
    `,
  ];

  /** The secret. A property only: an attribute would put it in the DOM. */
  @property({ attribute: false }) value = '';

  /** What the secret is, in words, used in the button names ("Show token"). */
  @property() label = 'token';

  @state() private shown = false;

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('value')) this.shown = false;
  }

  override render() {
    return html`<div class="secret">
      <code part="value">${this.shown ? this.value : this.masked()}</code>
      <span class="buttons">
        <button type="button" part="toggle" @click=${() => (this.shown = !this.shown)}>
          ${`${this.shown ? 'Hide' : 'Show'} ${this.label}`}
        </button>
        <button type="button" part="copy" @click=${this.copy}>Copy ${this.label}</button>
      </span>
    </div>`;
  }

  private masked() {
    const masked = maskSecret(this.value);
    return html`<span aria-hidden="true">${masked}</span
      ><span class="visually-hidden">${this.label} hidden; press Show ${this.label} to read it</span>`;
  }

  private async copy() {
    const ok = await copyText(this.value);
    this.dispatchEvent(new ParticleCopyEvent(this.label, ok));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'particle-secret': ParticleSecret;
  }
}
