import { css } from 'lit';

export default css`
  .stack {
    display: grid;
    gap: 0.75rem;
    max-width: 40rem;
  }

  .result h3 {
    margin: 0;
    font-size: 1.05em;
  }

  .result h3:focus {
    outline: none;
  }

  .result h3:focus-visible {
    outline: 2px solid var(--_accent);
  }

  .result p {
    margin: 0;
  }

  .warning {
    color: var(--_muted);
  }
`;
