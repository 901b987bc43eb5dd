import { css, html, LitElement } from 'lit';
import { customElement, property } from '../decorators.js';
import { ParticleCopyEvent } from '../events.js';
import base from '../styles/base.styles.js';
import form from '../styles/form.styles.js';
import { copyText } from './copy.js';

/**
 * @summary A command (curl, Particle CLI) in a code block with a Copy button.
 *
 * Copy writes exactly the displayed text, so what the reader sees is what they
 * paste. Give it commands that are already redacted (the core's `toCurl` and
 * `toCli` leave tokens as `$PARTICLE_ACCESS_TOKEN` and passwords out).
 *
 * @example
 * html`<particle-snippet label="curl" .command=${toCurl(api.baseUrl, request)}></particle-snippet>`
 *
 * @fires particle-copy - {ParticleCopyEvent} after Copy; the containing widget announces it.
 * @csspart base - The wrapper.
 * @csspart label - The caption naming the command.
 * @csspart code - The `<pre>` with the command. It scrolls sideways when the line is longer than
 *   the screen, so it takes focus (tabindex 0): keyboard readers can scroll it too.
 * @csspart copy - The Copy button.
 */
@customElement('particle-snippet')
export class ParticleSnippet extends LitElement {
  static override styles = [
    base,
    form,
    css`
      /* Its width comes from where it is placed, never from the command: a long line scrolls
         inside instead of widening every box (and grid track) around it. */
      :host {
        display: block;
        contain: inline-size;
      }
      .head {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 0.5rem;
      }
      .label {
        font-weight: 600;
      }
      pre {
        margin: 0.25rem 0 0;
        padding: 0.6rem 0.75rem;
        font-family: var(--_mono);
        font-size: 0.875em;
        background: var(--_surface);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        /* Commands keep their lines (a narrow screen scrolls them): a break inside a URL or
           an option would read as two arguments. */
        white-space: pre;
        overflow-x: auto;
      }
    `,
  ];

  /** Names the command ("curl", "Particle CLI"); shown as the caption. */
  @property() label = 'command';

  /** The command exactly as it is shown and copied. */
  @property() command = '';

  override render() {
    return html`<div part="base">
      <div class="head">
        <span class="label" part="label">${this.label}</span>
        <button type="button" part="copy" @click=${this.copy}>
          Copy<span class="visually-hidden"> ${this.label} command</span>
        </button>
      </div>
      <pre part="code" tabindex="0"><code>${this.command}</code></pre>
    </div>`;
  }

  private async copy() {
    const ok = await copyText(this.command);
    this.dispatchEvent(new ParticleCopyEvent(`${this.label} command`, ok));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'particle-snippet': ParticleSnippet;
  }
}
