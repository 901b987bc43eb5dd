/**
 * Connects an element to the session of its API origin: the element re-renders
 * whenever someone logs in or out, in this element, another one, or another tab.
 *
 *   #session = new SessionController(this, () => this.apiBase);
 *   render() { return this.#session.value ? html`…` : html`…`; }
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { type ApiClient, apiFor } from '../api-helper/client.js';
import type { HostedSession } from '../api-helper/hosted-session.js';
import { hostedLogin } from '../api-helper/site-session.js';
import { requestUpdateInTurn } from '../components/own-task.js';

/** Only a site with a hosted login loads its code (not part of any page's first load otherwise). */
const loadHosted = () => import('../components/hosted.js');

import type { Session, SessionStore } from '../api-helper/session-store.js';

export class SessionController implements ReactiveController {
  readonly host: ReactiveControllerHost;
  #getBase: () => string | null | undefined;
  #api?: ApiClient;
  #dispose?: () => void;
  #disposeHosted?: () => void;
  #hosted: HostedSession | null = null;

  constructor(host: ReactiveControllerHost, getBase: () => string | null | undefined) {
    this.host = host;
    this.#getBase = getBase;
    host.addController(this);
  }

  /** The client for the element's current `api-base` (api.particle.io when unset). */
  get api(): ApiClient {
    const base = this.#getBase() ?? '';
    if (!this.#api || this.#api !== apiFor(base)) this.#api = apiFor(base);
    return this.#api;
  }

  get store(): SessionStore {
    return this.api.session;
  }

  /** The site's hosted login (single sign-on) when it has one this page can use, else null. */
  get hosted(): HostedSession | null {
    return this.#hosted;
  }

  /** The current session, or null when logged out. */
  get value(): Session | null {
    return this.store.value;
  }

  hostConnected(): void {
    this.#subscribe();
  }

  /** `api-base` may change after connection: follow it to the other origin's store. */
  hostUpdate(): void {
    if (this.#dispose && this.#api !== apiFor(this.#getBase() ?? '')) this.#subscribe();
  }

  hostDisconnected(): void {
    this.#dispose?.();
    this.#disposeHosted?.();
    this.#dispose = this.#disposeHosted = undefined;
  }

  #subscribe(): void {
    this.#dispose?.();
    this.#disposeHosted?.();
    this.#dispose = this.store.subscribe(() => requestUpdateInTurn(this.host));
    this.#disposeHosted = undefined;
    this.#hosted = null;
    if (!hostedLogin()) return;
    // Every element starts the hosted login's check, so a page without <particle-sso> follows too.
    const api = this.api;
    void loadHosted().then(({ hostedSessionFor }) => {
      if (!this.#dispose || this.api !== api) return; // disconnected, or another api-base since
      this.#disposeHosted?.();
      this.#hosted = hostedSessionFor(api);
      this.#disposeHosted = this.#hosted?.subscribe(() => this.host.requestUpdate());
      this.host.requestUpdate();
    });
  }
}
