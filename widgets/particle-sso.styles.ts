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
`;
