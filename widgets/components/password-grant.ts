import type { ReactiveControllerHost } from 'lit';
import { login, verifyMfa } from '../api-helper/auth.js';
import type { ApiClient } from '../api-helper/client.js';
import { ApiError } from '../api-helper/errors.js';
import type { LoginOutcome, TokenGrant } from '../api-helper/types.js';
import { onDemand, VIEW_MISSING } from './lazy.js';
import { RequestController } from './request-controller.js';
import type { StatusMessage } from './status.js';

export interface PasswordGrantInput {
  username: string;
  password: string;
  /** Seconds; 0 asks for a token that never expires. */
  expiresIn: number;
}

/** The places of a login form the controller reports to: two fields and the live region. */
export type GrantField = 'password' | 'otp' | 'status';

/** What a host widget lends the controller so that both widgets report a step the same way. */
export interface GrantView {
  /** Puts a sentence in the widget's live region (null empties it). */
  say(message: StatusMessage | null): void;
  /** The widget's element for a field, looked up after each render. */
  field(name: GrantField): HTMLElement | null;
}

/**
 * The code step's form (`mfa-step.ts`), in the chunk of on-demand views (`on-demand.ts`).
 * It loads beside the password request, and the step starts once it is in, so a host
 * renders `mfaStepView.module` whenever `step` is 'mfa'.
 */
export const mfaStepView = onDemand('mfaStep');

const viewMissing = () => new ApiError({ kind: 'server', message: VIEW_MISSING });

type Challenge = Extract<LoginOutcome, { status: 'mfa' }>;

/** The field an error is about: focus goes there so the reader can fix it at once. */
const FIELD_FOR_ERROR: Partial<Record<ApiError['kind'], GrantField>> = {
  credentials: 'password',
  'otp-invalid': 'otp',
  'mfa-expired': 'password',
};

/**
 * The two-step password grant shared by `<particle-sso>` and
 * `<particle-create-token>`: email and password, then a one-time code when the
 * account has MFA. `step` says which form to show. A wrong code stays on the
 * code step; an expired MFA step goes back to the password step with its error
 * (kind `mfa-expired`) kept for the view to show. The lifetime chosen in step
 * one carries over to the token step two issues.
 *
 * After a step that gave no token, `report()` says why in the host's live region
 * and moves focus: to the code field when a code is needed next, to the field
 * an error is about, or to the live region itself.
 */
export class PasswordGrantController extends RequestController {
  step: 'credentials' | 'mfa' = 'credentials';
  #challenge?: Challenge;
  readonly #api: () => ApiClient;
  readonly #view: GrantView;

  constructor(host: ReactiveControllerHost, api: () => ApiClient, view: GrantView) {
    super(host);
    this.#api = api;
    this.#view = view;
  }

  /** Step one. Resolves with the grant; undefined when a code is needed next (`step` is 'mfa') or on error. */
  async submitPassword(input: PasswordGrantInput): Promise<TokenGrant | undefined> {
    const view = mfaStepView().catch(() => undefined);
    const outcome = await this.run(async (call) => {
      const result = await login(this.#api(), input, call);
      if (result.status === 'mfa' && !(await view)) throw viewMissing();
      return result;
    });
    if (outcome?.status === 'ok') return outcome.grant;
    if (outcome?.status === 'mfa') {
      this.#challenge = outcome;
      this.step = 'mfa';
      this.host.requestUpdate();
    }
    return undefined;
  }

  /** Step two. Resolves with the grant, or undefined on error (`error.kind` 'otp-invalid' or 'mfa-expired'). */
  async submitCode(otp: string): Promise<TokenGrant | undefined> {
    const challenge = this.#challenge;
    if (!challenge || this.busy) return undefined;
    const { mfaToken, expiresIn } = challenge;
    const grant = await this.run((call) =>
      verifyMfa(this.#api(), { mfaToken, otp, expiresIn }, call),
    );
    if (grant || this.error?.kind === 'mfa-expired') this.#backToCredentials();
    return grant;
  }

  /** The code step's submit handler: reads its `otp` field, says it is checking, runs step two. */
  async submitCodeForm(event: SubmitEvent): Promise<TokenGrant | undefined> {
    event.preventDefault();
    if (this.busy) return undefined;
    const otp = String(new FormData(event.target as HTMLFormElement).get('otp'));
    this.#view.say({ tone: 'busy', text: 'Checking the code…' });
    return this.submitCode(otp);
  }

  /** After a step that gave no token: asks for the code, or says the error and focuses its field. */
  async report(): Promise<void> {
    // A submit refused because a check is running (a second Enter, a double click): that check
    // reports when it ends. Reporting now would say "One more step" and empty the code field.
    if (this.busy) return;
    const error = this.error;
    if (this.step === 'mfa' && !error) {
      this.#view.say({
        tone: 'info',
        text: 'Password accepted. One more step: the one-time code.',
      });
      await this.host.updateComplete;
      const otp = this.#view.field('otp') as HTMLInputElement | null;
      if (otp) otp.value = ''; // a code typed for an earlier challenge is stale
      otp?.focus();
      return;
    }
    // No error and no code step: the call was aborted (Cancel, or the widget left the page).
    if (!error) return this.#view.say(null);
    this.#view.say({ tone: 'error', text: error.message });
    await this.host.updateComplete;
    const target = this.#view.field(FIELD_FOR_ERROR[error.kind] ?? 'status');
    target?.focus();
    if (error.kind === 'otp-invalid') (target as HTMLInputElement | null)?.select();
  }

  /** The code step's Cancel: back to the password step, saying `sentence`, focus on Password. */
  async cancelCodeStep(sentence: string): Promise<void> {
    this.cancel();
    this.#view.say({ tone: 'info', text: sentence });
    await this.host.updateComplete;
    this.#view.field('password')?.focus();
  }

  /** Leaves the code step (aborting a running check) and forgets the challenge. */
  cancel(): void {
    this.abort();
    this.#backToCredentials();
    this.clearError();
  }

  #backToCredentials(): void {
    this.#challenge = undefined;
    this.step = 'credentials';
    this.host.requestUpdate();
  }
}
