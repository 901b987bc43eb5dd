import './login-prompt.js';
import './target-picker.js';
import { html, LitElement } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { Target } from '../api-helper/types.js';
import { copyMessage } from '../components/copy.js';
import { statusLine } from '../components/status.js';
import { SessionController } from '../controllers/session-controller.js';
import type { ParticleCopyEvent } from '../events.js';
import { errorSentence } from './error-sentence.js';
import type { ParticleTargetPicker } from './target-picker.js';

/** The live region's sentence; `summary` marks a "Listed N …" line that a later reload makes stale. */
export interface Status {
  text: string;
  tone?: 'error' | 'success';
  summary?: boolean;
}

/**
 * What `<particle-api-user-create>` and `<particle-api-user-list>` share: the partial's
 * attributes, the session (a login prompt when there is none, a clean slate when the
 * reader changes), the target picker, and the one live region that says busy, done and
 * error sentences and takes the focus on an error.
 */
export abstract class ApiUserWidget extends LitElement {
  /** The API origin (`https://api.particle.io`, or the emulator's URL). */
  @property({ attribute: 'api-base' }) apiBase = 'https://api.particle.io';

  /** Product to preselect, by id or slug. */
  @property() product?: string;

  /** Organization to preselect, by id or slug. */
  @property() org?: string;

  /** The product or organization chosen in the picker. */
  @state() protected target?: Target;

  @state() protected status: Status = { text: '' };

  @query('particle-target-picker') protected picker?: ParticleTargetPicker;
  @query('.status') private statusElement?: HTMLElement;

  protected readonly session = new SessionController(this, () => this.apiBase);
  #username?: string;

  /** Ends the sentence "Log in to …" of the logged-out prompt. */
  protected abstract readonly purpose: string;

  protected override willUpdate(): void {
    // A logout or another reader's login must not leave the previous reader's data on screen.
    const username = this.session.value?.username;
    if (username !== this.#username) {
      this.#username = username;
      this.forgetReader();
    }
  }

  /** Clears what belongs to the previous reader; subclasses add their own state. */
  protected forgetReader(): void {
    this.status = { text: '' };
  }

  /** Says why a call failed, naming `label` on a 403, and moves the focus to the sentence. */
  protected async failed(error: unknown, label = 'that product or organization'): Promise<void> {
    this.status = { text: errorSentence(error, label), tone: 'error' };
    await this.focusStatus();
  }

  protected async focusStatus(): Promise<void> {
    await this.updateComplete;
    this.statusElement?.focus();
  }

  protected readonly announceCopy = (event: ParticleCopyEvent): void => {
    this.status = { text: copyMessage(event), tone: event.ok ? 'success' : 'error' };
  };

  protected loginPrompt() {
    return html`<particle-login-prompt
      purpose=${this.purpose}
      ?expired=${this.session.store.endedBecause === 'expired'}
    ></particle-login-prompt>`;
  }

  protected targetPicker(sessionOrg: string | undefined, busy: boolean) {
    return html`<particle-target-picker
      exportparts="kind, select"
      .api=${this.session.api}
      .product=${this.product}
      .org=${this.org}
      .sessionOrg=${sessionOrg}
      ?disabled=${busy}
      @change=${(e: Event) => {
        this.target = (e.target as ParticleTargetPicker).value;
      }}
    ></particle-target-picker>`;
  }

  /** The widget's only live region (tabindex -1: errors move the focus here). */
  protected statusLine() {
    const { text, tone = 'info' } = this.status;
    return statusLine('status', text ? { text, tone } : null);
  }
}
