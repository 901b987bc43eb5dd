import { css } from 'lit';

/**
 * The scope picker: tools row, a scrolling box of resource groups in columns, the count.
 * The filter is only as wide as its field, so "Skip the scope list" sits right beside it.
 */
export default css`
  .tools {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.5rem 1rem;
  }

  .filter {
    display: grid;
    gap: 0.25rem;
    flex: 0 1 24rem;
  }

  .skip {
    padding-block: 0.4rem;
  }

  .presets {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
  }

  .count {
    margin: 0.5rem 0;
    color: var(--_muted);
  }

  .groups {
    max-height: 24rem;
    overflow: auto;
    padding: 0.25rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  /*
   * A full box keeps its height while the filter narrows it and while its groups render a
   * frame at a time: the count and the buttons below stay put, and nothing outside the box
   * (the 200 rows of the API-user table under an editor) is laid out or painted again.
   */
  .groups.full {
    height: 24rem;
    contain: strict;
  }

  /* Two columns where they fit, else one under the other (see renderColumns). */
  .columns {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
    align-items: start;
    gap: 0.5rem;
  }

  .column {
    display: grid;
    gap: 0.5rem;
  }

  fieldset {
    margin: 0;
    padding: 0.4rem 0.6rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-width: 0;
  }

  legend {
    font-weight: 600;
  }

  legend code,
  .picked {
    font-weight: normal;
    color: var(--_muted);
  }

  legend code {
    font-family: var(--_mono);
    font-size: 0.85em;
  }

  .group-actions {
    display: flex;
    gap: 0.4rem;
    margin-bottom: 0.25rem;
  }

  .group-actions button {
    padding: 0.1rem 0.5rem;
    font-size: 0.85em;
  }

  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.2rem;
  }

  li {
    display: grid;
    grid-template-columns: auto 1fr;
    column-gap: 0.4rem;
    align-items: start;
  }

  li label {
    font-weight: normal;
  }

  li code {
    font-family: var(--_mono);
    font-size: 0.9em;
  }

  .description {
    grid-column: 2;
    color: var(--_muted);
    font-size: 0.8em;
  }

  .empty {
    margin: 0.5rem;
  }

  /*
   * How many scopes the filter shows is said inside the full box, which the browser lays out
   * on its own: said in the count line below it, it changed on every keystroke and made each
   * one lay out the page again, and around an editor the 200-row table with it (issue 11).
   */
  .shown {
    margin: 0 0 0.4rem;
    color: var(--_muted);
  }
`;
