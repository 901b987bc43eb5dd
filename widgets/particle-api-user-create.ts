import { html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import type { Session } from './api-helper/session-store.js';
import type { ApiUserCredentials, Target } from './api-helper/types.js';
import { ApiUserWidget } from './api-users/api-user-widget.js';
import type { ParticleApiUserToken } from './api-users/new-token.js';
import { scopePicker, views } from './api-users/views.js';
import { RequestController } from './components/request-controller.js';
import { ParticleApiUserCreatedEvent } from './events.js';
import type { ElementProps } from './jsx.js';
import styles from './particle-api-user-create.styles.js';
import base from './styles/base.styles.js';
import form from './styles/form.styles.js';

interface CreateInput {
  target: Target;
  targetLabel: string;
  friendlyName: string;
  scopes: string[];
}

/**
 * Creates an API user for a product or an organization: target, friendly name and
 * scopes (grouped, filterable, with presets), then shows its token once, masked
 * with Show and Copy, with a warning that it never expires and the equivalent curl
 * (the reader's token redacted). Logged out, it shows a Log in prompt instead.
 *
 * @summary The `cloud-api-user-create` partial: create a Particle API user.
 * @fires particle-api-user-created - {ParticleApiUserCreatedEvent} after a creation; lists showing that target reload.
 * @slot - No-JS fallback content from the partial (never shown once defined).
 * @csspart form - The form.
 * @csspart submit - The Create API user button.
 * @csspart status - The live region with busy, done and error sentences.
 * @csspart kind - The Product / Organization radio group.
 * @csspart select - The Product or Organization selector.
 * @csspart filter - The Filter scopes field.
 * @csspart presets - The preset buttons.
 * @csspart groups - The scrolling box of scope groups.
 * @csspart group - One resource's group of scopes.
 * @csspart count - The "N of 94 scopes selected" line.
 * @csspart heading - The result's heading.
 * @csspart warning - The shown-once warning.
 * @cssprop [--particle-accent=#00838f] - Buttons, focus ring, checkboxes.
 * @cssprop [--particle-danger=#b42318] - Errors and the shown-once warning.
 * @cssprop --particle-* - The rest of the theme, as for `<particle-sso>`.
 */
@customElement('particle-api-user-create')
export class ParticleApiUserCreate extends ApiUserWidget {
  static override styles = [base, form, styles];

  protected override readonly purpose = 'create an API user';
  protected override readonly regionName = 'Create an API user';

  @state() private friendlyName = '';
  @state() private scopes: readonly string[] = [];
  @state() private result?: { credentials: ApiUserCredentials; command: string };

  @query('particle-api-user-token') private tokenView?: ParticleApiUserToken;

  /** Refuses a second submit while one runs: a double click must not create a twin. */
  readonly #create = new RequestController(this);

  private get busy(): boolean {
    return this.#create.busy;
  }

  private get valid(): boolean {
    return !!this.target && this.friendlyName.trim() !== '' && this.scopes.length > 0;
  }

  /** A new login (or a logout) must not show the previous reader's token. */
  protected override forgetReader(): void {
    super.forgetReader();
    this.result = undefined;
  }

  private submit(event: SubmitEvent): void {
    event.preventDefault();
    if (this.busy || !this.valid || !this.target) return;
    const input: CreateInput = {
      target: this.target,
      targetLabel: this.picker?.label ?? '',
      friendlyName: this.friendlyName.trim(),
      scopes: [...this.scopes],
    };
    this.result = undefined;
    this.status = { text: `Creating API user “${input.friendlyName}”…` };
    this.#send(input);
  }

  async #send(input: CreateInput): Promise<void> {
    const credentials = await this.#create.run((signal) =>
      views().createApiUser(this.session.api, input.target, input, { signal }),
    );
    if (credentials) await this.created(input, credentials);
    else if (this.#create.error) await this.failed(this.#create.error, this.picker?.label);
  }

  private async created(input: CreateInput, credentials: ApiUserCredentials): Promise<void> {
    const { createApiUserRequest, toCurl } = views();
    const request = createApiUserRequest(input.target, input);
    this.result = { credentials, command: toCurl(this.session.api.baseUrl, request) };
    this.status = {
      text: `Created API user “${input.friendlyName}” in ${input.targetLabel}. Copy its token now: it is shown only once.`,
      tone: 'success',
    };
    this.friendlyName = ''; // so a second click cannot create a twin by accident
    this.dispatchEvent(new ParticleApiUserCreatedEvent(input.target, credentials.username));
    await this.updateComplete;
    this.tokenView?.focus();
  }

  protected override renderLoggedIn(session: Session) {
    const busy = this.busy;
    return html`
      <form part="form" class="box" aria-busy=${busy} @submit=${this.submit} novalidate>
        ${this.targetPicker(session.org?.id, busy)}
        <div class="row">
          <label for="friendly-name">Friendly name</label>
          <input
            id="friendly-name"
            autocomplete="off"
            required
            aria-describedby="friendly-name-hint"
            .value=${this.friendlyName}
            ?disabled=${busy}
            @input=${(e: Event) => {
              this.friendlyName = (e.target as HTMLInputElement).value;
            }}
          />
          <p class="hint" id="friendly-name-hint">
            Says what the API user is for, e.g. “Fleet dashboard back end”.
          </p>
        </div>
        <div class="row" role="group" aria-labelledby="scopes-label">
          <span class="label" id="scopes-label">Scopes</span>
          ${scopePicker(this.scopes, busy, (scopes) => {
            this.scopes = scopes;
          })}
        </div>
        <div class="actions">
          <button part="submit" class="primary" type="submit" ?disabled=${busy || !this.valid}>
            Create API user
          </button>
          ${busy ? html`<span class="busy-hint">Creating…</span>` : this.missingHint()}
        </div>
        ${this.statusLine()}
      </form>
      ${
        this.result
          ? html`<particle-api-user-token
            exportparts="heading, warning"
            .credentials=${this.result.credentials}
            .command=${this.result.command}
            @particle-copy=${this.announceCopy}
          ></particle-api-user-token>`
          : nothing
      }
    `;
  }

  /** Says why Create API user is disabled, so keyboard and screen-reader users know. */
  private missingHint() {
    const missing = [
      !this.target && 'a product or organization',
      !this.friendlyName.trim() && 'a friendly name',
      this.scopes.length === 0 && 'at least one scope',
    ].filter(Boolean);
    return missing.length ? html`<span class="hint">Needs ${missing.join(', ')}.</span>` : nothing;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'particle-api-user-create': ParticleApiUserCreate;
  }
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'particle-api-user-create': ElementProps<
        ParticleApiUserCreate,
        'api-base' | 'product' | 'org',
        'apiBase' | 'product' | 'org',
        { 'particle-api-user-created': ParticleApiUserCreatedEvent }
      >;
    }
  }
}
