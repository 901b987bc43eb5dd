/**
 * What `<particle-api-user-create>` does for a logged-in reader — the form (target,
 * friendly name, scopes), the call, and the new API user's token shown once — kept in
 * the logged-in chunk (see `views.ts`), so a logged-out page loads only the element's
 * shell and its "Log in to …" prompt, as for the list (`list-view.ts`).
 */
import { html, nothing } from 'lit';
import { createApiUser, createApiUserRequest } from '../api-helper/api-users.js';
import type { Session } from '../api-helper/session-store.js';
import { toCurl } from '../api-helper/snippets.js';
import type { ApiUserCredentials, Target } from '../api-helper/types.js';
import { RequestController } from '../components/request-controller.js';
import { ParticleApiUserCreatedEvent } from '../events.js';
import type { ApiUserWidget } from './api-user-widget.js';
import { sayFailure, targetPicker } from './logged-in-parts.js';
import type { ParticleApiUserToken } from './new-token.js';
import { scopePicker } from './views.js';

interface CreateInput {
  target: Target;
  targetLabel: string;
  friendlyName: string;
  scopes: string[];
}

export class ApiUserCreateView {
  readonly #host: ApiUserWidget;
  #friendlyName = '';
  #scopes: readonly string[] = [];
  #result?: { credentials: ApiUserCredentials; command: string };
  /** Refuses a second submit while one runs: a double click must not create a twin. */
  readonly #create: RequestController;

  constructor(host: ApiUserWidget) {
    this.#host = host;
    this.#create = new RequestController(host);
  }

  /** A new login (or a logout) must not show the previous reader's token. */
  forgetReader(): void {
    this.#result = undefined;
    this.#create.exchanges.clear(); // the pane shows the new API user's token when revealed
  }

  get #valid(): boolean {
    return !!this.#host.target && this.#friendlyName.trim() !== '' && this.#scopes.length > 0;
  }

  #update(change: () => void): void {
    change();
    this.#host.requestUpdate();
  }

  #submit = (event: SubmitEvent): void => {
    event.preventDefault();
    const target = this.#host.target;
    if (this.#create.busy || !this.#valid || !target) return;
    const input: CreateInput = {
      target,
      targetLabel: this.#host.picker?.label ?? '',
      friendlyName: this.#friendlyName.trim(),
      scopes: [...this.#scopes],
    };
    this.#result = undefined;
    this.#host.status = { text: `Creating API user “${input.friendlyName}”…` };
    this.#send(input);
  };

  async #send(input: CreateInput): Promise<void> {
    const api = this.#host.session.api;
    const credentials = await this.#create.run((call) =>
      createApiUser(api, input.target, input, call),
    );
    if (credentials) await this.#created(input, credentials);
    else if (this.#create.error)
      await sayFailure(this.#host, this.#create.error, this.#host.picker?.label);
  }

  async #created(input: CreateInput, credentials: ApiUserCredentials): Promise<void> {
    const host = this.#host;
    const request = createApiUserRequest(input.target, input);
    this.#result = { credentials, command: toCurl(host.session.api.baseUrl, request) };
    host.status = {
      text: `Created API user “${input.friendlyName}” in ${input.targetLabel}. Copy its token now: it is shown only once.`,
      tone: 'success',
    };
    this.#friendlyName = ''; // so a second click cannot create a twin by accident
    host.dispatchEvent(new ParticleApiUserCreatedEvent(input.target, credentials.username));
    await host.updateComplete;
    host.renderRoot.querySelector<ParticleApiUserToken>('particle-api-user-token')?.focus();
  }

  render(session: Session) {
    const host = this.#host;
    const busy = this.#create.busy;
    return html`
      <form part="form" class="box" aria-busy=${busy} @submit=${this.#submit} novalidate>
        ${targetPicker(host, session.org?.id, busy)}
        <div class="row">
          <label for="friendly-name">Friendly name</label>
          <input
            id="friendly-name"
            autocomplete="off"
            required
            aria-describedby="friendly-name-hint"
            .value=${this.#friendlyName}
            ?disabled=${busy}
            @input=${(e: Event) =>
              this.#update(() => {
                this.#friendlyName = (e.target as HTMLInputElement).value;
              })}
          />
          <p class="hint" id="friendly-name-hint">
            Says what the API user is for, e.g. “Fleet dashboard back end”.
          </p>
        </div>
        <div class="row" role="group" aria-labelledby="scopes-label">
          <span class="label" id="scopes-label">Scopes</span>
          ${scopePicker(this.#scopes, busy, (scopes) =>
            this.#update(() => {
              this.#scopes = scopes;
            }),
          )}
        </div>
        <div class="actions">
          <button part="submit" class="primary" type="submit" ?disabled=${busy || !this.#valid}>
            Create API user
          </button>
          ${busy ? html`<span class="busy-hint">Creating…</span>` : this.#missingHint()}
        </div>
        ${host.statusLine()}
      </form>
      ${
        this.#result
          ? html`<particle-api-user-token
            exportparts="heading, warning"
            .credentials=${this.#result.credentials}
            .command=${this.#result.command}
            @particle-copy=${host.announceCopy}
          ></particle-api-user-token>`
          : nothing
      }
      ${this.#create.exchanges.pane(host.announceCopy)}
    `;
  }

  /** Says why Create API user is disabled, so keyboard and screen-reader users know. */
  #missingHint() {
    const missing = [
      !this.#host.target && 'a product or organization',
      !this.#friendlyName.trim() && 'a friendly name',
      this.#scopes.length === 0 && 'at least one scope',
    ].filter(Boolean);
    return missing.length ? html`<span class="hint">Needs ${missing.join(', ')}.</span>` : nothing;
  }
}
