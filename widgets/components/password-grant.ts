import type { ReactiveControllerHost } from 'lit';
import { login, verifyMfa } from '../api-helper/auth.js';
import type { ApiClient } from '../api-helper/client.js';
import type { LoginOutcome, TokenGrant } from '../api-helper/types.js';
import { RequestController } from './request-controller.js';

export interface PasswordGrantInput {
  username: string;
  password: string;
  /** Seconds; 0 asks for a token that never expires. */
  expiresIn: number;
}

type Challenge = Extract<LoginOutcome, { status: 'mfa' }>;

/**
 * The two-step password grant shared by `<particle-sso>` and
 * `<particle-create-token>`: email and password, then a one-time code when the
 * account has MFA. `step` says which form to show. A wrong code stays on the
 * code step; an expired MFA step goes back to the password step with its error
 * (kind `mfa-expired`) kept for the view to show. The lifetime chosen in step
 * one carries over to the token step two issues.
 */
export class PasswordGrantController extends RequestController {
  step: 'credentials' | 'mfa' = 'credentials';
  #challenge?: Challenge;
  readonly #api: () => ApiClient;

  constructor(host: ReactiveControllerHost, api: () => ApiClient) {
    super(host);
    this.#api = api;
  }

  /** Step one. Resolves with the grant; undefined when a code is needed next (`step` is 'mfa') or on error. */
  async submitPassword(input: PasswordGrantInput): Promise<TokenGrant | undefined> {
    const outcome = await this.run((signal) => login(this.#api(), input, { signal }));
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
    const grant = await this.run((signal) =>
      verifyMfa(this.#api(), { mfaToken, otp, expiresIn }, { signal }),
    );
    if (grant || this.error?.kind === 'mfa-expired') this.#backToCredentials();
    return grant;
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
