import { Task } from '@lit/task';
import { css, html, LitElement, nothing } from 'lit';
import { ApiError } from '../api-helper/errors.js';
import { listOrgs } from '../api-helper/products.js';
import type { Org } from '../api-helper/types.js';
import { SessionController } from '../controllers/session-controller.js';
import { customElement, property } from '../decorators.js';
import { ParticleOrgsLoadEvent } from '../events.js';
import base from '../styles/base.styles.js';
import form from '../styles/form.styles.js';

/**
 * @summary The logged-in reader's organizations as a select; the choice is kept
 * with the session (`session.org`), where the API-user widgets read their
 * default target. Renders nothing while logged out.
 *
 * It has no live region of its own: it reports each load as a `particle-orgs-load`
 * event, and the widget around it (`<particle-sso>`) announces a failure in its one
 * live region. The failure is also shown here, next to "Load organizations again".
 *
 * @example
 * html`<particle-org-picker api-base=${this.apiBase}></particle-org-picker>`
 *
 * @fires particle-orgs-load - {ParticleOrgsLoadEvent} after each load while logged in; `error` if it failed.
 * @csspart select - The `<select>`.
 */
@customElement('particle-org-picker')
export class ParticleOrgPicker extends LitElement {
  static override styles = [
    base,
    form,
    css`
      :host {
        margin: 0;
      }
    `,
  ];

  /** The API origin whose session and organizations to use. */
  @property({ attribute: 'api-base' }) apiBase = '';

  readonly #session = new SessionController(this, () => this.apiBase);

  readonly #orgs = new Task(this, {
    task: ([username], { signal }) =>
      username ? listOrgs(this.#session.api, { signal }) : Promise.resolve([]),
    args: () => [this.#session.value?.username] as const,
    onComplete: () => this.#report(null),
    onError: (error) => this.#report(error instanceof Error ? error : new Error(String(error))),
  });

  override render() {
    const session = this.#session.value;
    if (!session) return nothing;
    return this.#orgs.render({
      pending: () => html`<p class="hint">Loading your organizations…</p>`,
      error: (e) => html`<p class="error">${(e as Error).message}</p>
        <button type="button" @click=${this.#retry}>Load organizations again</button>`,
      complete: (orgs) =>
        orgs.length === 0
          ? html`<p class="hint">You are not a member of any organization.</p>`
          : html`<div class="row">
              <label for="org">Organization</label>
              <select id="org" part="select" @change=${(e: Event) => this.#pick(orgs, e)}>
                <option value="" ?selected=${!session.org}>None (my sandbox)</option>
                ${orgs.map(
                  (o) =>
                    html`<option value=${o.id} ?selected=${session.org?.id === o.id}>${o.name}</option>`,
                )}
              </select>
              <p class="hint">The API-user widgets on this page use it as their default.</p>
            </div>`,
    });
  }

  /**
   * The retry button disappears while the reload runs, so focus would fall to the page:
   * put it back on what the reload left (the selector, or the button after a new failure).
   */
  readonly #retry = async () => {
    await this.#orgs.run();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('select, button')?.focus();
  };

  #report(error: Error | null) {
    // Logged out (or removed with the logged-in box) there is nothing to say; a 401 ended
    // the session, which <particle-sso> already says ("Your session has expired").
    if (!this.isConnected || !this.#session.value) return;
    if (error instanceof ApiError && error.kind === 'session') return;
    this.dispatchEvent(new ParticleOrgsLoadEvent(error));
  }

  #pick(orgs: Org[], event: Event) {
    const session = this.#session.value;
    if (!session) return;
    const org = orgs.find((o) => o.id === (event.target as HTMLSelectElement).value);
    const { org: _previous, ...rest } = session;
    this.#session.store.set(
      org ? { ...rest, org: { id: org.id, slug: org.slug, name: org.name } } : rest,
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'particle-org-picker': ParticleOrgPicker;
  }
}
