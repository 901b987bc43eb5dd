import { css, html, LitElement } from 'lit';
import { customElement, property, state } from '../decorators.js';
import base from '../styles/base.styles.js';
import form from '../styles/form.styles.js';

/** What `<particle-sso>` offers other elements (architecture.md, "Site options"). */
interface LoginForm extends HTMLElement {
  focusLogin(): void;
}

/**
 * Shown by the API-user widgets instead of their form when nobody is logged in (or the
 * session expired): one sentence and a Log in button that takes the reader to the
 * page's first `<particle-sso>` and focuses its Email field. A page without one gets
 * a sentence saying where to log in instead of a button that does nothing.
 *
 * @summary "Log in to …" with a button to the page's login form.
 * @csspart button - The Log in button.
 */
@customElement('particle-login-prompt')
export class ParticleLoginPrompt extends LitElement {
  static override styles = [
    base,
    form,
    css`
      p {
        margin: 0 0 0.5rem;
      }
    `,
  ];

  /** What logging in enables, ending the sentence "Log in to …". */
  @property() purpose = 'use this widget';

  /** Set when a session just ended, so the sentence says why the reader is asked again. */
  @property({ type: Boolean }) expired = false;

  @state() private noForm = false;

  private goToLogin(): void {
    const sso = document.querySelector('particle-sso') as LoginForm | null;
    if (sso && typeof sso.focusLogin === 'function') sso.focusLogin();
    else this.noForm = true;
  }

  override render() {
    const why = this.expired ? 'Your session has expired. ' : '';
    if (this.noForm) {
      return html`<p>
        ${why}This page has no login form. Log in with the Log in section of the
        <a href="/reference/cloud-apis/access-tokens/">Access tokens page</a>, then come back to
        ${this.purpose}.
      </p>`;
    }
    return html`
      <p>${why}Log in to ${this.purpose}.</p>
      <button part="button" class="primary" type="button" @click=${this.goToLogin}>Log in</button>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'particle-login-prompt': ParticleLoginPrompt;
  }
}
