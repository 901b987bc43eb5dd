/**
 * Records a widget's calls for its "Request and response" pane. This module is on every
 * page's first load, so it is only a list and a template: the pane's element
 * (`exchange-pane.ts`) and the view inside it (`exchange-view.ts`) are in the chunk of
 * on-demand views (`on-demand.ts`), imported when a first call is recorded if no other
 * view brought it before. Until that chunk has arrived the element is unknown and shows nothing; Lit keeps
 * the `exchanges` set on it and the element upgrades in place when defined.
 */
import { html, nothing, type ReactiveControllerHost } from 'lit';
import type { Exchange } from '../api-helper/types.js';
import type { ParticleCopyEvent } from '../events.js';
import { onDemand } from './lazy.js';

/** Once per page (`lazily`); a failed load (offline) is retried at the next call. */
const paneElement = onDemand('exchangePane');

/**
 * The exchanges of a widget's last action.
 *
 * @example
 * #calls = new ExchangeRecorder(this);
 * await createApiUser(api, target, fields, { signal, onExchange: this.#calls.start() });
 * render() { return html`… ${this.#calls.pane(this.announceCopy)}`; }
 */
export class ExchangeRecorder {
  exchanges: readonly Exchange[] = [];
  #action = 0;

  constructor(readonly host: ReactiveControllerHost) {}

  /** Starts a new action: the pane shows the calls made through the returned `onExchange` only. */
  start(): (exchange: Exchange) => void {
    const action = this.clear();
    return (exchange) => {
      // A call of an earlier action that ends late does not mix into this one.
      if (action !== this.#action) return;
      paneElement().catch(() => {});
      this.exchanges = [...this.exchanges, exchange];
      this.host.requestUpdate();
    };
  }

  /** Forgets the shown exchanges (a new reader must not see the last one's calls). */
  clear(): number {
    this.exchanges = [];
    this.host.requestUpdate();
    return ++this.#action;
  }

  /** The pane, collapsed until the reader opens it; nothing before the first call. */
  pane(onCopy?: (event: ParticleCopyEvent) => void) {
    return this.exchanges.length
      ? html`<particle-exchange-pane .exchanges=${this.exchanges} @particle-copy=${onCopy}></particle-exchange-pane>`
      : nothing;
  }
}
