/**
 * The stand-in hosted login's pages: server-rendered HTML forms, no script, every value
 * escaped by hono/html, styled only by `/login/style.css` (the pages' CSP allows no inline
 * style). Plain words, one `<h1>`, labelled fields, and an error that is announced
 * (`role="alert"`) and tied to its field (`aria-describedby`).
 */
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

export const STYLESHEET = `body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1b1f23;background:#f6f8fa}
main{max-width:24rem;margin:3rem auto;padding:1.5rem;background:#fff;border:1px solid #c8ced6;border-radius:6px}
h1{font-size:1.4rem;margin:0 0 .5rem}label{display:block;font-weight:600;margin-top:1rem}
input{box-sizing:border-box;width:100%;font:inherit;padding:.4rem;margin-top:.25rem;border:1px solid #57606a;border-radius:6px}
input[aria-invalid=true]{border-color:#b42318}button{font:inherit;font-weight:600;margin-top:1.25rem;padding:.45rem 1rem;color:#fff;background:#00838f;border:1px solid #00838f;border-radius:6px;cursor:pointer}
:focus-visible{outline:2px solid #00838f;outline-offset:2px}.error{color:#b42318;font-weight:600}.note{color:#57606a;font-size:.9rem}a{color:#00616b}
@media (prefers-color-scheme:dark){body{color:#e6edf3;background:#0d1117}main{background:#161b22;border-color:#3d444d}input{background:#0d1117;color:#e6edf3;border-color:#9da7b3}.error{color:#ff7b72}.note{color:#9da7b3}a{color:#4dd0e1}button{color:#0b1f24;background:#4dd0e1;border-color:#4dd0e1}}`;

function page(title: string, body: Html): Html {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} | Particle login (emulator)</title>
<link rel="stylesheet" href="/login/style.css">
</head>
<body>
<main>
${body}
<p class="note">This is the API emulator's stand-in for Particle's hosted login. It issues real emulator tokens.</p>
</main>
</body>
</html>`;
}

const errorLine = (error: string | undefined) =>
  error ? html`<p id="error" class="error" role="alert">${error}</p>` : '';
const invalid = (error: string | undefined) =>
  error ? html` aria-invalid="true" aria-describedby="error"` : '';

export function passwordPage(o: { redirect: string; username?: string; error?: string }): Html {
  return page(
    'Log in',
    html`<h1>Log in to Particle</h1>
<p>You return to <a href="${o.redirect}">the page you came from</a> once you are logged in.</p>
${errorLine(o.error)}
<form method="post" action="/login">
<input type="hidden" name="redirect" value="${o.redirect}">
<label for="email">Email</label>
<input id="email" name="username" type="email" autocomplete="username" required value="${o.username ?? ''}"${invalid(o.error)}>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${invalid(o.error)}>
<button type="submit">Log in</button>
</form>`,
  );
}

export function codePage(o: { redirect: string; mfaToken: string; error?: string }): Html {
  return page(
    'Two-step verification',
    html`<h1>Two-step verification</h1>
<p>Your account has two-step verification. Enter the 6-digit code from your authenticator app.</p>
${errorLine(o.error)}
<form method="post" action="/login/verify">
<input type="hidden" name="redirect" value="${o.redirect}">
<input type="hidden" name="mfa_token" value="${o.mfaToken}">
<label for="otp">One-time code</label>
<input id="otp" name="otp" type="text" inputmode="numeric" autocomplete="one-time-code" required${invalid(o.error)}>
<button type="submit">Verify</button>
</form>
<p><a href="/login?redirect=${encodeURIComponent(o.redirect)}">Start again</a></p>`,
  );
}

export function accountPage(o: { redirect: string; username: string | null }): Html {
  const back = html`<a href="${o.redirect}">Back to the page you came from</a>`;
  return page(
    'Your account',
    o.username
      ? html`<h1>Your account</h1>
<p>Logged in as <strong>${o.username}</strong>. The emulator has no account settings to edit.</p>
<p>${back}</p>
<p><a href="/logout?redirect=${encodeURIComponent(o.redirect)}">Log out</a></p>`
      : html`<h1>Your account</h1>
<p>You are not logged in.</p>
<p><a href="/login?redirect=${encodeURIComponent(o.redirect)}">Log in</a> or ${back}.</p>`,
  );
}

/** The answer to a `redirect` that leaves the docs site: no link to it, only to the docs. */
export function refusedPage(o: { docsOrigin: string }): Html {
  return page(
    'Address refused',
    html`<h1>This address is not allowed</h1>
<p id="error" class="error" role="alert">The login page only sends you back to the docs site, ${o.docsOrigin}. The address it was given to return to is missing or belongs to another site, so it will not go there.</p>
<p><a href="${o.docsOrigin}/">Go to the docs site</a></p>`,
  );
}
