import './new-token.js';
import { Task, TaskStatus } from '@lit/task';
import { css, html, LitElement, nothing } from 'lit';
import { query } from 'lit/decorators/query.js';
import { memberName, updateApiUser, updateApiUserRequest } from '../api-helper/api-users.js';
import type { ApiClient } from '../api-helper/client.js';
import { toCurl } from '../api-helper/snippets.js';
import type { ApiUserCredentials, Target, TeamMember } from '../api-helper/types.js';
import { ExchangeRecorder } from '../components/exchange-recorder.js';
import { nextTask } from '../components/own-task.js';
import { customElement, property, state } from '../decorators.js';
import { ParticleApiUsersChangedEvent } from '../events.js';
import base from '../styles/base.styles.js';
import form from '../styles/form.styles.js';
import { errorSentence } from './error-sentence.js';
import type { ParticleApiUserToken } from './new-token.js';
import './scope-picker.js';
import type { ParticleScopePicker } from './scope-picker.js';
import { scopePicker } from './views.js';

/**
 * Edits one API user's scopes inside `<particle-api-user-list>`. Saving makes the API
 * replace the user's token, so the new one is shown once, as at creation, and the old
 * one stops working. Errors appear beside the buttons and take the focus (so they are read
 * where the reader is); a save is said in the list's live region, the widget's only one.
 *
 * @summary Edit an API user's scopes.
 * @fires particle-api-users-changed - {ParticleApiUsersChangedEvent} after a save.
 * @fires close - Cancel, Done or Escape was pressed; the list closes the editor.
 * @fires saved - {CustomEvent<string>} the scopes were saved; `detail` is the sentence for the list's live region.
 */
@customElement('particle-api-user-editor')
export class ParticleApiUserEditor extends LitElement {
  static override styles = [
    base,
    form,
    css`
      .box {
        max-width: none;
      }
    `,
  ];

  /** The core's client. */
  @property({ attribute: false }) api?: ApiClient;

  /** The product or organization whose team the user belongs to. */
  @property({ attribute: false }) apiTarget?: Target;

  /** The target in words, for the "you lack access to …" sentence. */
  @property() targetLabel = 'that product or organization';

  /** The API user being edited. */
  @property({ attribute: false }) member?: TeamMember;

  @state() private scopes: readonly string[] = [];
  @state() private error = '';
  @state() private result?: { credentials: ApiUserCredentials; command: string };

  @query('.error') private errorElement?: HTMLElement;
  @query('particle-api-user-token') private tokenView?: ParticleApiUserToken;
  @query('particle-scope-picker') private picker?: ParticleScopePicker;

  readonly #calls = new ExchangeRecorder(this);
  readonly #save = new Task(this, {
    autoRun: false,
    task: async (
      [api, target, username, scopes]: [ApiClient, Target, string, string[]],
      { signal },
    ) => {
      await nextTask(); // the click's task renders the busy state only (see RequestController.run)
      return {
        credentials: await updateApiUser(
          api,
          target,
          username,
          { scopes },
          { signal, onExchange: this.#calls.start() },
        ),
        command: toCurl(api.baseUrl, updateApiUserRequest(target, username, { scopes })),
        target,
      };
    },
    onComplete: async ({ credentials, command, target }) => {
      this.result = { credentials, command };
      const name = this.member ? memberName(this.member) : '';
      this.dispatchEvent(
        new CustomEvent('saved', {
          detail: `Saved the scopes of “${name}”. Copy its new token now: it is shown only once.`,
        }),
      );
      this.dispatchEvent(new ParticleApiUsersChangedEvent(target));
      await this.updateComplete;
      this.tokenView?.focus();
    },
    onError: async (error) => {
      this.error = errorSentence(error, this.targetLabel);
      await this.updateComplete;
      this.errorElement?.focus();
    },
  });

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    // A reload of the table hands over a fresh copy of the same user: keep the reader's edits.
    const before = changed.get('member') as TeamMember | undefined;
    if (changed.has('member') && before?.username !== this.member?.username) {
      this.scopes = this.member?.scopes ?? [];
    }
  }

  /** Focuses the Filter scopes field once rendered: the list calls it when it opens the editor. */
  async focusFirst(): Promise<void> {
    await this.updateComplete;
    await this.picker?.focusFilter();
  }

  private get unchanged(): boolean {
    const before = this.member?.scopes ?? [];
    return before.length === this.scopes.length && before.every((s) => this.scopes.includes(s));
  }

  private submit(event: SubmitEvent): void {
    event.preventDefault();
    const { api, apiTarget, member } = this;
    if (this.#save.status === TaskStatus.PENDING || !api || !apiTarget || !member) return;
    if (this.scopes.length === 0) return;
    this.error = '';
    this.#save.run([api, apiTarget, member.username, [...this.scopes]]);
  }

  private close(): void {
    this.dispatchEvent(new Event('close'));
  }

  /**
   * Escape closes the editor, as Cancel (or Done) would; the list then returns the focus to
   * the row's Edit scopes button. In a filter that holds text, Escape first clears the text
   * (the search field's own behaviour), and only the next Escape closes.
   */
  private onKeydown(event: KeyboardEvent): void {
    const target = event.composedPath()[0] as HTMLInputElement;
    if (event.key !== 'Escape' || (target.type === 'search' && target.value)) return;
    if (this.#save.status !== TaskStatus.PENDING) this.close();
  }

  override render() {
    const name = this.member ? memberName(this.member) : '';
    if (this.result) {
      return html`<div class="box" @keydown=${this.onKeydown}>
        <particle-api-user-token
          heading=${`New token for “${name}”`}
          .credentials=${this.result.credentials}
          .command=${this.result.command}
        ></particle-api-user-token>
        <div class="actions"><button type="button" @click=${this.close}>Done</button></div>
        ${this.#calls.pane()}
      </div>`;
    }
    const busy = this.#save.status === TaskStatus.PENDING;
    return html`<form class="box" @keydown=${this.onKeydown} aria-busy=${busy} aria-label=${`Scopes of ${name}`} @submit=${this.submit}>
      ${scopePicker(this.scopes, busy, (scopes) => {
        this.scopes = scopes;
      })}
      <p class="hint">
        Saving gives “${name}” a new token: the current one stops working at once.
      </p>
      <div class="actions">
        <button
          class="primary"
          type="submit"
          ?disabled=${busy || this.scopes.length === 0 || this.unchanged}
        >
          Save scopes
        </button>
        <button type="button" ?disabled=${busy} @click=${this.close}>Cancel</button>
        ${busy ? html`<span class="busy-hint">Saving…</span>` : nothing}
      </div>
      ${this.error ? html`<p class="error" tabindex="-1">${this.error}</p>` : nothing}
      ${this.#calls.pane()}
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'particle-api-user-editor': ParticleApiUserEditor;
  }
}
