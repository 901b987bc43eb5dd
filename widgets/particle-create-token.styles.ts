import { css } from 'lit';

export default css`
  .stack {
    display: grid;
    gap: 0.75rem;
    max-width: 40rem;
  }

  /* One column no wider than the widget: a long command scrolls in its own box instead of
     widening the result (a grid item is otherwise at least as wide as its longest line). */
  .stack,
  .result {
    grid-template-columns: minmax(0, 1fr);
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
