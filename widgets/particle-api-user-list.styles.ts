import { css } from 'lit';

/** `<particle-api-user-list>`: the form, then the status line, the table and the people count. */
export default css`
  /* Spaced inside the shadow root: a page that sets display on the host (site.css) must not undo it. */
  .stack {
    display: grid;
    gap: 0.75rem;
  }

  .box {
    max-width: 56rem;
  }

  .humans {
    margin: 0;
    color: var(--_muted);
  }
`;
