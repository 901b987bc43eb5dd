/**
 * What `<particle-api-user-list>` does for a logged-in reader — list a target's team,
 * delete an API user after the dialog, edit scopes in place, reload after a change made
 * elsewhere — kept in the logged-in chunk (see `views.ts`), so a logged-out page loads
 * only the element's shell and its "Log in to …" prompt.
 */
import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type ReactiveController } from 'lit';
import { deleteApiUser, listTeam, memberName } from '../api-helper/api-users.js';
import type { Session } from '../api-helper/session-store.js';
import type { Target, TeamMember } from '../api-helper/types.js';
import { ExchangeRecorder } from '../components/exchange-recorder.js';
import { nextTask } from '../components/own-task.js';
import { type ParticleApiUserCreatedEvent, ParticleApiUsersChangedEvent } from '../events.js';
import type { ParticleApiUserEditor } from './api-user-editor.js';
import type { ParticleApiUserTable } from './api-user-table.js';
import type { ApiUserWidget } from './api-user-widget.js';
import type { ParticleConfirmDialog } from './confirm-dialog.js';
import { sayFailure, targetPicker } from './logged-in-parts.js';
import { covers, sameTarget } from './targets.js';

interface Listing {
  target: Target;
  label: string;
  members: TeamMember[];
}

export class ApiUserListView implements ReactiveController {
  readonly #host: ApiUserWidget;
  #listing?: Listing;
  #editing?: string;

  /** What the running list request is for: its label for sentences, and whether to announce it. */
  #request = { label: '', quiet: false };

  readonly #list: Task<[Target, string], Listing>;
  readonly #delete: Task<[Target, TeamMember], { target: Target; member: TeamMember }>;
  /** The reader's last list or delete, for the "Request and response" pane. */
  readonly #calls: ExchangeRecorder;

  constructor(host: ApiUserWidget) {
    this.#host = host;
    host.addController(this);
    this.#calls = new ExchangeRecorder(host);
    this.#list = new Task(host, {
      autoRun: false,
      task: async ([target, label]: [Target, string], { signal }): Promise<Listing> => {
        // Quiet reloads (after a change elsewhere) keep the pane on the reader's own last call.
        // Read before the yield below: a reload asked for meanwhile replaces `#request`.
        const onExchange = this.#request.quiet ? undefined : this.#calls.start();
        await nextTask(); // the click's task renders the busy state only (see RequestController.run)
        return {
          target,
          label,
          members: await listTeam(this.#host.session.api, target, { signal, onExchange }),
        };
      },
      onComplete: (listing) => {
        this.listing = listing;
        // Reloads caused by a change elsewhere stay quiet: that widget already said what happened.
        if (this.#request.quiet) {
          if (this.#host.status.summary) this.#host.status = { text: '' };
          return;
        }
        const users = listing.members.filter((m) => m.is_programmatic).length;
        this.#host.status = {
          text: `Listed ${users} API user${users === 1 ? '' : 's'} of ${listing.label}.`,
          summary: true,
        };
      },
      onError: (error) => sayFailure(this.#host, error, this.#request.label),
    });
    this.#delete = new Task(host, {
      autoRun: false,
      task: async ([target, member]: [Target, TeamMember], { signal }) => {
        await nextTask(); // as for the list above
        await deleteApiUser(this.#host.session.api, target, member.username, {
          signal,
          onExchange: this.#calls.start(),
        });
        return { target, member };
      },
      onComplete: async ({ target, member }) => {
        this.#host.status = {
          text: `Deleted API user “${memberName(member)}”. Its token no longer works.`,
          tone: 'success',
        };
        if (this.editing === member.username) this.editing = undefined;
        if (this.listing) {
          const members = this.listing.members.filter((m) => m.username !== member.username);
          this.listing = { ...this.listing, members };
        }
        this.#host.dispatchEvent(new ParticleApiUsersChangedEvent(target));
        await this.#host.focusStatus();
      },
      onError: (error) => sayFailure(this.#host, error, this.listing?.label),
    });
  }

  /** The host re-renders on every change, as for a `@state()` property. */
  get listing(): Listing | undefined {
    return this.#listing;
  }
  set listing(value: Listing | undefined) {
    this.#listing = value;
    this.#host.requestUpdate();
  }
  get editing(): string | undefined {
    return this.#editing;
  }
  set editing(value: string | undefined) {
    this.#editing = value;
    this.#host.requestUpdate();
  }

  get #dialog() {
    return this.#host.renderRoot.querySelector<ParticleConfirmDialog>('particle-confirm-dialog');
  }
  get #table() {
    return this.#host.renderRoot.querySelector<ParticleApiUserTable>('particle-api-user-table');
  }

  private runList(target: Target, label: string, quiet: boolean): void {
    // A reload that replaces the reader's own pending request must still answer it aloud.
    const readerWaiting = this.#list.status === TaskStatus.PENDING && !this.#request.quiet;
    this.#request = { label, quiet: quiet && !readerWaiting };
    this.#list.run([target, label]);
  }

  readonly #onChange = (event: ParticleApiUserCreatedEvent | ParticleApiUsersChangedEvent) => {
    this.reloadFor(event.apiTarget);
  };

  hostConnected(): void {
    window.addEventListener('particle-api-user-created', this.#onChange);
    window.addEventListener('particle-api-users-changed', this.#onChange);
  }

  hostDisconnected(): void {
    window.removeEventListener('particle-api-user-created', this.#onChange);
    window.removeEventListener('particle-api-users-changed', this.#onChange);
  }

  /** Another reader's team must not stay on screen after a logout or a new login. */
  forgetReader(): void {
    this.listing = undefined;
    this.editing = undefined;
    this.#calls.clear();
  }

  /** Lists again when the change concerns what this list shows (or, before any listing, has chosen). */
  private reloadFor(changed: Target): void {
    const host = this.#host;
    if (!host.session.value) return;
    const shown = this.listing?.target ?? host.target;
    if (!shown || !covers(host.picker?.catalog, shown, changed)) return;
    this.runList(shown, this.listing?.label ?? host.picker?.label ?? '', true);
  }

  private get busy(): boolean {
    return this.#list.status === TaskStatus.PENDING || this.#delete.status === TaskStatus.PENDING;
  }

  private submit(event: SubmitEvent): void {
    event.preventDefault();
    const host = this.#host;
    if (this.busy || !host.target) return;
    host.status = { text: `Listing the API users of ${host.picker?.label}…` };
    this.runList(host.target, host.picker?.label ?? '', false);
  }

  private async confirmDelete(member: TeamMember): Promise<void> {
    const dialog = this.#dialog;
    const listing = this.listing;
    if (!dialog || !listing || this.busy) return;
    dialog.heading = `Delete API user “${memberName(member)}”?`;
    dialog.message = `${member.username} will be removed from ${listing.label}, and its token stops working at once. This cannot be undone.`;
    if (!(await dialog.ask())) {
      this.#table?.focusRow(member.username, 'delete');
      return;
    }
    this.#host.status = { text: `Deleting API user “${memberName(member)}”…` };
    this.#delete.run([listing.target, member]);
  }

  /** Opens the scope editor under the user's row and takes keyboard users into it. */
  private async openEditor(username: string): Promise<void> {
    this.editing = username;
    await this.#host.updateComplete;
    await this.#host.renderRoot
      .querySelector<ParticleApiUserEditor>('particle-api-user-editor')
      ?.focusFirst();
  }

  private async closeEditor(username: string): Promise<void> {
    this.editing = undefined;
    await this.#host.updateComplete;
    this.#table?.focusRow(username, 'edit');
  }

  render(session: Session) {
    const host = this.#host;
    const busy = this.busy;
    const listed = sameTarget(this.listing?.target, host.target);
    return html`<div class="stack">
      <form part="form" class="box" aria-busy=${busy} @submit=${(e: SubmitEvent) => this.submit(e)}>
        ${targetPicker(host, session.org?.id, busy)}
        <div class="actions">
          <button class="primary" type="submit" ?disabled=${busy || !host.target}>
            ${listed ? 'Refresh' : 'List API users'}
          </button>
          ${
            this.#list.status === TaskStatus.PENDING
              ? html`<span class="busy-hint">Loading…</span>`
              : nothing
          }
        </div>
      </form>
      ${host.statusLine()}
      ${this.listing ? this.renderListing(this.listing, busy) : nothing}
      ${this.#calls.pane(host.announceCopy)}
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
              .api=${this.#host.session.api}
              .apiTarget=${listing.target}
              .targetLabel=${listing.label}
              .member=${users.find((u) => u.username === this.editing)}
              @close=${() => this.closeEditor(this.editing ?? '')}
              @saved=${(e: CustomEvent<string>) => {
                this.#host.status = { text: e.detail, tone: 'success' };
              }}
              @particle-copy=${this.#host.announceCopy}
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
