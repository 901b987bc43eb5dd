import { css, html, LitElement, nothing } from 'lit';
import {
  formatSize,
  maskSecrets,
  type ShownExchange,
  showExchange,
} from '../api-helper/exchange.js';
import type { Exchange } from '../api-helper/types.js';
import { customElement, property, state } from '../decorators.js';
import { ParticleCopyEvent } from '../events.js';
import base from '../styles/base.styles.js';
import form from '../styles/form.styles.js';
import { copyText } from './copy.js';
import { type JsonToken, jsonTokens } from './json-tokens.js';

/**
 * @summary What a widget's last calls sent and received: the inside of its
 * "Request and response" pane (`exchange-pane.ts`), rendered when a pane is first opened.
 *
 * For each call: method and URL, request headers and body, status line, duration,
 * size, the response headers the page may read and the body, JSON pretty-printed
 * and highlighted. The bearer token, password, one-time code, MFA challenge and
 * tokens in the bodies read `••••` until the reader presses Show secrets. Copy
 * buttons write the request as curl and the response body, as shown (masked
 * unless revealed). Everything from the API is rendered as text.
 *
 * @fires particle-copy - {ParticleCopyEvent} after a Copy; the containing widget announces it.
 * @csspart reveal - The Show secrets toggle.
 * @csspart copy - The Copy buttons.
 */
@customElement('particle-exchange-view')
export class ParticleExchangeView extends LitElement {
  static override styles = [
    base,
    form,
    css`
      :host {
        display: grid;
        gap: 0.75rem;
        padding-top: 0.5rem;
        contain: inline-size;
        --_key: #0550ae;
        --_string: #0a3069;
        --_number: #953800;
        --_literal: #8250df;
      }
      @media (prefers-color-scheme: dark) {
        :host {
          --_key: #79c0ff;
          --_string: #a5d6ff;
          --_number: #ffa657;
          --_literal: #d2a8ff;
        }
      }
      .call {
        display: grid;
        gap: 0.4rem;
      }
      .call + .call {
        border-top: 1px solid var(--_border);
        padding-top: 0.75rem;
      }
      .caption,
      .line {
        margin: 0;
      }
      .caption {
        font-weight: 600;
      }
      .meta {
        color: var(--_muted);
      }
      code,
      pre {
        font-family: var(--_mono);
        font-size: 0.875em;
      }
      .line code {
        overflow-wrap: anywhere;
      }
      pre {
        margin: 0;
        padding: 0.5rem 0.75rem;
        background: var(--_surface);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        white-space: pre;
        overflow-x: auto;
        max-height: 24rem;
      }
      .key {
        color: var(--_key);
      }
      .string {
        color: var(--_string);
      }
      .number {
        color: var(--_number);
      }
      .literal {
        color: var(--_literal);
      }
      .secret {
        color: var(--_muted);
      }
    `,
  ];

  /** The calls of the widget's last action, in order. */
  @property({ attribute: false }) exchanges: readonly Exchange[] = [];

  @state() private reveal = false;

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    // New calls start hidden again, as a new secret does in <particle-secret>.
    if (changed.has('exchanges')) this.reveal = false;
  }

  override render() {
    const count = this.exchanges.length;
    return html`<div class="actions">
        <button type="button" part="reveal" aria-pressed=${this.reveal ? 'true' : 'false'}
          @click=${() => (this.reveal = !this.reveal)}>Show secrets</button>
      </div>
      ${this.exchanges.map((exchange, i) =>
        this.#call(
          showExchange(exchange, this.reveal),
          count > 1 ? `Call ${i + 1} of ${count}` : '',
        ),
      )}`;
  }

  /** One call; `name` ("Call 1 of 2") when there are several, so their Copy buttons tell apart. */
  #call(shown: ShownExchange, name: string) {
    const prefix = name ? `${name}: ` : '';
    const response = this.#body(shown.responseBody, shown.secrets);
    return html`<section class="call" role=${name ? 'group' : nothing} aria-label=${name || nothing}>
      <p class="caption">${`${prefix}Request`}</p>
      <p class="line"><code>${shown.requestLine}</code></p>
      ${block('Request headers', shown.requestHeaders.map(([n, v]) => `${n}: ${v}`).join('\n'))}
      ${
        shown.requestBody === undefined
          ? nothing
          : block(
              'Request body',
              shown.requestJson
                ? this.#body(shown.requestBody, shown.secrets).view
                : shown.requestBody,
            )
      }
      <p class="caption">Response</p>
      ${
        shown.statusLine === null
          ? html`<p class="line">No response: ${shown.failure}</p>`
          : html`<p class="line">
              <code>${shown.statusLine}</code>
              <span class="meta">· ${shown.durationMs} ms · ${formatSize(shown.size)}</span>
            </p>
            ${block('Response headers', shown.responseHeaders.map(([n, v]) => `${n}: ${v}`).join('\n'))}
            ${block('Response body', shown.responseBody === '' ? '(empty body)' : response.view)}`
      }
      <div class="actions">
        <button type="button" part="copy" @click=${() => this.#copy('request as curl', shown.curl)}>
          Copy request as curl
        </button>
        ${
          shown.statusLine === null
            ? nothing
            : html`<button type="button" part="copy"
                @click=${() => this.#copy('response body', response.text)}>Copy response body</button>`
        }
      </div>
    </section>`;
  }

  /** A body as highlighted JSON, or as plain text when it is not JSON; `text` is what Copy writes. */
  #body(text: string, secrets: readonly string[]) {
    const tokens = jsonTokens(text, { reveal: this.reveal, secrets });
    if (!tokens) {
      const plain = maskSecrets(text, secrets);
      return { view: plain, text: plain };
    }
    return { view: tokens.map(tokenView), text: tokens.map((t) => t.text).join('') };
  }

  async #copy(what: string, text: string) {
    const ok = await copyText(text);
    this.dispatchEvent(new ParticleCopyEvent(what, ok));
  }
}

/** A scrolling code block; it takes focus so keyboard readers can scroll it too. */
const block = (label: string, content: unknown) =>
  html`<pre tabindex="0" role="group" aria-label=${label}><code>${content}</code></pre>`;

const tokenView = (token: JsonToken) =>
  token.kind === 'space' || token.kind === 'punctuation'
    ? token.text
    : html`<span class=${token.kind}>${token.text}</span>`;

declare global {
  interface HTMLElementTagNameMap {
    'particle-exchange-view': ParticleExchangeView;
  }
}
