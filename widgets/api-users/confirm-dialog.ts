import { css, html, LitElement } from 'lit';
import { query } from 'lit/decorators/query.js';
import { customElement, property } from '../decorators.js';
import base from '../styles/base.styles.js';
import form from '../styles/form.styles.js';

/**
 * A modal confirmation built on the native `<dialog>`: while open the page behind it
 * is inert, so focus stays inside; Escape or Cancel closes it, the confirm button
 * accepts. Cancel gets the focus, so a stray Enter never destroys anything.
 * Heading and message are rendered as text (they carry names from the API).
 *
 * @summary Asks "are you sure?" before something that cannot be undone.
 * @csspart dialog - The `<dialog>`.
 * @csspart confirm - The confirm button.
 * @csspart cancel - The Cancel button.
 */
@customElement('particle-confirm-dialog')
export class ParticleConfirmDialog extends LitElement {
  static override styles = [
    base,
    form,
    css`
      dialog {
        max-width: min(32rem, 90vw);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_bg);
        color: var(--_fg);
        padding: 1rem 1.25rem;
        box-shadow: 0 0.5rem 2rem rgb(0 0 0 / 35%);
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 45%);
      }
      h2 {
        font-size: 1.1rem;
        margin: 0 0 0.5rem;
      }
      h2,
      p {
        overflow-wrap: anywhere;
      }
      .actions {
        justify-content: flex-end;
      }
      button.danger {
        /* The page colour on the danger colour: white on dark red, dark on light red (dark scheme). */
        color: var(--_bg);
        background: var(--_danger);
        border-color: var(--_danger);
        font-weight: 600;
      }
    `,
  ];

  /** The question, e.g. `Delete “Backend”?`. */
  @property() heading = '';

  /** What happens if the reader confirms. */
  @property() message = '';

  /** The confirm button's label. */
  @property({ attribute: 'confirm-label' }) confirmLabel = 'Delete';

  @query('dialog') private dialog!: HTMLDialogElement;
  @query('[part=cancel]') private cancelButton!: HTMLButtonElement;

  /** Whether the dialog is showing. */
  get open(): boolean {
    return this.dialog?.open ?? false;
  }

  #resolve?: (confirmed: boolean) => void;

  /** Opens the dialog; resolves true if the reader confirmed, false on Cancel or Escape. */
  async ask(): Promise<boolean> {
    // Opened synchronously once rendered, so the caller's next line already sees it open.
    if (!this.hasUpdated) await this.updateComplete;
    this.#resolve?.(false);
    this.dialog.showModal();
    this.cancelButton.focus();
    return new Promise((resolve) => {
      this.#resolve = resolve;
    });
  }

  /*
   * Answers from the buttons and the dialog's own events rather than from `returnValue`
   * on `close`: Chromium delays `close` in a hidden tab, and the answer must not wait.
   */
  private answer(confirmed: boolean): void {
    const resolve = this.#resolve;
    this.#resolve = undefined;
    if (this.dialog.open) this.dialog.close();
    resolve?.(confirmed);
  }

  override render() {
    return html`
      <dialog
        part="dialog"
        aria-labelledby="heading"
        aria-describedby="message"
        @cancel=${() => this.answer(false)}
        @close=${() => {
          // A late `close` from the previous answer must not answer a reopened dialog.
          if (!this.dialog.open) this.answer(false);
        }}
      >
        <h2 id="heading">${this.heading}</h2>
        <p id="message">${this.message}</p>
        <div class="actions">
          <button part="cancel" type="button" @click=${() => this.answer(false)}>Cancel</button>
          <button part="confirm" type="button" class="danger" @click=${() => this.answer(true)}>
            ${this.confirmLabel}
          </button>
        </div>
      </dialog>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'particle-confirm-dialog': ParticleConfirmDialog;
  }
}
