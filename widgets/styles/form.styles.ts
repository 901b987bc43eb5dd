import { css } from 'lit';

/**
 * Form layout shared by the widgets: a bordered box, label-over-field rows,
 * buttons (`.primary` for the submit, plain for secondary actions, `.link` for
 * a text-like switch), the busy hint, the live status line and error text.
 * Builds on the private `--_*` theme properties of `base.styles.ts`.
 *
 * Markup it expects: `<form class="box">` → `.row` (`<label>` + control + `.hint`)
 * → `.actions` (buttons, `.busy-hint`) → `.status` (`role="status"`, with
 * `.error` or `.success` inside).
 */
export default css`
  .box {
    display: grid;
    gap: 0.75rem;
    padding: 1rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    max-width: 40rem;
  }

  .row {
    display: grid;
    gap: 0.25rem;
  }

  .row.inline {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }

  label {
    font-weight: 600;
  }

  .row.inline label {
    font-weight: normal;
  }

  .hint {
    color: var(--_muted);
    font-size: 0.875em;
    margin: 0;
  }

  input:not([type='checkbox'], [type='radio']),
  select {
    font: inherit;
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--_control-border);
    border-radius: var(--_radius);
    padding: 0.4rem 0.6rem;
    width: 100%;
    max-width: 24rem;
  }

  input[inputmode='numeric'] {
    max-width: 10rem;
    letter-spacing: 0.2em;
    font-family: var(--_mono);
  }

  input[type='checkbox'],
  input[type='radio'] {
    accent-color: var(--_accent);
    width: 1.1rem;
    height: 1.1rem;
  }

  input[aria-invalid='true'] {
    border-color: var(--_danger);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }

  button {
    font: inherit;
    cursor: pointer;
    color: var(--_fg);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.4rem 0.9rem;
  }

  button.primary {
    color: var(--_accent-fg);
    background: var(--_accent);
    border-color: var(--_accent);
    font-weight: 600;
  }

  button.link {
    background: none;
    border: none;
    padding: 0;
    color: var(--_accent);
    text-decoration: underline;
  }

  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }

  [aria-busy='true'] {
    cursor: progress;
  }

  .busy-hint {
    color: var(--_muted);
  }

  .busy-hint::before {
    content: '';
    display: inline-block;
    width: 0.8em;
    height: 0.8em;
    margin-inline-end: 0.4em;
    border: 2px solid currentColor;
    border-right-color: transparent;
    border-radius: 50%;
    vertical-align: -0.1em;
    animation: particle-spin 0.8s linear infinite;
  }

  @media (prefers-reduced-motion: reduce) {
    .busy-hint::before {
      animation: none;
    }
  }

  @keyframes particle-spin {
    to {
      transform: rotate(1turn);
    }
  }

  .explain {
    margin: 0;
  }

  .status {
    margin: 0;
    max-width: 40rem;
  }

  .error {
    color: var(--_danger);
  }

  .success {
    color: var(--_success);
  }

  .result {
    display: grid;
    gap: 0.75rem;
  }

  dl.facts {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.25rem 1rem;
    margin: 0;
  }

  dl.facts dt {
    font-weight: 600;
  }

  dl.facts dd {
    margin: 0;
  }
`;
