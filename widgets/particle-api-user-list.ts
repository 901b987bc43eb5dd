import type { Session } from './api-helper/session-store.js';
import { ApiUserWidget } from './api-users/api-user-widget.js';
import type { ApiUserListView } from './api-users/list-view.js';
import { views } from './api-users/views.js';
import { customElement } from './decorators.js';
import type { ParticleApiUsersChangedEvent } from './events.js';
import type { ElementProps } from './jsx.js';
import styles from './particle-api-user-list.styles.js';
import base from './styles/base.styles.js';
import form from './styles/form.styles.js';

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
 * @cssprop --particle-* - The rest of the theme, as for `<particle-sso>`.
 */
@customElement('particle-api-user-list')
export class ParticleApiUserList extends ApiUserWidget {
  static override styles = [base, form, styles];

  protected override readonly purpose = 'list your API users';
  protected override readonly regionName = 'API users';

  /** What a logged-in reader sees and does, from the logged-in chunk (`api-users/list-view.ts`). */
  #view?: ApiUserListView;

  /** Another reader's team must not stay on screen after a logout or a new login. */
  protected override forgetReader(): void {
    super.forgetReader();
    this.#view?.forgetReader();
  }

  protected override renderLoggedIn(session: Session) {
    this.#view ??= new (views().ApiUserListView)(this);
    return this.#view.render(session);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'particle-api-user-list': ParticleApiUserList;
  }
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'particle-api-user-list': ElementProps<
        ParticleApiUserList,
        'api-base' | 'product' | 'org',
        'apiBase' | 'product' | 'org',
        { 'particle-api-users-changed': ParticleApiUsersChangedEvent }
      >;
    }
  }
}
