import { css } from 'lit';

/**
 * Styles every widget starts from: box sizing, `[hidden]`, the focus ring and the
 * theme. Colours come only from the site's `--particle-*` custom properties; the
 * fallbacks after them keep a widget readable on a page that defines none, in the
 * light and the dark scheme. The private `--_*` properties hold the resolved
 * values so that component styles never repeat a fallback.
 *
 * Why some rules are there (comments inside the CSS would ship in the bundle):
 * - `--_control-border`: field borders are how a reader finds a field, so they keep 3:1
 *   against the page (WCAG 1.4.11); `--_border` only frames boxes.
 * - `color-scheme`: native checkboxes, radios and select popups follow the scheme the
 *   colours follow.
 * - `.status:empty` is clipped like `.visually-hidden`, not `display: none`: empty, the live
 *   region stays in the accessibility tree (a region that appears together with its first
 *   sentence is often not announced) but takes no room.
 */
export default css`
  :host {
    --_accent: var(--particle-accent, #00838f);
    --_accent-fg: var(--particle-accent-fg, #ffffff);
    --_bg: var(--particle-bg, #ffffff);
    --_fg: var(--particle-fg, #1b1f23);
    --_muted: var(--particle-muted, #57606a);
    --_border: var(--particle-border, #c8ced6);
    --_control-border: var(--particle-control-border, #6e7781);
    --_surface: var(--particle-surface, color-mix(in srgb, var(--_fg) 5%, var(--_bg)));
    --_danger: var(--particle-danger, #b42318);
    --_success: var(--particle-success, #1a7f37);
    --_radius: var(--particle-radius, 6px);
    --_font: var(--particle-font, system-ui, sans-serif);
    --_mono: var(--particle-mono, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace);

    display: block;
    color-scheme: light dark;
    color: var(--_fg);
    font-family: var(--_font);
    line-height: 1.5;
  }

  @media (prefers-color-scheme: dark) {
    :host {
      --_accent: var(--particle-accent, #4dd0e1);
      --_accent-fg: var(--particle-accent-fg, #0b1f24);
      --_bg: var(--particle-bg, #0d1117);
      --_fg: var(--particle-fg, #e6edf3);
      --_muted: var(--particle-muted, #9da7b3);
      --_border: var(--particle-border, #3d444d);
      --_control-border: var(--particle-control-border, #7d8590);
      --_danger: var(--particle-danger, #ff7b72);
      --_success: var(--particle-success, #3fb950);
    }
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  [hidden] {
    display: none !important;
  }

  :focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }

  .visually-hidden,
  .status:empty {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
