import { html, LitElement, nothing } from 'lit';
import { logout, startSession } from './api-helper/auth.js';
import type { HostedStatus } from './api-helper/hosted-session.js';
import type { Session } from './api-helper/session-store.js';
import type { TokenGrant } from './api-helper/types.js';
import { copyStatus } from './components/copy.js';
import { ClockController, expiryWithTime } from './components/expiry.js';
import { lazily, onDemand, ViewLoader } from './components/lazy.js';
import { checkAccessToken, loginForm } from './components/login-form.js';
import { focusInNextFrame, nextTask, updateInTurn } from './components/own-task.js';
import { mfaStepView, PasswordGrantController } from './components/password-grant.js';
import { type StatusMessage, statusLine } from './components/status.js';
import { SessionController } from './controllers/session-controller.js';
import { customElement, property, state } from './decorators.js';
import {
  type ParticleCopyEvent,
  ParticleLoginEvent,
  ParticleLogoutEvent,
  type ParticleOrgsLoadEvent,
} from './events.js';
import type { ElementProps } from './jsx.js';
import styles from './particle-sso.styles.js';
import base from './styles/base.styles.js';
import form from './styles/form.styles.js';
import { adoptLightDomStyles } from './styles/light-dom.js';

let instances = 0;

/** Only a logged-in reader on a page with `select-org` sees the organization picker. */
const orgPickerView = onDemand('orgPicker');
/** Only a site with a hosted login (and a cookie this page can read) shows its links. */
const hostedView = lazily(() => import('./components/hosted.js'));

const SIGNED_IN = 'Logged in. Every widget on this page now uses this session.';
const SIGNED_IN_HOSTED =
  'Logged in with your Particle account. Every widget on this page now uses this session.';
const STALE =
  'Your Particle login is no longer valid: it was revoked or has expired. Log in again.';

/**
 * @summary Logs the reader in to the Particle Cloud (email and password, then a
 * one-time code if the account has MFA; or a pasted access token), shows who is
 * logged in and until when, and logs out (revoking the token).
 *
 * Every widget of the page shares the session, as do the reader's other tabs
 * when they tick "Keep me logged in on this device".
 *
 * When the site has a hosted login (plugin option `loginUrl`, as login.particle.io
 * on Particle's own pages) whose cookie this page can read, the main action is
 * "Log in with Particle", a link to that login page, which comes back here with the
 * cookie; the in-page form is the second way, one click away.
 *
 * The element renders into its **light DOM**, not a shadow root: password
 * managers look for login forms in the document and, for most of them, not
 * inside shadow roots. Its styles are adopted into the document scoped to
 * `particle-sso`; style its parts with ordinary selectors (`particle-sso form`,
 * `particle-sso .status`) or the custom properties below.
 *
 * @fires particle-login - {ParticleLoginEvent} after a login; `username` says who.
 * @fires particle-logout - {ParticleLogoutEvent} after the reader logged out here.
 * @cssprop --particle-* - The theme: accent, accent-fg, bg, fg, muted, border, control-border
 *   (field borders, 3:1 against bg), surface, danger,
 *   success, radius, font and mono (listed with defaults in custom-elements.json; dark-scheme
 *   defaults in docs/partials/sso.md).
 * @slot - Nothing is slotted; the partial's no-JS fallback stays as a child, hidden by the plugin's widget stylesheet.
 */
@customElement('particle-sso')
export class ParticleSso extends LitElement {
  static override styles = [base, form, styles];

  /** The API origin (`https://api.particle.io`, or the emulator's URL). */
  @property({ attribute: 'api-base' }) apiBase = '';

  /** After login, offer the reader's organizations; the choice becomes the API-user widgets' default. */
  @property({ type: Boolean, attribute: 'select-org' }) selectOrg = false;

  @state() private mode: 'password' | 'token' = 'password';
  @state() private message: StatusMessage | null = null;
  /** With a hosted login: whether the reader opened the in-page form. */
  @state() private inPage = false;

  readonly #id = `particle-sso-${++instances}`;
  readonly #session = new SessionController(this, () => this.apiBase);
  readonly #views = new ViewLoader(this);
  readonly #flow = new PasswordGrantController(this, () => this.#session.api, {
    say: (message) => {
      this.message = message;
    },
    field: (name) => this.#el(name),
  });
  #pending: { username: string; persistence: Session['persistence'] } | null = null;
  #previous: Session | null = null;
  /** Set while our own logout runs, so its end of the session is not reported as "you were logged out". */
  #loggingOut = false;
  /** Set when this widget starts the session, so its own success message stays. */
  #loggingIn = false;
  /** Set when a session ends while the reader is in the box: Email gets the focus once rendered. */
  #focusEmail = false;
  /** Prefills Email after a logout, so logging back in is quick. */
  #lastUsername = '';
  /** The hosted login's status at the last update, to say what changed. */
  #hostedStatus: HostedStatus = 'none';
  /** What the live region says since the organizations failed to load, until something else is said. */
  #orgsFailure: StatusMessage | null = null;

  constructor() {
    super();
    // Re-renders every 30 s so that "expires in 59 minutes" stays true.
    new ClockController(this);
  }

  /** The first render in a task of its own, a session's in a frame of its own (see updateInTurn). */
  protected override scheduleUpdate() {
    return updateInTurn(this, () => super.scheduleUpdate());
  }

  /** Waits for the organization picker's chunk too, so code that awaits it finds the picker. */
  protected override getUpdateComplete(): Promise<boolean> {
    return this.#views.updateComplete(() => super.getUpdateComplete());
  }

  /** Light DOM on purpose: see the class comment (password managers). */
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  /** In the update, so code that awaits `updateComplete` finds the focus moved. */
  protected override updated(): void {
    if (!this.#focusEmail) return;
    this.#focusEmail = false;
    this.#el('email')?.focus();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    adoptLightDomStyles(this, (this.constructor as typeof ParticleSso).elementStyles);
  }

  /** Scrolls to the widget and focuses where the reader acts next: Email (or the current step), or Log out. */
  async focusLogin(): Promise<void> {
    await this.updateComplete;
    const target = this.#session.value
      ? this.#el('logout')
      : this.#el(
          this.#flow.step === 'mfa'
            ? 'otp'
            : this.#hosted && !this.inPage
              ? 'hosted-login'
              : this.mode === 'token'
                ? 'token'
                : 'email',
        );
    const smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches;
    target?.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
    target?.focus({ preventScroll: true });
  }

  protected override willUpdate(): void {
    const session = this.#session.value;
    // A session that ended without our logout: expiry, a 401, or another tab.
    if (this.#previous && !session && !this.#loggingOut) {
      this.#lastUsername = this.#previous.username;
      this.#flow.exchanges.clear(); // the login's calls (its token) end with its session
      // Log out (or the org picker) is about to vanish: keep a reader who was in the box in the
      // widget, on Email; leave focus alone when it is elsewhere on the page.
      this.#focusEmail = this.contains(document.activeElement);
      this.message =
        this.#session.store.endedBecause === 'expired'
          ? { tone: 'error', text: 'Your session has expired. Log in again.' }
          : { tone: 'info', text: 'You were logged out.' };
    }
    // A session started elsewhere (another widget or tab): an old message no longer applies.
    if (!this.#previous && session) {
      if (!this.#loggingIn) this.message = null;
      this.#loggingIn = false;
      // A code step left open here would come back, stale, after the next logout.
      if (this.#flow.step === 'mfa') this.#flow.cancel();
    }
    this.#previous = session;
    this.#sayHostedStatus();
  }

  /** The hosted login's check, said once per change in the live region. */
  #sayHostedStatus(): void {
    const hosted = this.#session.hosted;
    const status = hosted?.status ?? 'none';
    if (status === this.#hostedStatus) return;
    const was = this.#hostedStatus;
    this.#hostedStatus = status;
    if (status === 'checking')
      this.message = { tone: 'busy', text: 'Checking your Particle login…' };
    else if (status === 'active' && was === 'checking') {
      this.message = { tone: 'success', text: SIGNED_IN_HOSTED };
      // As after a login here: page scripts hear of it (after this update, not inside it).
      const username = this.#session.value?.username ?? '';
      queueMicrotask(() => this.dispatchEvent(new ParticleLoginEvent(username)));
    } else if (status === 'stale') this.message = { tone: 'error', text: STALE };
    else if (status === 'failed')
      this.message = {
        tone: 'error',
        text: `Your Particle login could not be checked. ${hosted?.error?.message ?? ''}`.trim(),
      };
    else if (was === 'checking') this.message = null;
  }

  override render() {
    const session = this.#session.value;
    return html`${session ? this.#loggedIn(session) : this.#loggedOut()}
    ${statusLine(`${this.#id}-status`, this.message)}
    ${this.#flow.exchanges.pane(this.#onCopy)}`;
  }

  #loggedIn(session: Session) {
    const busy = this.#flow.busy;
    return html`<section class="box" part="logged-in" aria-busy=${busy ? 'true' : 'false'}>
      <p class="who" id="${this.#id}-who" tabindex="-1">
        Logged in as <strong>${session.username}</strong>
      </p>
      <p class="hint">${
        session.persistence === 'hosted'
          ? 'With your Particle account (single sign-on).'
          : html`Your session ${expiryWithTime(session.expiresAt)}.`
      }</p>
      ${
        this.selectOrg && this.#views.ready(orgPickerView)
          ? html`<particle-org-picker
              api-base=${this.apiBase}
              @particle-orgs-load=${this.#orgsLoaded}
            ></particle-org-picker>`
          : nothing
      }
      <div class="actions">
        ${
          session.persistence === 'hosted' && this.#hosted
            ? hostedView.module!.hostedLoggedInActions(this.#hosted, this.#id)
            : html`<button type="button" id="${this.#id}-logout" part="logout" ?disabled=${busy}
                @click=${this.#logout}>Log out</button>`
        }
      </div>
    </section>`;
  }

  /** The picker has no live region: its failure (and a later success) is said in ours. */
  #orgsLoaded = async (event: ParticleOrgsLoadEvent) => {
    if (event.error) {
      // The same sentence again (a retry failed too) is announced only if the region changes.
      if (this.message && this.message === this.#orgsFailure) {
        this.message = null;
        await this.updateComplete;
        if (this.message) return; // something newer was said meanwhile (a logout)
      }
      this.#orgsFailure = {
        tone: 'error',
        text: `Your organizations could not be loaded. ${event.error.message}`,
      };
      this.message = this.#orgsFailure;
    } else if (this.message && this.message === this.#orgsFailure) {
      this.message = { tone: 'success', text: 'Your organizations are loaded.' };
    }
  };

  #loggedOut() {
    const { busy, error, step } = this.#flow;
    const id = this.#id;
    const hosted = this.#hosted;
    return html`${
      hosted
        ? hostedView.module!.hostedLoggedOut({
            hosted,
            id,
            inPage: this.inPage,
            onToggleInPage: () => this.#toggleInPage(),
          })
        : nothing
    }${loginForm({
      id,
      mode: this.mode,
      hidden: step === 'mfa' || (hosted !== null && !this.inPage),
      busy,
      error,
      username: this.#lastUsername,
      memoryOnly: this.#session.store.memoryOnly,
      onSubmit: (e) => this.#submit(e),
      onSwitchMode: () => this.#switchMode(),
    })}
      ${
        step === 'mfa'
          ? mfaStepView.module!.mfaStep({
              id,
              busy,
              error,
              statusId: `${id}-status`,
              onSubmit: async (e) => this.#afterAttempt(await this.#flow.submitCodeForm(e)),
              onCancel: () => this.#flow.cancelCodeStep('Two-step login cancelled.'),
            })
          : nothing
      }`;
  }

  #toggleInPage() {
    this.inPage = !this.inPage;
    if (this.inPage) this.updateComplete.then(() => this.#el('email')?.focus());
  }

  #switchMode() {
    this.mode = this.mode === 'token' ? 'password' : 'token';
    this.#flow.clearError();
    this.message = null;
    this.updateComplete.then(() => this.#el(this.mode === 'token' ? 'token' : 'email')?.focus());
  }

  async #submit(event: SubmitEvent) {
    event.preventDefault();
    if (this.#flow.busy) return;
    const data = new FormData(event.target as HTMLFormElement);
    const persistence = data.get('remember') ? 'device' : 'tab';
    if (this.mode === 'token') return this.#useToken(String(data.get('token')).trim(), persistence);
    const username = String(data.get('username')).trim();
    this.#pending = { username, persistence };
    this.message = { tone: 'busy', text: 'Logging in…' };
    const grant = await this.#flow.submitPassword({
      username,
      password: String(data.get('password')),
      expiresIn: Number(data.get('expiresIn')),
    });
    await this.#afterAttempt(grant);
  }

  /** After either step: log in, or let the flow ask for the code or say what went wrong. */
  async #afterAttempt(grant: TokenGrant | undefined) {
    if (grant && this.#pending)
      return this.#start(grant, this.#pending.username, this.#pending.persistence);
    await this.#flow.report();
  }

  async #useToken(token: string, persistence: Session['persistence']) {
    this.message = { tone: 'busy', text: 'Checking the access token…' };
    const api = this.#session.api;
    const checked = await this.#flow.run((call) => checkAccessToken(api, token, call));
    const error = this.#flow.error;
    if (checked) return this.#start(checked.grant, checked.username, persistence);
    if (!error) {
      this.message = null;
      return;
    }
    this.message = { tone: 'error', text: error.message };
    await this.updateComplete;
    this.#el(error.kind === 'session' ? 'token' : 'status')?.focus();
  }

  async #start(grant: TokenGrant, username: string, persistence: Session['persistence']) {
    this.#pending = null;
    this.#loggingIn = true;
    startSession(this.#session.api, grant, username, persistence);
    const secrets = ['password', 'token'].map((name) => this.#el(name) as HTMLInputElement | null);
    // Not "Logged in as …": focus lands on that line of the box, which would then be said twice.
    this.message = { tone: 'success', text: SIGNED_IN };
    this.dispatchEvent(new ParticleLoginEvent(username));
    await this.updateComplete;
    // Success is the only time the secrets are cleared: failures keep what the reader typed.
    // A task after the logged-in view has replaced the form (which waits for its frame, see
    // updateInTurn): emptying a filled password field still on screen took 25 ms of the main
    // thread at 4x CPU throttling (the browser's own handling of password fields).
    void nextTask().then(() => {
      for (const input of secrets) if (input) input.value = '';
    });
    await focusInNextFrame(this.#el('who'));
  }

  async #logout() {
    // A second click while the revocation runs must leave its state alone ("Logging out…").
    if (this.#flow.busy) return;
    const username = this.#session.value?.username ?? '';
    this.message = { tone: 'busy', text: 'Logging out…' };
    this.#loggingOut = true;
    const result = await this.#flow.run((call) => logout(this.#session.api, call));
    this.#loggingOut = false;
    this.#previous = null;
    if (!result) return;
    this.#lastUsername = username;
    this.message = result.revoked
      ? { tone: 'success', text: `Logged out. The access token of ${username} is revoked.` }
      : {
          tone: 'error',
          text: `Logged out on this page, but the token could not be revoked. ${result.error?.message ?? ''}`,
        };
    this.dispatchEvent(new ParticleLogoutEvent());
    await this.updateComplete;
    this.#el('email')?.focus();
  }

  /** The pane's Copy buttons are said in this widget's live region. */
  #onCopy = (event: ParticleCopyEvent) => {
    this.message = copyStatus(event);
  };

  /** The hosted login, once it and its view have loaded; null while they load, or without one. */
  get #hosted() {
    const hosted = this.#session.hosted;
    return hosted && this.#views.ready(hostedView) ? hosted : null;
  }

  #el(name: string): HTMLElement | null {
    return this.querySelector(`#${this.#id}-${name}`);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'particle-sso': ParticleSso;
  }
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'particle-sso': ElementProps<
        ParticleSso,
        'api-base' | 'select-org',
        'apiBase' | 'selectOrg',
        { 'particle-login': ParticleLoginEvent; 'particle-logout': ParticleLogoutEvent }
      >;
    }
  }
}
