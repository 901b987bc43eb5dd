/**
 * API answers for the password grant and its MFA step (particle-api.md §2.1,
 * §2.2), shared by the <particle-sso> and <particle-create-token> suites.
 */
import type { FakeResponse, RecordedRequest } from '../helpers/fake-fetch.js';

export const NEW_TOKEN = 'b0b1b2b3c4c5c6c7d8d9e0e1f2f3a4a5b6b7c8c9';
export const MFA_TOKEN = 'mfa-challenge-token';
export const GOOD_CODE = '123456';

export const grant = (expiresIn: number): FakeResponse => ({
  body: { token_type: 'bearer', access_token: NEW_TOKEN, expires_in: expiresIn },
});

export const wrongPassword: FakeResponse = {
  status: 400,
  body: { error: 'invalid_grant', error_description: 'User credentials are invalid' },
};

export const mfaRequired: FakeResponse = {
  status: 403,
  body: {
    mfa_token: MFA_TOKEN,
    error: 'mfa_required',
    error_description: 'Multi-factor authentication required',
  },
};

export const wrongCode: FakeResponse = {
  status: 401,
  body: { error: 'invalid_token', error_description: 'Could not validate OTP.' },
};

export const expiredChallenge: FakeResponse = {
  status: 400,
  body: { error: 'invalid_grant', error_description: 'Invalid or expired mfa token' },
};

/**
 * `/oauth/token` for an MFA account: step one asks for a code; step two accepts
 * GOOD_CODE with the lifetime asked for in step one, and answers `step2` otherwise.
 */
export function mfaAccount(step2: FakeResponse = wrongCode) {
  let asked = 3600;
  return (request: RecordedRequest): FakeResponse => {
    const form = request.form!;
    if (form.get('grant_type') === 'password') {
      asked = Number(form.get('expires_in'));
      return mfaRequired;
    }
    return form.get('otp') === GOOD_CODE && form.get('mfa_token') === MFA_TOKEN
      ? grant(asked)
      : step2;
  };
}

/** Sets an input's value as typing would (so `input` listeners run). */
export function type(input: HTMLInputElement | HTMLSelectElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** True while the widget shows its one-time-code step (the form exists only then). */
export const codeStepShown = (el: HTMLElement) =>
  (el.shadowRoot ?? el).querySelector('form.mfa') !== null;
