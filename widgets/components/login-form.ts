import { html } from 'lit';
import type { ApiClient } from '../api-helper/client.js';
import type { ApiError } from '../api-helper/errors.js';
import { checkToken } from '../api-helper/tokens.js';
import type { CallOptions, TokenGrant } from '../api-helper/types.js';
import { warmDateFormatting } from './expiry.js';

/** "Stay logged in for": the lifetime of the session's token, in seconds. */
const LIFETIMES: [seconds: number, label: string][] = [
  [3600, '1 hour'],
  [28800, '8 hours'],
  [86400, '1 day'],
  [604800, '1 week'],
  [2592000, '30 days'],
  [7776000, '90 days'],
];

export interface LoginFormOptions {
  /** Prefix for the ids inside (unique on the page: the host renders into light DOM). */
  id: string;
  /** 'token' shows the Access token field instead of email, password and lifetime. */
  mode: 'password' | 'token';
  hidden: boolean;
  busy: boolean;
  error: ApiError | null;
  /** Email to start with (the last reader, after a logout or an expiry). */
  username: string;
  /** The site keeps sessions in memory only: no "Keep me logged in" choice. */
  memoryOnly: boolean;
  onSubmit: (event: SubmitEvent) => void;
  onSwitchMode: () => void;
}

/**
 * The logged-out form of `<particle-sso>`, as a template (like `mfaStep`) so that
 * its inputs live in the host's light DOM, where password managers find them.
 * The fields of the other mode are disabled, so the form submits only its own.
 */
export function loginForm(o: LoginFormOptions) {
  const token = o.mode === 'token';
  const id = o.id;
  const invalid = (kind: ApiError['kind']) => (o.error?.kind === kind ? 'true' : 'false');
  return html`<form
    class="box"
    part="form"
    aria-label="Log in to Particle"
    aria-busy=${o.busy ? 'true' : 'false'}
    ?hidden=${o.hidden}
    @submit=${o.onSubmit}
    @focusin=${warmDateFormatting}
  >
    <div class="row" ?hidden=${token}>
      <label for="${id}-email">Email</label>
      <input id="${id}-email" name="username" type="email" autocomplete="username"
        required ?disabled=${token} value=${o.username} spellcheck="false" />
    </div>
    <div class="row" ?hidden=${token}>
      <label for="${id}-password">Password</label>
      <input id="${id}-password" name="password" type="password" autocomplete="current-password"
        required ?disabled=${token} aria-invalid=${invalid('credentials')}
        aria-describedby="${id}-status" />
    </div>
    <div class="row" ?hidden=${token}>
      <label for="${id}-lifetime">Stay logged in for</label>
      <select id="${id}-lifetime" name="expiresIn" ?disabled=${token}>
        ${LIFETIMES.map(([s, label]) => html`<option value=${s}>${label}</option>`)}
      </select>
    </div>
    <div class="row" ?hidden=${!token}>
      <label for="${id}-token">Access token</label>
      <input id="${id}-token" name="token" type="password" autocomplete="off" spellcheck="false"
        required ?disabled=${!token} aria-invalid=${invalid('session')}
        aria-describedby="${id}-token-hint ${id}-status" />
      <p class="hint" id="${id}-token-hint">
        Checked with the API before it is used. Log out revokes it.
      </p>
    </div>
    <div class="row inline" ?hidden=${o.memoryOnly}>
      <input id="${id}-remember" name="remember" type="checkbox" />
      <label for="${id}-remember">Keep me logged in on this device</label>
    </div>
    <div class="actions">
      <button class="primary" type="submit" part="submit" ?disabled=${o.busy}>
        ${token ? 'Use token' : 'Log in'}
      </button>
      <button type="button" class="link mode-switch" @click=${o.onSwitchMode}>
        ${token ? 'Use email and password instead' : 'Use an access token instead'}
      </button>
    </div>
  </form>`;
}

/**
 * Checks a pasted access token with the core (whose it is, when it expires; the
 * token only ever in the header) and turns it into a grant for the session.
 */
export async function checkAccessToken(
  api: ApiClient,
  token: string,
  call: CallOptions,
): Promise<{ grant: TokenGrant; username: string }> {
  const { user, expiresAt } = await checkToken(api, token, call);
  const expiresIn = expiresAt === null ? 0 : Math.round((expiresAt - Date.now()) / 1000);
  return { grant: { accessToken: token, expiresAt, expiresIn }, username: user.username };
}
