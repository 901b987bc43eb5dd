import '../components/particle-secret.js';
import '../components/particle-snippet.js';
import { css, html, LitElement } from 'lit';
import { query } from 'lit/decorators/query.js';
import type { ApiUserCredentials } from '../api-helper/types.js';
import { customElement, property } from '../decorators.js';
import base from '../styles/base.styles.js';
import form from '../styles/form.styles.js';

/**
 * An API user's token, the one time the API returns it (at creation, and after its
 * scopes change): the username, the token masked with Show and Copy, a warning that
 * it is shown only once and never expires, and the equivalent curl with the
 * reader's own token redacted.
 *
 * @summary Shows a new API-user token once.
 * @fires particle-copy - From the Copy buttons; the containing widget announces it.
 * @csspart heading - The heading, focused when the token appears.
 * @csspart warning - The shown-once warning.
 */
@customElement('particle-api-user-token')
export class ParticleApiUserToken extends LitElement {
  static override styles = [
    base,
    form,
    css`
      /* Grid items default to their content's width: a long curl line would widen the whole result. */
      .result > *,
      dd {
        min-width: 0;
      }
      dl.facts {
        grid-template-columns: max-content minmax(0, 1fr);
      }
      h3 {
        margin: 0;
        font-size: 1.05rem;
      }
      .warning {
        margin: 0;
        padding: 0.5rem 0.75rem;
        border-inline-start: 4px solid var(--_danger);
        background: var(--_surface);
      }
      dd {
        overflow-wrap: anywhere;
        font-family: var(--_mono);
      }
    `,
  ];

  /** What happened, e.g. `API user created`. */
  @property() heading = 'API user created';

  /** The API user and its new token (a property only: an attribute would put it in the DOM). */
  @property({ attribute: false }) credentials?: ApiUserCredentials;

  /** The equivalent curl command, already redacted by the core's `toCurl`. */
  @property({ attribute: false }) command = '';

  @query('h3') private headingElement?: HTMLElement;

  /** Moves focus to the heading, so screen readers start reading at the result. */
  override focus(): void {
    this.headingElement?.focus();
  }

  override render() {
    const credentials = this.credentials;
    if (!credentials) return html``;
    return html`<section class="result" aria-labelledby="heading">
      <h3 id="heading" part="heading" tabindex="-1">${this.heading}</h3>
      <dl class="facts">
        <dt>Username</dt>
        <dd>${credentials.username}</dd>
      </dl>
      <particle-secret .value=${credentials.token} label="token"></particle-secret>
      <p class="warning" part="warning">
        <strong>Copy this token now: it is shown only once and never expires.</strong>
        Anyone who has it can use these scopes until you delete this API user or change its
        scopes.
      </p>
      <particle-snippet label="curl" .command=${this.command}></particle-snippet>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'particle-api-user-token': ParticleApiUserToken;
  }
}
