import { html } from 'lit';
import type { ApiError } from '../api-helper/errors.js';

export interface MfaStepOptions {
  /** Prefix for the ids inside (unique on the page when the host renders into light DOM). */
  id: string;
  busy: boolean;
  error: ApiError | null;
  /** Id of the host's live region, which carries the error sentence. */
  statusId: string;
  onSubmit: (event: SubmitEvent) => void;
  onCancel: () => void;
}

/** Why the reader sees this step; also the step's accessible name. */
export const MFA_EXPLANATION =
  'Your account uses two-step verification: enter the 6-digit code from your authenticator app.';

/**
 * The one-time-code step of a login, as a template rather than an element so
 * that its input lives in the host's tree (light DOM for `<particle-sso>`,
 * where password managers and SMS/TOTP autofill look for `one-time-code`).
 * The code is read from the form's `otp` field on submit.
 */
export function mfaStep(o: MfaStepOptions) {
  const invalid = o.error?.kind === 'otp-invalid';
  return html`<form
    class="box mfa"
    part="mfa-form"
    aria-labelledby="${o.id}-mfa-why"
    aria-busy=${o.busy ? 'true' : 'false'}
    @submit=${o.onSubmit}
  >
    <p class="explain" id="${o.id}-mfa-why">${MFA_EXPLANATION}</p>
    <div class="row">
      <label for="${o.id}-otp">One-time code</label>
      <input
        id="${o.id}-otp"
        name="otp"
        autocomplete="one-time-code"
        inputmode="numeric"
        pattern="\\s*(\\d\\s*){6}"
        title="6 digits"
        required
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby="${o.id}-otp-hint ${o.statusId}"
      />
      <p class="hint" id="${o.id}-otp-hint">6 digits; the code changes every 30 seconds.</p>
    </div>
    <div class="actions">
      <button class="primary" type="submit" part="submit" ?disabled=${o.busy}>Verify</button>
      <button type="button" part="cancel" @click=${o.onCancel}>Cancel</button>
    </div>
  </form>`;
}
