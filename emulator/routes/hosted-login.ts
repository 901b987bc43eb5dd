/**
 * A stand-in for Particle's hosted login (login.particle.io), so single sign-on works
 * offline: `GET/POST /login` (Email, Password, then One-time code for MFA accounts),
 * `GET /logout`, `GET /account-info`, each with `?redirect=<docs page>`.
 *
 * It logs in as a real client would, through this emulator's own `POST /oauth/token`
 * (so every check, rate limit and MFA rule applies), and leaves the token in the cookie
 * the docs page reads, `{"authenticated":{"username","access_token"}}`: no Domain (it is
 * for this host name, whatever the port, as the docs site must be served from the same
 * host name), `Path=/`, `SameSite=Lax`, and not HttpOnly, since the page reads it (as
 * Particle's is readable on *.particle.io).
 *
 * `redirect` must be a URL of the docs site's origin (`docsOrigin`); anything else is
 * refused with a page saying so, so the login is no open redirect.
 */
import { type Context, Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import {
  accountPage,
  codePage,
  passwordPage,
  refusedPage,
  STYLESHEET,
} from '../hosted-login/pages.js';
import { readBody } from '../middleware/body.js';
import { checkToken, revokeToken } from '../model/tokens.js';
import type { AppEnv, Emulator } from '../options.js';

export const DEFAULT_LOGIN_COOKIE = 'ember_simple_auth_session';

export interface HostedLoginOptions {
  /** The docs site's origin: the only place `redirect` may lead. */
  docsOrigin: string;
  /** Default `ember_simple_auth_session`. */
  cookie?: string;
  /** `POST /oauth/token` of this emulator, with the caller's connection (for rate limits). */
  tokenEndpoint: (
    form: Record<string, string>,
    env: AppEnv['Bindings'],
  ) => Response | Promise<Response>;
}

interface OAuthAnswer {
  access_token?: string;
  expires_in?: number;
  error?: string;
  error_description?: string;
  mfa_token?: string;
}

export function hostedLoginRoutes(emu: Emulator, options: HostedLoginOptions) {
  const docsOrigin = new URL(options.docsOrigin).origin;
  const cookie = options.cookie ?? DEFAULT_LOGIN_COOKIE;
  const csp = [
    "default-src 'none'",
    "style-src 'self'",
    `form-action 'self' ${docsOrigin}`,
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');

  /** The page to return to, when it is one of the docs site's; null otherwise. */
  function returnTo(value: unknown): string | null {
    if (typeof value !== 'string') return null;
    try {
      const url = new URL(value);
      return /^https?:$/.test(url.protocol) && url.origin === docsOrigin ? url.href : null;
    } catch {
      return null;
    }
  }

  const send = (
    c: Context<AppEnv>,
    body: Promise<string> | string,
    status: 200 | 400 | 401 | 429 = 200,
  ) => {
    c.header('Content-Security-Policy', csp);
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
    return c.html(body, status);
  };
  const refuse = (c: Context<AppEnv>) => send(c, refusedPage({ docsOrigin }), 400);

  /** Logged in: the cookie the docs page reads, then back to the page. */
  function loggedIn(c: Context<AppEnv>, redirect: string, answer: OAuthAnswer) {
    const issued = checkToken(emu.state, answer.access_token ?? '', emu.now());
    const username = issued.ok ? issued.token.username : '';
    const value = JSON.stringify({
      authenticated: {
        authenticator: 'authenticator:particle',
        username,
        access_token: answer.access_token,
      },
    });
    setCookie(c, cookie, value, {
      path: '/',
      sameSite: 'Lax',
      ...(answer.expires_in ? { maxAge: answer.expires_in } : {}),
    });
    return c.redirect(redirect, 303);
  }

  async function oauth(c: Context<AppEnv>, form: Record<string, string>) {
    const res = await options.tokenEndpoint(form, c.env);
    return {
      status: res.status,
      answer: (await res.json()) as OAuthAnswer,
      retryAfter: res.headers.get('Retry-After'),
    };
  }

  const tooMany = (retryAfter: string | null) =>
    `Too many login attempts. Wait ${retryAfter ?? 'a few'} seconds and try again.`;

  return new Hono<AppEnv>()
    .get('/login/style.css', (c) => {
      c.header('Content-Type', 'text/css; charset=utf-8');
      return c.body(STYLESHEET);
    })
    .get('/login', (c) => {
      const redirect = returnTo(c.req.query('redirect'));
      return redirect ? send(c, passwordPage({ redirect })) : refuse(c);
    })
    .post('/login', async (c) => {
      const body = await readBody(c);
      const redirect = returnTo(body.redirect);
      if (!redirect) return refuse(c);
      const username = typeof body.username === 'string' ? body.username.trim() : '';
      const password = typeof body.password === 'string' ? body.password : '';
      if (!username || !password) {
        return send(
          c,
          passwordPage({ redirect, username, error: 'Enter your email and your password.' }),
          400,
        );
      }
      const { status, answer, retryAfter } = await oauth(c, {
        grant_type: 'password',
        username,
        password,
      });
      if (status === 200 && answer.access_token) return loggedIn(c, redirect, answer);
      if (status === 403 && answer.error === 'mfa_required' && answer.mfa_token) {
        return send(c, codePage({ redirect, mfaToken: answer.mfa_token }));
      }
      const error =
        status === 429
          ? tooMany(retryAfter)
          : status === 400 && answer.error === 'invalid_grant'
            ? 'That email and password do not match an account. Check them and try again.'
            : (answer.error_description ?? 'The login failed. Try again.');
      return send(c, passwordPage({ redirect, username, error }), status === 429 ? 429 : 401);
    })
    .post('/login/verify', async (c) => {
      const body = await readBody(c);
      const redirect = returnTo(body.redirect);
      if (!redirect) return refuse(c);
      const mfaToken = typeof body.mfa_token === 'string' ? body.mfa_token : '';
      const otp = typeof body.otp === 'string' ? body.otp.replace(/\s+/g, '') : '';
      if (!otp) {
        return send(
          c,
          codePage({
            redirect,
            mfaToken,
            error: 'Enter the 6-digit code from your authenticator app.',
          }),
          400,
        );
      }
      const { status, answer, retryAfter } = await oauth(c, {
        grant_type: 'urn:custom:mfa-otp',
        mfa_token: mfaToken,
        otp,
      });
      if (status === 200 && answer.access_token) return loggedIn(c, redirect, answer);
      if (status === 401 || status === 429) {
        const error =
          status === 429
            ? tooMany(retryAfter)
            : 'That code is not right, or it has changed. Enter the code your app shows now.';
        return send(c, codePage({ redirect, mfaToken, error }), status);
      }
      const error =
        'This login took too long or was already used. Enter your email and password again.';
      return send(c, passwordPage({ redirect, error }), 400);
    })
    .get('/logout', (c) => {
      const redirect = returnTo(c.req.query('redirect'));
      if (!redirect) return refuse(c);
      const token = readLogin(getCookie(c, cookie));
      const check = token ? checkToken(emu.state, token, emu.now()) : null;
      // As a hosted logout does: the session's token stops working, not only the cookie.
      if (check?.ok) revokeToken(emu.state, check.token);
      deleteCookie(c, cookie, { path: '/' });
      return c.redirect(redirect, 303);
    })
    .get('/account-info', (c) => {
      const redirect = returnTo(c.req.query('redirect'));
      if (!redirect) return refuse(c);
      const token = readLogin(getCookie(c, cookie));
      const check = token ? checkToken(emu.state, token, emu.now()) : null;
      return send(c, accountPage({ redirect, username: check?.ok ? check.token.username : null }));
    });
}

/** The access token inside the cookie, or null. */
function readLogin(value: string | undefined): string | null {
  try {
    const token = JSON.parse(value ?? '').authenticated?.access_token;
    return typeof token === 'string' ? token : null;
  } catch {
    return null;
  }
}
