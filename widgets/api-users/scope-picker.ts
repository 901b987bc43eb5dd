import { html, LitElement, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { SCOPE_GROUPS, type ScopeGroup } from '../api-helper/scopes.js';
import { focusInNextFrame } from '../components/own-task.js';
import { Progressive } from '../components/progressive.js';
import { customElement, property, state } from '../decorators.js';
import base from '../styles/base.styles.js';
import form from '../styles/form.styles.js';
import styles from './scope-picker.styles.js';
import { filterGroups, scopePresets } from './scope-presets.js';

/** More scopes than this fill the scrolling box, which then keeps its height (see styles). */
const FILLS_THE_BOX = 8;

/** Resource groups rendered per frame: 1 to 11 scopes each (see `Progressive`). */
const GROUPS_PER_FRAME = 2;

/** Where the second column starts: after the group that takes the first past half the lines. */
function halfway(groups: readonly ScopeGroup[]): number {
  // A group's height in lines: its legend and buttons, then a scope and its description each.
  const lines = (group: ScopeGroup) => 2 + 2 * group.scopes.length;
  const half = groups.reduce((n, group) => n + lines(group), 0) / 2;
  let sum = 0;
  for (const [index, group] of groups.entries()) {
    sum += lines(group);
    if (sum >= half) return index + 1;
  }
  return groups.length;
}

/**
 * The scopes of an API user, grouped by resource with their descriptions: a filter
 * field, presets, select or clear a whole group, and a count of what is selected.
 * Each checkbox is named by its scope alone (e.g. `devices:list`); the description
 * is its accessible description.
 *
 * @summary Choose API-user scopes without wading through 94 flat checkboxes.
 * @fires change - The selection changed; read `value`.
 * @csspart filter - The Filter scopes field.
 * @csspart presets - The row of preset buttons.
 * @csspart groups - The scrolling box of groups.
 * @csspart group - One resource's fieldset.
 * @csspart count - The "N of 94 scopes selected" line.
 */
@customElement('particle-scope-picker')
export class ParticleScopePicker extends LitElement {
  static override styles = [base, form, styles];

  /** The selected scopes, in catalogue order. Set it to preselect (e.g. when editing). */
  @property({ attribute: false }) value: readonly string[] = [];

  /** The groups on offer; the full catalogue unless a test or page narrows it. */
  @property({ attribute: false }) groups: readonly ScopeGroup[] = SCOPE_GROUPS;

  /** Disables every control, e.g. while the form is being sent. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  @state() private query = '';

  /** 94 checkboxes are rendered a few groups per frame, so opening the editor stays smooth. */
  readonly #groups = new Progressive(this, GROUPS_PER_FRAME);

  /** Resolves once every group is rendered. */
  protected override getUpdateComplete(): Promise<boolean> {
    return this.#groups.whenDone(() => super.getUpdateComplete());
  }

  /**
   * Focuses Filter scopes as soon as it is rendered, while the groups still come in: the
   * reader can type at once, and the scroll that brings the field into view lands in an
   * early frame instead of repainting the page once all 94 scopes are in.
   */
  async focusFilter(): Promise<void> {
    await super.getUpdateComplete();
    await focusInNextFrame(this.renderRoot.querySelector<HTMLInputElement>('[part=filter]'));
  }

  /**
   * Scopes the value holds that the catalogue lacks (an API user made elsewhere, or a scope
   * newer than this page). They get a group of their own, so saving an edit keeps them
   * unless the reader unticks them.
   */
  @state() private others: readonly string[] = [];

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (!changed.has('value') && !changed.has('groups')) return;
    const known = new Set(this.allScopes);
    const unknown = this.value.filter((scope) => !known.has(scope));
    if (unknown.length) this.others = [...this.others, ...unknown];
  }

  /** The catalogue's groups, plus one for the scopes it lacks. */
  private get offered(): readonly ScopeGroup[] {
    if (this.others.length === 0) return this.groups;
    const description = 'Granted to this API user, but not in the list of scopes this page knows.';
    const scopes = this.others.map((name) => ({ name, description }));
    return [...this.groups, { resource: '', label: 'Other', scopes }];
  }

  private get allScopes(): string[] {
    return this.offered.flatMap((group) => group.scopes.map((s) => s.name));
  }

  /** Replaces the selection, keeping catalogue order, and tells the form. */
  private select(next: Set<string>): void {
    this.value = this.allScopes.filter((scope) => next.has(scope));
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  private toggle(scope: string, on: boolean): void {
    const next = new Set(this.value);
    if (on) next.add(scope);
    else next.delete(scope);
    this.select(next);
  }

  /** Selects or clears the scopes of a group that the filter shows. */
  private setGroup(group: ScopeGroup, on: boolean): void {
    const next = new Set(this.value);
    for (const { name } of group.scopes) {
      if (on) next.add(name);
      else next.delete(name);
    }
    this.select(next);
  }

  override render() {
    const shown = filterGroups(this.offered, this.query);
    // While filtering, how many match: with a selection hidden by the filter, the two counts differ.
    const matching = shown.reduce((n, group) => n + group.scopes.length, 0);
    const selected = new Set(this.value);
    const total = this.allScopes.length;
    return html`
      <div class="tools">
        <label class="filter">
          <span>Filter scopes</span>
          <input
            part="filter"
            type="search"
            autocomplete="off"
            .value=${this.query}
            ?disabled=${this.disabled}
            @input=${(e: Event) => this.#filter((e.target as HTMLInputElement).value)}
          />
        </label>
        <button type="button" class="link skip" @click=${this.skip}>Skip the scope list</button>
        <div part="presets" class="presets" role="group" aria-label="Presets">
          ${scopePresets.map(
            (preset) => html`<button
              type="button"
              title=${preset.description}
              ?disabled=${this.disabled}
              @click=${() => this.select(new Set(preset.pick(this.allScopes)))}
            >
              ${preset.label}
            </button>`,
          )}
          <button
            type="button"
            ?disabled=${this.disabled || selected.size === 0}
            @click=${() => this.select(new Set())}
          >
            Clear all
          </button>
        </div>
      </div>
      <div part="groups" class=${total > FILLS_THE_BOX ? 'groups full' : 'groups'}>
        ${
          shown.length === 0
            ? html`<p class="empty">No scope matches “${this.query}”.</p>`
            : html`${
                this.query.trim()
                  ? html`<p class="shown">${`Showing ${matching} of ${total} scopes`}</p>`
                  : nothing
              }${this.renderColumns(shown, selected)}`
        }
      </div>
      <p part="count" class="count" tabindex="-1">${`${selected.size} of ${total} scopes selected`}</p>
    `;
  }

  /**
   * A longer query only hides scopes: what is rendered stays, and the groups still shown keep
   * their elements. Any other change may bring scopes back, which render a few groups a frame
   * again. (Starting over on every keystroke removed and rebuilt most of the 94 scopes each
   * time: the longest task of typing "devices" at 4x CPU throttling.)
   */
  #filter(query: string): void {
    if (!query.includes(this.query)) this.#groups.reset();
    this.query = query;
  }

  /**
   * "Skip the scope list": up to 94 checkboxes and 36 group buttons are a long way to Tab
   * through. This moves the focus past them to the count line, so the next Tab reaches the
   * form's buttons. Why a skip button rather than collapsed groups or a roving tabindex:
   * each checkbox stays an ordinary tab stop that every screen reader knows, no selection
   * hides in a closed group, and together with the filter (type "devices" to keep one
   * group) it makes crossing or narrowing the picker a few keystrokes.
   */
  private skip(): void {
    const count = this.renderRoot.querySelector<HTMLElement>('[part=count]');
    if (!count) return;
    // A tab stop until it loses the focus: from a tabindex="-1" element in a shadow root,
    // Chromium's next Tab starts over at the root's first control instead of going on.
    count.tabIndex = 0;
    count.addEventListener('blur', () => count.setAttribute('tabindex', '-1'), { once: true });
    count.focus();
  }

  /**
   * The groups in two columns that read top to bottom, the first holding about half the
   * scopes: what CSS columns did, without the cost of balancing them, which laid the 94
   * scopes out several times over on every keystroke in the filter (issue 11). A narrow
   * picker stacks the second column under the first, keeping the order.
   */
  private renderColumns(shown: readonly ScopeGroup[], selected: Set<string>) {
    const rendered = this.#groups.slice(shown);
    const split = halfway(shown);
    const column = (groups: readonly ScopeGroup[]) =>
      html`<div class="column">${repeat(
        groups,
        (group) => group.label,
        (group) => this.renderGroup(group, selected),
      )}</div>`;
    return html`<div class="columns">
      ${column(rendered.slice(0, split))}${column(rendered.slice(split))}
    </div>`;
  }

  /*
   * The legend is the group's accessible name, so its spaces must reach Chromium's name:
   * label and <code> in one template (between two bindings a space is dropped), and the
   * count's space inside the count (one before an empty span is lost once it fills in).
   */
  private renderGroup(group: ScopeGroup, selected: Set<string>) {
    const picked = group.scopes.filter((s) => selected.has(s.name)).length;
    const all = picked === group.scopes.length;
    return html`
      <fieldset part="group" ?disabled=${this.disabled}>
        <legend>
          ${group.resource ? html`${group.label} <code>${group.resource}</code>` : group.label}<span
            class="picked"
            >${picked ? ` (${picked} selected)` : nothing}</span
          >
        </legend>
        <div class="group-actions">
          <button
            type="button"
            aria-label=${`Select all ${group.label} scopes`}
            ?disabled=${all}
            @click=${() => this.setGroup(group, true)}
          >
            Select all
          </button>
          <button
            type="button"
            aria-label=${`Clear ${group.label} scopes`}
            ?disabled=${picked === 0}
            @click=${() => this.setGroup(group, false)}
          >
            Clear
          </button>
        </div>
        <ul>
          ${repeat(
            group.scopes,
            (scope) => scope.name,
            (scope, i) => {
              // Not from the scope's name: one the catalogue lacks may hold spaces, which would
              // split the aria-describedby list. Resource and position are unique in this root.
              const id = `scope-${group.resource || 'other'}-${i}`;
              return html`<li>
              <input
                type="checkbox"
                id=${id}
                .checked=${selected.has(scope.name)}
                aria-describedby=${`${id}-desc`}
                @change=${(e: Event) =>
                  this.toggle(scope.name, (e.target as HTMLInputElement).checked)}
              />
              <label for=${id}><code>${scope.name}</code></label>
              <span class="description" id=${`${id}-desc`}>${scope.description}</span>
            </li>`;
            },
          )}
        </ul>
      </fieldset>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'particle-scope-picker': ParticleScopePicker;
  }
}
