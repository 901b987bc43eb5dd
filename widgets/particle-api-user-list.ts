import './api-users/api-user-editor.js';
import './api-users/api-user-table.js';
import './api-users/confirm-dialog.js';
import { Task, TaskStatus } from '@lit/task';
import { html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { deleteApiUser, listTeam, memberName } from './api-helper/api-users.js';
import type { Target, TeamMember } from './api-helper/types.js';
import type { ParticleApiUserEditor } from './api-users/api-user-editor.js';
import type { ParticleApiUserTable } from './api-users/api-user-table.js';
import { ApiUserWidget } from './api-users/api-user-widget.js';
import type { ParticleConfirmDialog } from './api-users/confirm-dialog.js';
import { covers, sameTarget } from './api-users/targets.js';
import { type ParticleApiUserCreatedEvent, ParticleApiUsersChangedEvent } from './events.js';
import styles from './particle-api-user-list.styles.js';
import base from './styles/base.styles.js';
import form from './styles/form.styles.js';

interface Listing {
  target: Target;
  label: string;
  members: TeamMember[];
}

/**
 * Lists the API users of a product or organization — Name, Username, Scopes — with
 * the number of human team members beside (never offered for deletion here). Each
 * row can edit its scopes (the API then issues a new token, shown once) or delete the
 * user after a confirmation dialog. The table reloads by itself after an edit, a
 * delete, or a creation in `<particle-api-user-create>` for the same target.
 *
 * @summary The `cloud-api-user-list` partial: list, edit and delete Particle API users.
 * @fires particle-api-users-changed - {ParticleApiUsersChangedEvent} after a delete or an edit.
 * @slot - No-JS fallback content from the partial (never shown once defined).
 * @csspart form - The target form with List API users / Refresh.
 * @csspart status - The live region with busy, done and error sentences.
 * @csspart table - The table of API users (element `particle-api-user-table`).
 * @csspart kind - The Product / Organization radio group.
 * @csspart select - The Product or Organization selector.
 * @csspart dialog - The delete confirmation `<dialog>`.
 * @csspart confirm - The dialog's Delete button.
 * @csspart cancel - The dialog's Cancel button.
 * @cssprop [--particle-accent=#00838f] - Buttons and focus ring.
 * @cssprop [--particle-danger=#b42318] - Errors and the Delete buttons.
 */
@customElement('particle-api-user-list')
export class ParticleApiUserList extends ApiUserWidget {
  static override styles = [base, form, styles];

  protected override readonly purpose = 'list your API users';

  @state() private listing?: Listing;
  @state() private editing?: string;

  @query('particle-confirm-dialog') private dialog?: ParticleConfirmDialog;
  @query('particle-api-user-table') private table?: ParticleApiUserTable;

  /** What the running list request is for: its label for sentences, and whether to announce it. */
  #request = { label: '', quiet: false };

  readonly #list = new Task(this, {
    autoRun: false,
    task: async ([target, label]: [Target, string], { signal }): Promise<Listing> => ({
      target,
      label,
      members: await listTeam(this.session.api, target, { signal }),
    }),
    onComplete: (listing) => {
      this.listing = listing;
      // Reloads caused by a change elsewhere stay quiet: that widget already said what happened.
      if (this.#request.quiet) {
        if (this.status.summary) this.status = { text: '' };
        return;
      }
      const users = listing.members.filter((m) => m.is_programmatic).length;
      this.status = {
        text: `Listed ${users} API user${users === 1 ? '' : 's'} of ${listing.label}.`,
        summary: true,
      };
    },
    onError: (error) => this.failed(error, this.#request.label),
  });

  private runList(target: Target, label: string, quiet: boolean): void {
    // A reload that replaces the reader's own pending request must still answer it aloud.
    const readerWaiting = this.#list.status === TaskStatus.PENDING && !this.#request.quiet;
    this.#request = { label, quiet: quiet && !readerWaiting };
    this.#list.run([target, label]);
  }

  readonly #delete = new Task(this, {
    autoRun: false,
    task: async ([target, member]: [Target, TeamMember], { signal }) => {
      await deleteApiUser(this.session.api, target, member.username, { signal });
      return { target, member };
    },
    onComplete: async ({ target, member }) => {
      this.status = {
        text: `Deleted API user “${memberName(member)}”. Its token no longer works.`,
        tone: 'success',
      };
      if (this.editing === member.username) this.editing = undefined;
      if (this.listing) {
        const members = this.listing.members.filter((m) => m.username !== member.username);
        this.listing = { ...this.listing, members };
      }
      this.dispatchEvent(new ParticleApiUsersChangedEvent(target));
      await this.focusStatus();
    },
    onError: (error) => this.failed(error, this.listing?.label),
  });

  readonly #onChange = (event: ParticleApiUserCreatedEvent | ParticleApiUsersChangedEvent) => {
    this.reloadFor(event.apiTarget);
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('particle-api-user-created', this.#onChange);
    window.addEventListener('particle-api-users-changed', this.#onChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('particle-api-user-created', this.#onChange);
    window.removeEventListener('particle-api-users-changed', this.#onChange);
  }

  /** Another reader's team must not stay on screen after a logout or a new login. */
  protected override forgetReader(): void {
    super.forgetReader();
    this.listing = undefined;
    this.editing = undefined;
  }

  /** Lists again when the change concerns what this list shows (or, before any listing, has chosen). */
  private reloadFor(changed: Target): void {
    if (!this.session.value) return;
    const shown = this.listing?.target ?? this.target;
    if (!shown || !covers(this.picker?.catalog, shown, changed)) return;
    this.runList(shown, this.listing?.label ?? this.picker?.label ?? '', true);
  }

  private get busy(): boolean {
    return this.#list.status === TaskStatus.PENDING || this.#delete.status === TaskStatus.PENDING;
  }

  private submit(event: SubmitEvent): void {
    event.preventDefault();
    if (this.busy || !this.target) return;
    this.status = { text: `Listing the API users of ${this.picker?.label}…` };
    this.runList(this.target, this.picker?.label ?? '', false);
  }

  private async confirmDelete(member: TeamMember): Promise<void> {
    const dialog = this.dialog;
    const listing = this.listing;
    if (!dialog || !listing || this.busy) return;
    dialog.heading = `Delete API user “${memberName(member)}”?`;
    dialog.message = `${member.username} will be removed from ${listing.label}, and its token stops working at once. This cannot be undone.`;
    if (!(await dialog.ask())) {
      this.table?.focusRow(member.username, 'delete');
      return;
    }
    this.status = { text: `Deleting API user “${memberName(member)}”…` };
    this.#delete.run([listing.target, member]);
  }

  /** Opens the scope editor under the user's row and takes keyboard users into it. */
  private async openEditor(username: string): Promise<void> {
    this.editing = username;
    await this.updateComplete;
    await this.renderRoot
      .querySelector<ParticleApiUserEditor>('particle-api-user-editor')
      ?.focusFirst();
  }

  private async closeEditor(username: string): Promise<void> {
    this.editing = undefined;
    await this.updateComplete;
    this.table?.focusRow(username, 'edit');
  }

  override render() {
    const session = this.session.value;
    if (!session) return this.loginPrompt();
    const busy = this.busy;
    const listed = sameTarget(this.listing?.target, this.target);
    return html`<div class="stack">
      <form part="form" class="box" aria-busy=${busy} @submit=${this.submit}>
        ${this.targetPicker(session.org?.id, busy)}
        <div class="actions">
          <button class="primary" type="submit" ?disabled=${busy || !this.target}>
            ${listed ? 'Refresh' : 'List API users'}
          </button>
          ${
            this.#list.status === TaskStatus.PENDING
              ? html`<span class="busy-hint">Loading…</span>`
              : nothing
          }
        </div>
      </form>
      ${this.statusLine()}
      ${this.listing ? this.renderListing(this.listing, busy) : nothing}
      <particle-confirm-dialog
        exportparts="dialog, confirm, cancel"
        confirm-label="Delete"
      ></particle-confirm-dialog>
    </div>`;
  }

  private renderListing(listing: Listing, busy: boolean) {
    const users = listing.members.filter((m) => m.is_programmatic);
    const humans = listing.members.length - users.length;
    return html`
      <particle-api-user-table
        part="table"
        .caption=${`API users of ${listing.label}`}
        .users=${users}
        .editing=${this.editing}
        ?disabled=${busy}
        @edit=${(e: CustomEvent<TeamMember>) => this.openEditor(e.detail.username)}
        @delete=${(e: CustomEvent<TeamMember>) => this.confirmDelete(e.detail)}
      >
        ${
          this.editing
            ? html`<particle-api-user-editor
              slot="editor"
              .api=${this.session.api}
              .apiTarget=${listing.target}
              .targetLabel=${listing.label}
              .member=${users.find((u) => u.username === this.editing)}
              @close=${() => this.closeEditor(this.editing ?? '')}
              @particle-copy=${this.announceCopy}
            ></particle-api-user-editor>`
            : nothing
        }
      </particle-api-user-table>
      <p class="humans">
        ${humans === 1 ? '1 team member is a person' : `${humans} team members are people`}, not
        API users: they are not listed here and cannot be deleted from this page.
      </p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'particle-api-user-list': ParticleApiUserList;
  }
}
