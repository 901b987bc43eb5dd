/**
 * The events our elements fire. Each bubbles and crosses shadow roots, so a page
 * script can listen on `document` (e.g. to refresh its own view after a login).
 */
import type { Target } from './api-helper/types.js';

const init: EventInit = { bubbles: true, composed: true };

/** A reader logged in (or pasted a token that checked out). */
export class ParticleLoginEvent extends Event {
  constructor(readonly username: string) {
    super('particle-login', init);
  }
}

/** The session ended by the reader's own logout. */
export class ParticleLogoutEvent extends Event {
  constructor() {
    super('particle-logout', init);
  }
}

/*
 * The product or org is `apiTarget`, not `target`: `Event.target` is the
 * dispatching element (a read-only getter) and must keep meaning that.
 */

/** An API user was created in `apiTarget`; its token is shown only inside the element. */
export class ParticleApiUserCreatedEvent extends Event {
  constructor(
    readonly apiTarget: Target,
    readonly username: string,
  ) {
    super('particle-api-user-created', init);
  }
}

/** The API users of `apiTarget` changed (created, updated or deleted): lists should reload. */
export class ParticleApiUsersChangedEvent extends Event {
  constructor(readonly apiTarget: Target) {
    super('particle-api-users-changed', init);
  }
}

/**
 * A copy button inside a widget was used. The widget that contains it announces the
 * outcome in its own live region (one per widget), so the copy buttons carry none.
 */
export class ParticleCopyEvent extends Event {
  constructor(
    /** What was copied, in words ("token", "curl command"). */
    readonly what: string,
    /** Whether the clipboard accepted it. */
    readonly ok: boolean,
  ) {
    super('particle-copy', init);
  }
}

/**
 * The organization picker inside `<particle-sso>` loaded the reader's organizations
 * (`error` null) or could not (`error`, whose message is a sentence). The widget around
 * it says a failure, and a later success, in its own live region (one per widget), so
 * the picker carries none.
 */
export class ParticleOrgsLoadEvent extends Event {
  constructor(readonly error: Error | null) {
    super('particle-orgs-load', init);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'particle-copy': ParticleCopyEvent;
    'particle-login': ParticleLoginEvent;
    'particle-logout': ParticleLogoutEvent;
    'particle-orgs-load': ParticleOrgsLoadEvent;
    'particle-api-user-created': ParticleApiUserCreatedEvent;
    'particle-api-users-changed': ParticleApiUsersChangedEvent;
  }
}
