/**
 * The result of `<particle-create-token>`: the new token (masked, Show and Copy), its
 * expiry and the equivalent commands. In the chunk of on-demand views (`on-demand.ts`),
 * loaded as the reader starts on the form, since a reader who never creates one never needs it.
 */
import './particle-secret.js';
import './particle-snippet.js';
import { html, nothing } from 'lit';
import { loginRequest } from '../api-helper/auth.js';
import { toCli, toCurl } from '../api-helper/snippets.js';
import type { TokenGrant } from '../api-helper/types.js';
import { expiryWithTime } from './expiry.js';

/** Inner parts offered to the page's `::part()` (see `<particle-create-token>`). */
const SECRET_PARTS = 'value: token, toggle: token-toggle, copy: token-copy';
const SNIPPET_PARTS = 'base: command, code: command-code, copy: command-copy';

export function tokenResult(grant: TokenGrant, username: string, apiBaseUrl: string) {
  // The commands show the same request without its secrets: the CLI asks for them itself.
  const request = loginRequest({ username, password: '', expiresIn: grant.expiresIn });
  const cli = toCli(request);
  return html`<section class="box result" part="result" aria-labelledby="result-title">
      <h3 id="result-title" tabindex="-1">Your new access token</h3>
      <particle-secret label="token" exportparts=${SECRET_PARTS} .value=${grant.accessToken}></particle-secret>
      <p>This token ${expiryWithTime(grant.expiresAt)}.</p>
      <p class="warning">
        Store it somewhere safe: it gives full access to your account. This page does not keep it,
        and it is not your login on this page.
      </p>
      ${
        cli
          ? html`<particle-snippet label="Particle CLI" exportparts=${SNIPPET_PARTS}
              .command=${cli}></particle-snippet>`
          : nothing
      }
      <particle-snippet label="curl" exportparts=${SNIPPET_PARTS}
        .command=${toCurl(apiBaseUrl, request)}></particle-snippet>
    </section>`;
}
