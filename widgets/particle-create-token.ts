import { html, LitElement, nothing } from 'lit';
import type { ApiError } from './api-helper/errors.js';
import type { TokenGrant } from './api-helper/types.js';
import { copyStatus } from './components/copy.js';
import { ClockController, describeExpiry, warmDateFormatting } from './components/expiry.js';
import { onDemand } from './components/lazy.js';
import { updateInTurn } from './components/own-task.js';
import { mfaStepView, PasswordGrantController } from './components/password-grant.js';
import { type StatusMessage, statusLine } from './components/status.js';
import type { tokenResult } from './components/token-result.js';
import { SessionController } from './controllers/session-controller.js';
import { customElement, property, state } from './decorators.js';
import type { ParticleCopyEvent } from './events.js';
import type { ElementProps } from './jsx.js';
import styles from './particle-create-token.styles.js';
import base from './styles/base.styles.js';
import form from './styles/form.styles.js';

/** "Expires in": the new token's lifetime in seconds; 0 asks for one that never expires. */
const LIFETIMES: [seconds: number, label: string][] = [
  [900, '15 minutes'],
  [3600, '1 hour'],
  [28800, '8 hours'],
  [86400, '1 day'],
  [2592000, '30 days'],
  [7776000, '90 days'],
  [0, 'Never'],
];

/** The result view's chunk (the token, its expiry, the commands), loaded as the reader starts. */
const resultView = onDemand('tokenResult');
/** Ahead of need, when the reader comes to the form: the result's view and its date format. */
const prefetchResult = () => {
  warmDateFormatting();
  return resultView().catch(() => {}); // a failure is reported on success
};

interface Created {
  grant: TokenGrant;
  username: string;
  view: typeof tokenResult;
}

/**
 * @summary Creates an access token from an email and password (and a one-time
 * code when the account has MFA), for the lifetime the reader picks.
 *
 * It works logged in or not and never changes the page's session. The new token
 * is shown masked with Show/Copy, with its expiry and the equivalent
 * `particle token create` and `curl` commands (password left out).
 *
 * @csspart form - The email/password form.
 * @csspart mfa-form - The one-time-code form.
 * @csspart submit - The Create token and Verify buttons.
 * @csspart result - The box with the new token.
 * @csspart status - The live region (progress, result, errors).
 * @csspart cancel - The Cancel button of the one-time-code step.
 * @csspart token - The new token, masked or shown (exported from the inner `particle-secret`).
 * @csspart token-toggle - The token's Show/Hide button.
 * @csspart token-copy - The token's Copy button.
 * @csspart command - Each command box (exported from the inner `particle-snippet`s).
 * @csspart command-code - A command box's `<pre>`.
 * @csspart command-copy - A command box's Copy button.
 * @cssprop --particle-* - The theme, as for `<particle-sso>` (see custom-elements.json and
 *   docs/partials/sso.md).
 * @slot - Nothing is slotted: the partial's no-JS fallback stays hidden in the light DOM.
 */
@customElement('particle-create-token')
export class ParticleCreateToken extends LitElement {
  static override styles = [base, form, styles];

  /** The API origin (`https://api.particle.io`, or the emulator's URL). */
  @property({ attribute: 'api-base' }) apiBase = '';

  @state() private message: StatusMessage | null = null;
  @state() private created: Created | null = null;

  readonly #session = new SessionController(this, () => this.apiBase);
  readonly #flow = new PasswordGrantController(this, () => this.#session.api, {
    say: (message) => {
      this.message = message;
    },
    field: (name) => this.#el(`#${name === 'otp' ? 'create-otp' : name}`),
  });
  /** Who the running request is for, so the result can name them. */
  #pendingUsername: string | null = null;

  /** Who was logged in at the last render: a logout (or another reader) clears the result. */
  #reader: string | undefined;

  constructor() {
    super();
    // Re-renders every 30 s so that "expires in 14 minutes" stays true.
    new ClockController(this);
  }

  /** The first render in a task of its own, a session's in a frame of its own (see updateInTurn). */
  protected override scheduleUpdate() {
    return updateInTurn(this, () => super.scheduleUpdate());
  }

  protected override willUpdate(): void {
    // A token shown to the reader who just logged out must not stay revealable and copyable for
    // the next person at the keyboard. A login after creating a token (nobody left) keeps it.
    const reader = this.#session.value?.username;
    if (this.#reader !== undefined && reader !== this.#reader) {
      this.created = null;
      this.#flow.exchanges.clear(); // the pane shows the token when revealed
      if (this.message?.tone === 'success') this.message = null;
    }
    this.#reader = reader;
  }

  override render() {
    const { busy, error, step } = this.#flow;
    const invalid = (kind: ApiError['kind']) => (error?.kind === kind ? 'true' : 'false');
    return html`<div class="stack" @particle-copy=${this.#onCopy}>
      <form part="form" class="box" aria-label="Create an access token" aria-busy=${busy ? 'true' : 'false'}
        ?hidden=${step === 'mfa'} @submit=${this.#submit}
        @focusin=${prefetchResult} @pointerenter=${prefetchResult}>
        <div class="row">
          <label for="email">Email</label>
          <input id="email" name="username" type="email" autocomplete="username" required
            spellcheck="false" value=${this.#session.value?.username ?? ''} />
        </div>
        <div class="row">
          <label for="password">Password</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required
            aria-invalid=${invalid('credentials')} aria-describedby="status" />
        </div>
        <div class="row">
          <label for="expires">Expires in</label>
          <select id="expires" name="expiresIn">
            ${LIFETIMES.map(([s, label]) => html`<option value=${s}>${label}</option>`)}
          </select>
        </div>
        <div class="actions">
          <button class="primary" type="submit" part="submit" ?disabled=${busy}>Create token</button>
        </div>
      </form>
      ${
        step === 'mfa'
          ? mfaStepView.module!.mfaStep({
              id: 'create',
              busy,
              error,
              statusId: 'status',
              onSubmit: async (e) => this.#afterAttempt(await this.#flow.submitCodeForm(e)),
              onCancel: () => this.#flow.cancelCodeStep('Token creation cancelled.'),
            })
          : nothing
      }
      ${statusLine('status', this.message)}
      ${
        this.created
          ? this.created.view(this.created.grant, this.created.username, this.#session.api.baseUrl)
          : nothing
      }
      ${this.#flow.exchanges.pane()}
    </div>`;
  }

  async #submit(event: SubmitEvent) {
    event.preventDefault();
    if (this.#flow.busy) return;
    const data = new FormData(event.target as HTMLFormElement);
    const username = String(data.get('username')).trim();
    this.#pendingUsername = username;
    prefetchResult();
    this.message = { tone: 'busy', text: 'Creating the token…' };
    const grant = await this.#flow.submitPassword({
      username,
      password: String(data.get('password')),
      expiresIn: Number(data.get('expiresIn')),
    });
    await this.#afterAttempt(grant);
  }

  /** After either step: show the new token, or let the flow ask for the code or say what went wrong. */
  async #afterAttempt(grant: TokenGrant | undefined) {
    if (grant && this.#pendingUsername !== null) {
      const username = this.#pendingUsername;
      this.#pendingUsername = null;
      const view = await resultView().then(
        (module) => module.tokenResult,
        () => undefined,
      );
      if (!view) {
        this.message = {
          tone: 'error',
          text: 'The token was created, but this page could not load the view that shows it. Reload the page and create another.',
        };
        return;
      }
      this.created = { grant, username, view };
      // Success is the only time the password is cleared: failures keep what the reader typed.
      (this.#el('#password') as HTMLInputElement).value = '';
      for (const otp of this.renderRoot.querySelectorAll<HTMLInputElement>('[name=otp]'))
        otp.value = '';
      this.message = {
        tone: 'success',
        text: `Token created; it ${describeExpiry(grant.expiresAt)}.`,
      };
      await this.updateComplete;
      this.#el('#result-title')?.focus();
      return;
    }
    await this.#flow.report();
  }

  #onCopy(event: ParticleCopyEvent) {
    this.message = copyStatus(event);
  }

  #el(selector: string): HTMLElement | null {
    return this.renderRoot.querySelector(selector);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'particle-create-token': ParticleCreateToken;
  }
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'particle-create-token': ElementProps<ParticleCreateToken, 'api-base', 'apiBase'>;
    }
  }
}
