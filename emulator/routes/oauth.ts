/**
 * `POST /oauth/token`: the password grant (§2.1) and the MFA grant `urn:custom:mfa-otp` (§2.2).
 * Checks run in S7's order, so each error row of the contract comes out as documented.
 */
import { Hono } from 'hono';
import { invalidRequest, oauthError } from '../errors.js';
import { isForm, readBody } from '../middleware/body.js';
import { clientKey } from '../middleware/rate-limit.js';
import { newMfaToken } from '../model/ids.js';
import { capMfaChallenges } from '../model/sweep.js';
import { issueToken } from '../model/tokens.js';
import { currentCode, verifyCode } from '../model/totp.js';
import type { Lifetime } from '../model/types.js';
import type { AppEnv, Emulator } from '../options.js';

const MFA_GRANT = 'urn:custom:mfa-otp';
const DEFAULT_EXPIRES_IN = 7_776_000; // 90 days (§2.1)
const MFA_STEP_MS = 5 * 60_000; // [INFERRED] how long an mfa_token stays usable
const CLIENT_ID = /^[a-z0-9-_]{3,40}$/i;
const KNOWN_CLIENTS: Record<string, string> = {
  particle: 'particle',
  'particle-api': 'particle-api',
  'particle-cli': 'particle-cli',
};

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/** Basic wins over the body (S7); any other Authorization header (the CLI's `Bearer null`) is ignored. */
function clientId(
  header: string | undefined,
  body: Record<string, unknown>,
  strict: boolean,
): string {
  let id = text(body.client_id);
  let secret = text(body.client_secret);
  const basic = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (basic) {
    const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    id = text(colon < 0 ? decoded : decoded.slice(0, colon));
    secret = colon < 0 ? undefined : text(decoded.slice(colon + 1));
  }
  if (!id || !CLIENT_ID.test(id)) throw clientError('Invalid or missing client_id parameter');
  if (!secret) throw clientError('Missing client_secret parameter');
  if (strict && KNOWN_CLIENTS[id] !== secret) throw clientError('Client credentials are invalid');
  return id;
}

const clientError = (description: string) => oauthError(400, 'invalid_client', description);

/**
 * The requested lifetime: `expires_at` wins over `expires_in`; 0 = never. Kept relative until the
 * token is issued, so an MFA login's second step gets the full lifetime asked for in step 1.
 */
function lifetime(body: Record<string, unknown>, now: number): Lifetime {
  if (body.expires_at !== undefined && body.expires_at !== '') {
    const at = Date.parse(String(body.expires_at));
    if (Number.isNaN(at) || at <= now) {
      throw invalidRequest('Invalid expires_at parameter: use a future ISO-8601 date');
    }
    return { at };
  }
  if (body.expires_in === undefined || body.expires_in === '')
    return { seconds: DEFAULT_EXPIRES_IN };
  const seconds = String(body.expires_in);
  if (!/^\d{1,10}$/.test(seconds)) {
    throw invalidRequest('Invalid expires_in parameter: use a whole number of seconds');
  }
  return { seconds: Number(seconds) };
}

const expiryOf = (life: Lifetime, now: number): number | null =>
  'at' in life ? life.at : life.seconds === 0 ? null : now + life.seconds * 1000;

export function oauthRoutes(emu: Emulator) {
  const { state, limiter } = emu;

  function grantResponse(username: string, client: string, life: Lifetime) {
    const now = emu.now();
    const expiresAt = expiryOf(life, now);
    const token = issueToken(state, { username, client, expiresAt }, now);
    return {
      token_type: 'bearer',
      access_token: token.token,
      expires_in: expiresAt === null ? 0 : Math.round((expiresAt - now) / 1000),
      ...(token.refreshToken ? { refresh_token: token.refreshToken } : {}),
    };
  }

  function failed(ip: string, status: 400 | 401, error: string, description: string): never {
    limiter.loginFailed(ip);
    throw oauthError(status, error, description);
  }

  return new Hono<AppEnv>().all('/oauth/token', async (c) => {
    if (c.req.method !== 'POST' || !isForm(c)) {
      throw invalidRequest('Method must be POST with application/x-www-form-urlencoded encoding');
    }
    const body = await readBody(c);
    const grantType = body.grant_type;
    if (grantType !== 'password' && grantType !== MFA_GRANT) {
      throw invalidRequest('Invalid or missing grant_type parameter');
    }
    const client = clientId(c.req.header('Authorization'), body, emu.strictClients);
    const ip = clientKey(c);
    const now = emu.now();
    c.header('Cache-Control', 'no-store');
    c.header('Pragma', 'no-cache');

    if (grantType === MFA_GRANT) {
      const mfaToken = text(body.mfa_token);
      const otp = text(body.otp);
      if (!mfaToken || !otp) throw invalidRequest('You must provide otp and mfa token.');
      const challenge = state.mfaChallenges.get(mfaToken);
      const user = challenge && state.users.get(challenge.username);
      if (!challenge || !user?.mfaSecret || challenge.challengeExpiresAt <= now) {
        state.mfaChallenges.delete(mfaToken);
        failed(ip, 400, 'invalid_grant', 'The MFA token is invalid or has expired. Log in again.');
      }
      if (!verifyCode(user.mfaSecret, otp.trim(), now)) {
        failed(ip, 401, 'invalid_token', 'Could not validate OTP.');
      }
      state.mfaChallenges.delete(mfaToken);
      limiter.loginSucceeded(ip);
      return c.json(grantResponse(user.username, challenge.client, challenge.lifetime));
    }

    const username = text(body.username);
    const password = text(body.password);
    if (!username || !password) {
      throw clientError('Missing parameters. "username" and "password" are required');
    }
    const life = lifetime(body, now);
    const user = [...state.users.values()].find(
      (u) => u.username.toLowerCase() === username.toLowerCase(),
    );
    if (!user || user.password !== password) {
      failed(ip, 400, 'invalid_grant', 'User credentials are invalid');
    }
    if (user.ssoOnly) {
      throw oauthError(
        403,
        'sso_user',
        'This account signs in with single sign-on (SSO); use your company login',
      );
    }
    if (user.mfaSecret) {
      const mfaToken = newMfaToken();
      state.mfaChallenges.set(mfaToken, {
        username: user.username,
        client,
        lifetime: life,
        challengeExpiresAt: now + MFA_STEP_MS,
      });
      capMfaChallenges(state);
      emu.log(
        `MFA challenge for ${user.username}: current one-time code ${currentCode(user.mfaSecret, now)}`,
      );
      throw oauthError(403, 'mfa_required', 'Multi-factor authentication required', { mfaToken });
    }
    limiter.loginSucceeded(ip); // only a finished login resets the failure count
    return c.json(grantResponse(user.username, client, life));
  });
}
