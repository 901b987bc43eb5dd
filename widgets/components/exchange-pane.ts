import { css, html, LitElement, nothing } from 'lit';
import type { Exchange } from '../api-helper/types.js';
import { customElement, property, state } from '../decorators.js';
import base from '../styles/base.styles.js';
import './exchange-view.js';

/**
 * @summary The "Request and response" disclosure a widget shows after its calls: a
 * collapsed `<details>` whose inside (`<particle-exchange-view>`) renders when the reader
 * first opens it. Widgets render it through `ExchangeRecorder` (exchange-recorder.ts),
 * which imports the chunk of on-demand views (`on-demand.ts`) when a first call is recorded.
 *
 * @fires particle-copy - From the view's Copy buttons; the containing widget announces it.
 * @csspart details - The `<details>` element.
 * @csspart summary - Its "Request and response" summary.
 */
@customElement('particle-exchange-pane')
export class ParticleExchangePane extends LitElement {
  static override styles = [
    base,
    css`
      :host {
        display: block;
      }
      summary {
        cursor: pointer;
        font-weight: 600;
        width: fit-content;
      }
      p {
        margin: 0.5rem 0 0;
        color: var(--_muted);
      }
    `,
  ];

  /** The calls of the widget's last action, in order. */
  @property({ attribute: false }) exchanges: readonly Exchange[] = [];

  /** Set at the first open: the view is loaded and rendered from then on. */
  @state() private opened = false;

  override render() {
    return html`<details part="details" @toggle=${this.#toggled}>
      <summary part="summary">Request and response</summary>
      ${
        this.opened
          ? html`<particle-exchange-view .exchanges=${this.exchanges}></particle-exchange-view>`
          : nothing
      }
    </details>`;
  }

  #toggled = (event: Event) => {
    if ((event.target as HTMLDetailsElement).open) this.opened = true;
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'particle-exchange-pane': ParticleExchangePane;
  }
}
