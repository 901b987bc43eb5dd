import './login-prompt.js';
import { html, LitElement } from 'lit';
import type { Session } from '../api-helper/session-store.js';
import type { Target } from '../api-helper/types.js';
import { copyStatus } from '../components/copy.js';
import { type Loader, VIEW_MISSING, ViewLoader } from '../components/lazy.js';
import { updateInTurn } from '../components/own-task.js';
import { statusLine } from '../components/status.js';
import { SessionController } from '../controllers/session-controller.js';
import { property, state } from '../decorators.js';
import type { ParticleCopyEvent } from '../events.js';
import type { ParticleTargetPicker } from './target-picker.js';
import { loggedInViews } from './views.js';

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
 * error sentences and takes the focus on an error. What the logged-in views (in their
 * own chunk, see `views.ts`, with `logged-in-parts.ts`) use of it is public.
 */
export abstract class ApiUserWidget extends LitElement {
  /** The API origin (`https://api.particle.io`, or the emulator's URL). */
  @property({ attribute: 'api-base' }) apiBase = 'https://api.particle.io';

  /** Product to preselect, by id or slug. */
  @property() product?: string;

  /** Organization to preselect, by id or slug. */
  @property() org?: string;

  /** The product or organization chosen in the picker. */
  @state() target?: Target;

  @state() status: Status = { text: '' };

  // Getters, not @query: this class is in every page's first load, the decorator is not.
  get picker(): ParticleTargetPicker | null | undefined {
    return this.renderRoot?.querySelector<ParticleTargetPicker>('particle-target-picker');
  }

  private get statusElement(): HTMLElement | null | undefined {
    return this.renderRoot?.querySelector<HTMLElement>('.status');
  }

  readonly session = new SessionController(this, () => this.apiBase);
  /** The logged-in views come in chunks of their own, loaded when a session starts. */
  protected readonly views = new ViewLoader(this);
  #username?: string;

  /** Ends the sentence "Log in to …" of the logged-out prompt. */
  protected abstract readonly purpose: string;

  /**
   * What the widget does, as the name of the region it is ("Create an API user"): both
   * widgets have a Log in prompt, a Target group and a Product field, and a screen reader
   * tells them apart, and jumps between them, by their regions' names.
   */
  protected abstract readonly regionName: string;

  /** The host is the region: its role and name live here, so no wrapper element is needed. */
  readonly #internals = this.attachInternals();

  override connectedCallback(): void {
    super.connectedCallback();
    this.#internals.role = 'region';
    this.#internals.ariaLabel = this.regionName;
  }

  /** The chunks the logged-in view needs before it can render; subclasses add theirs. */
  protected loggedInViews(): Loader[] {
    return [loggedInViews];
  }

  /** The logged-in view: only called once its chunks are in. */
  protected abstract renderLoggedIn(session: Session): unknown;

  /** The first render in a task of its own, a session's in a frame of its own (see updateInTurn). */
  protected override scheduleUpdate() {
    return updateInTurn(this, () => super.scheduleUpdate());
  }

  /** Waits for loading views too, so code that awaits it finds them rendered. */
  protected override getUpdateComplete(): Promise<boolean> {
    return this.views.updateComplete(() => super.getUpdateComplete());
  }

  override render() {
    const session = this.session.value;
    if (!session) return this.loginPrompt();
    // Every check, not `every`: each starts its load, side by side.
    const ready = this.loggedInViews().map((view) => this.views.ready(view));
    if (ready.every(Boolean)) return this.renderLoggedIn(session);
    const text = this.views.failed ? VIEW_MISSING : 'Loading…';
    return statusLine('status', { text, tone: this.views.failed ? 'error' : 'info' });
  }

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

  async focusStatus(): Promise<void> {
    await this.updateComplete;
    this.statusElement?.focus();
  }

  readonly announceCopy = (event: ParticleCopyEvent): void => {
    this.status = copyStatus(event);
  };

  /** Logged out: the prompt, and the live region, silent but there before anything is said. */
  protected loginPrompt() {
    return html`<particle-login-prompt
        purpose=${this.purpose}
        ?expired=${this.session.store.endedBecause === 'expired'}
      ></particle-login-prompt>
      ${this.statusLine()}`;
  }

  /** The widget's only live region (tabindex -1: errors move the focus here). */
  statusLine() {
    const { text, tone = 'info' } = this.status;
    return statusLine('status', text ? { text, tone } : null);
  }
}
