import type { Session } from './api-helper/session-store.js';
import { ApiUserWidget } from './api-users/api-user-widget.js';
import type { ApiUserCreateView } from './api-users/create-view.js';
import { views } from './api-users/views.js';
import { customElement } from './decorators.js';
import type { ParticleApiUserCreatedEvent } from './events.js';
import type { ElementProps } from './jsx.js';
import styles from './particle-api-user-create.styles.js';
import base from './styles/base.styles.js';
import form from './styles/form.styles.js';

/**
 * Creates an API user for a product or an organization: target, friendly name and
 * scopes (grouped, filterable, with presets), then shows its token once, masked
 * with Show and Copy, with a warning that it never expires and the equivalent curl
 * (the reader's token redacted). Logged out, it shows a Log in prompt instead.
 *
 * @summary The `cloud-api-user-create` partial: create a Particle API user.
 * @fires particle-api-user-created - {ParticleApiUserCreatedEvent} after a creation; lists showing that target reload.
 * @slot - No-JS fallback content from the partial (never shown once defined).
 * @csspart form - The form.
 * @csspart submit - The Create API user button.
 * @csspart status - The live region with busy, done and error sentences.
 * @csspart kind - The Product / Organization radio group.
 * @csspart select - The Product or Organization selector.
 * @csspart filter - The Filter scopes field.
 * @csspart presets - The preset buttons.
 * @csspart groups - The scrolling box of scope groups.
 * @csspart group - One resource's group of scopes.
 * @csspart count - The "N of 94 scopes selected" line.
 * @csspart heading - The result's heading.
 * @csspart warning - The shown-once warning.
 * @cssprop [--particle-accent=#00838f] - Buttons, focus ring, checkboxes.
 * @cssprop [--particle-danger=#b42318] - Errors and the shown-once warning.
 * @cssprop --particle-* - The rest of the theme, as for `<particle-sso>`.
 */
@customElement('particle-api-user-create')
export class ParticleApiUserCreate extends ApiUserWidget {
  static override styles = [base, form, styles];

  protected override readonly purpose = 'create an API user';
  protected override readonly regionName = 'Create an API user';

  /** What a logged-in reader sees and does, from the logged-in chunk (`api-users/create-view.ts`). */
  #view?: ApiUserCreateView;

  /** A new login (or a logout) must not show the previous reader's token. */
  protected override forgetReader(): void {
    super.forgetReader();
    this.#view?.forgetReader();
  }

  protected override renderLoggedIn(session: Session) {
    this.#view ??= new (views().ApiUserCreateView)(this);
    return this.#view.render(session);
  }
}
declare global {
  interface HTMLElementTagNameMap {
    'particle-api-user-create': ParticleApiUserCreate;
  }
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'particle-api-user-create': ElementProps<
        ParticleApiUserCreate,
        'api-base' | 'product' | 'org',
        'apiBase' | 'product' | 'org',
        { 'particle-api-user-created': ParticleApiUserCreatedEvent }
      >;
    }
  }
}
