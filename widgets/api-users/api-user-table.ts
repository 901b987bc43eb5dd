import { css, html, LitElement, nothing } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import { memberName } from '../api-helper/api-users.js';
import type { TeamMember } from '../api-helper/types.js';
import { Progressive } from '../components/progressive.js';
import { customElement, property } from '../decorators.js';
import base from '../styles/base.styles.js';
import form from '../styles/form.styles.js';

/** Scopes shown before the rest fold into "N more". */
const SHOWN_SCOPES = 3;

/**
 * Rows rendered per frame: a long team (200 API users) is rendered, laid out and painted a
 * few rows at a time. Each frame of 8 rows costs about 15 ms of the main thread on the
 * 2-core bench machine (25 rows: 30 ms), so the page keeps answering the reader.
 */
const ROWS_PER_FRAME = 8;

/**
 * API users per `<tbody>`, each laid out on its own (see the styles): with one group per
 * user, each frame of a long list walked all 200 groups again; in groups of 25 it lays
 * out the rows of one.
 */
const USERS_PER_ROW_GROUP = 25;

/** `items` in consecutive slices of `size`. */
function inGroups<T>(items: readonly T[], size: number): T[][] {
  const groups: T[][] = [];
  for (let i = 0; i < items.length; i += size) groups.push(items.slice(i, i + size));
  return groups;
}

/**
 * The table of `<particle-api-user-list>`: Name, Username, Scopes (long lists
 * folded) and, per row, Edit scopes and Delete (named after the user). The row
 * being edited gets a full-width row below it holding the `editor` slot. Every value
 * is rendered as text.
 *
 * @summary Table of API users with per-row actions.
 * @fires edit - {CustomEvent<TeamMember>} Edit scopes was pressed.
 * @fires delete - {CustomEvent<TeamMember>} Delete was pressed (the list asks for confirmation).
 * @slot editor - The scope editor, shown under the row being edited.
 * @csspart table - The `<table>`.
 */
@customElement('particle-api-user-table')
export class ParticleApiUserTable extends LitElement {
  static override styles = [
    base,
    form,
    css`
      /*
       * Each row group is a table of its own, in fixed layout with the same column widths
       * (they line up): adding rows or opening the editor lays out that group only. As one
       * table, the browser ran the whole table's layout over all 200 rows in every frame.
       * The accessibility tree is the same: one table, its rows and cells (tested).
       */
      table,
      caption {
        display: block;
      }
      thead,
      tbody {
        display: table;
        width: 100%;
        table-layout: fixed;
        border-collapse: separate;
        border-spacing: 0;
        contain: layout;
      }
      /* A layer per group: the groups under an opened editor are moved, not repainted. */
      tbody {
        will-change: transform;
      }
      tr > :nth-child(1) {
        width: 22%;
      }
      tr > :nth-child(2) {
        width: 32%;
      }
      tr > :nth-child(4) {
        width: 9.5rem;
      }
      caption {
        text-align: start;
        font-weight: 600;
        padding-bottom: 0.4rem;
        overflow-wrap: anywhere;
      }
      th,
      td {
        text-align: start;
        vertical-align: top;
        padding: 0.4rem 0.5rem;
        border-bottom: 1px solid var(--_border);
        overflow-wrap: anywhere;
      }
      .username,
      code {
        font-family: var(--_mono);
        font-size: 0.875em;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      summary {
        cursor: pointer;
        color: var(--_accent);
      }
      .row-actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem;
      }
      button.danger {
        color: var(--_danger);
        border-color: var(--_danger);
      }
      .empty {
        margin: 0;
      }
      /* The widget's own width decides, not the screen's: a docs column can be narrow too. */
      :host {
        container: api-users / inline-size;
      }
      @container api-users (max-width: 36rem) {
        thead {
          position: absolute;
          width: 1px;
          height: 1px;
          overflow: hidden;
          clip-path: inset(50%);
        }
        table,
        caption,
        tbody,
        tr,
        th,
        td {
          display: block;
        }
        tr[data-username] {
          display: grid;
          gap: 0.25rem;
          padding: 0.5rem 0;
          border-bottom: 1px solid var(--_border);
        }
        tr[data-username] > * {
          padding: 0;
          border: none;
        }
        td[data-label]::before {
          content: attr(data-label);
          display: block;
          font-family: var(--_font);
          font-size: 0.85rem;
          font-weight: 600;
          color: var(--_muted);
        }
        td[colspan] {
          padding-inline: 0;
        }
        tr > :nth-child(n) {
          width: auto;
        }
      }
    `,
  ];

  /** Says whose API users these are. */
  @property() caption = 'API users';

  /** The API users (only `is_programmatic` members). */
  @property({ attribute: false }) users: readonly TeamMember[] = [];

  /** Username whose editor row is open. */
  @property({ attribute: false }) editing?: string;

  /** Disables the row buttons while a request runs. */
  @property({ type: Boolean }) disabled = false;

  readonly #rows = new Progressive(this, ROWS_PER_FRAME);

  /** Resolves once every row is rendered, not only the first chunk. */
  protected override getUpdateComplete(): Promise<boolean> {
    return this.#rows.whenDone(() => super.getUpdateComplete());
  }

  /** Puts focus back on a row's button, e.g. after the dialog or the editor closes. */
  focusRow(username: string, which: 'edit' | 'delete'): void {
    const row = [...this.renderRoot.querySelectorAll<HTMLElement>('tr[data-username]')].find(
      (r) => r.dataset.username === username,
    );
    row?.querySelector<HTMLButtonElement>(`button[data-action=${which}]`)?.focus();
  }

  private fire(type: 'edit' | 'delete', member: TeamMember): void {
    this.dispatchEvent(new CustomEvent(type, { detail: member }));
  }

  override render() {
    if (this.users.length === 0) {
      return html`<p class="empty" part="empty">
        ${this.caption}: none yet. Create one with the Create API user form.
      </p>`;
    }
    return html`<table part="table">
      <caption>${this.caption}</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Username</th>
          <th scope="col">Scopes</th>
          <th scope="col"><span class="visually-hidden">Actions</span></th>
        </tr>
      </thead>
      ${repeat(
        inGroups(this.#rows.slice(this.users), USERS_PER_ROW_GROUP),
        (_, i) => i,
        (group) =>
          html`<tbody>${repeat(
            group,
            (member) => member.username,
            // A row renders again only when it changed: each frame of the progressive render
            // and each editor opened rendered every row so far (200 at the end), for one
            // frame's few new rows or one row's Edit button.
            (member) =>
              guard([member, this.editing === member.username, this.disabled], () =>
                this.renderUser(member),
              ),
          )}</tbody>`,
      )}
    </table>`;
  }

  private renderUser(member: TeamMember) {
    const name = memberName(member);
    const open = this.editing === member.username;
    return html`<tr data-username=${member.username}>
        <th scope="row">${name}</th>
        <td class="username" data-label="Username">${member.username}</td>
        <td data-label="Scopes">${this.renderScopes(member.scopes ?? [])}</td>
        <td>
          <div class="row-actions">
          <button
            type="button"
            data-action="edit"
            aria-label=${`Edit scopes of ${name}`}
            aria-expanded=${open}
            ?disabled=${this.disabled}
            @click=${() => this.fire('edit', member)}
          >
            Edit scopes
          </button>
          <button
            type="button"
            class="danger"
            data-action="delete"
            aria-label=${`Delete ${name}`}
            ?disabled=${this.disabled}
            @click=${() => this.fire('delete', member)}
          >
            Delete
          </button>
          </div>
        </td>
      </tr>
      ${
        open
          ? html`<tr>
            <td colspan="4"><slot name="editor"></slot></td>
          </tr>`
          : nothing
      }`;
  }

  private renderScopes(scopes: readonly string[]) {
    const list = (items: readonly string[]) =>
      html`<ul>
        ${items.map((s) => html`<li><code>${s}</code></li>`)}
      </ul>`;
    if (scopes.length <= SHOWN_SCOPES + 1) return list(scopes);
    const rest = scopes.slice(SHOWN_SCOPES);
    return html`${list(scopes.slice(0, SHOWN_SCOPES))}
      <details>
        <summary>${rest.length} more scopes</summary>
        ${list(rest)}
      </details>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'particle-api-user-table': ParticleApiUserTable;
  }
}
