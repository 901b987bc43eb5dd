import { html } from 'lit';
import type { HostedSession } from '../api-helper/hosted-session.js';

/**
 * The addresses are built from `location.href` when the link is followed, not when it
 * was rendered: the page may have moved to another `#section` since.
 */
const follow = (url: (page: string) => string, before?: () => void) => (event: Event) => {
  before?.();
  (event.currentTarget as HTMLAnchorElement).href = url(location.href);
};

export interface HostedLoginOptions {
  hosted: HostedSession;
  /** Whether the in-page login form is shown below (the second way to log in). */
  inPage: boolean;
  onToggleInPage: () => void;
  id: string;
}

/** Logged out, with a hosted login: "Log in with Particle" first, the in-page form second. */
export function hostedLoggedOut({ hosted, inPage, onToggleInPage, id }: HostedLoginOptions) {
  return html`<section class="box hosted" part="hosted">
    <p class="hint">
      Particle's login page asks for your email, password and, if your account has two-step
      verification, a one-time code, then brings you back to this page.
    </p>
    <div class="actions">
      <a class="button primary" id="${id}-hosted-login" part="hosted-login"
        href=${hosted.loginUrl()} @click=${follow(
          (p) => hosted.loginUrl(p),
          () => hosted.prepareLogin(),
        )}
        >Log in with Particle</a>
      <button type="button" class="link" part="in-page" aria-expanded=${inPage ? 'true' : 'false'}
        @click=${onToggleInPage}>Log in on this page instead</button>
    </div>
  </section>`;
}

/** Logged in through the hosted login: its account page and its logout. */
export function hostedLoggedInActions(hosted: HostedSession, id: string) {
  return html`<a class="button" part="account" href=${hosted.accountUrl()}
      @click=${follow((p) => hosted.accountUrl(p))}>Edit account</a>
    <a class="button" id="${id}-logout" part="hosted-logout" href=${hosted.logoutUrl()}
      @click=${follow((p) => hosted.logoutUrl(p))}>Log out</a>`;
}
