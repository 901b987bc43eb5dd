import { css } from 'lit';

/**
 * `<particle-sso>` renders into its light DOM, so these rules (with base and
 * form) are nested under `particle-sso` by `adoptLightDomStyles`; `:host` means
 * the element itself.
 */
export default css`
  .who {
    margin: 0;
    font-size: 1.05em;
  }

  .who:focus {
    outline: none;
  }

  .who:focus-visible {
    outline: 2px solid var(--_accent);
  }

  .mode-switch {
    justify-self: start;
  }

  .status {
    margin-top: 0.5rem;
  }

  /* The hosted login's links look like the form's buttons: they are its main actions. */
  a.button {
    display: inline-block;
    font-weight: 600;
    color: var(--_fg);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.4rem 0.9rem;
    text-decoration: none;
  }

  a.button.primary {
    color: var(--_accent-fg);
    background: var(--_accent);
    border-color: var(--_accent);
  }

  a.button:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
`;
