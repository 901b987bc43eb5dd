/**
 * `GET /`: what a person who opens the emulator's URL needs — that this is the local stand-in
 * for api.particle.io, the accounts to log in with, and where the docs site is (when the
 * starter said so). HTML for browsers (by `Accept`), JSON for everything else.
 *
 * Usernames come from the data file, which may hold anything: the page goes through Hono's
 * escaping `html` template, and only an http(s) site URL ever becomes a link.
 */
import { Hono } from 'hono';
import { html } from 'hono/html';
import type { AppEnv, Emulator } from '../options.js';

const TITLE = 'Particle Cloud API emulator';

function accounts(emu: Emulator) {
  return [...emu.state.users.values()]
    .filter((user) => !user.ssoOnly)
    .map((user) => ({ username: user.username, password: user.password, mfa: !!user.mfaSecret }));
}

function httpUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:' ? value : undefined;
  } catch {
    return undefined;
  }
}

export function homeRoutes(emu: Emulator, siteUrl?: string) {
  const docs = httpUrl(siteUrl);
  return new Hono<AppEnv>().get('/', (c) => {
    c.header('Vary', 'Accept');
    const list = accounts(emu);
    if (!c.req.header('accept')?.includes('text/html')) {
      return c.json({ ok: true, name: TITLE, docs: docs ?? null, accounts: list });
    }
    // Nothing to run or style: the page allows nothing but itself.
    c.header('Content-Security-Policy', "default-src 'none'");
    return c.html(html`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${TITLE}</title></head>
<body>
<main>
<h1>${TITLE}</h1>
<p>A local stand-in for <code>https://api.particle.io</code>: the docs' widgets log in and call the API here. Its data lives in memory and resets when it restarts.</p>
${
  docs
    ? html`<p>The docs site: <a href="${docs}">${docs}</a></p>`
    : html`<p>No docs site was named when this emulator started (<code>npm start</code> runs both, or pass <code>--site URL</code>).</p>`
}
<h2>Accounts</h2>
<table>
<thead><tr><th scope="col">Username</th><th scope="col">Password</th><th scope="col">Two-step login</th></tr></thead>
<tbody>
${list.map(
  (a) =>
    html`<tr><td>${a.username}</td><td>${a.password}</td><td>${a.mfa ? 'yes: the code is printed in the emulator’s console' : 'no'}</td></tr>
`,
)}</tbody>
</table>
</main>
</body>
</html>
`);
  });
}
