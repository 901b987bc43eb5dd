import { waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
/**
 * The API the API-user widget suites talk to, as fake-fetch routes: a sandbox
 * product, an organization with one product, and a team of two API users and two
 * people. `hostile` swaps every name for markup that must stay text.
 */
import { fakeFetch, type Responder } from '../../helpers/fake-fetch.js';
import { resetSessions, signIn } from '../../helpers/session.js';

/**
 * A different API origin per test file (each file is its own page): the runner runs two
 * pages at once, and the session store tells same-origin pages when a session for the
 * same token ends, so a shared origin and token would log one suite out from another.
 */
export const API = `https://api-${Math.random().toString(36).slice(2, 10)}.test.invalid`;

/** Strings that would become elements (or run script) if rendered as markup. */
export const HOSTILE = {
  product: '<img src=x onerror="window.__pwned=1">Widgets',
  org: '<script>window.__pwned=2</script>Acme',
  user: '<b id="injected">Backend</b>',
  error: '<a id="evil" href="javascript:alert(1)">click</a>',
};

export interface TeamApiOptions {
  hostile?: boolean;
  sandbox?: unknown[];
  orgs?: unknown[];
  team?: unknown[];
}

export const sandboxProduct = (name = 'Sandbox Widgets') => ({
  id: 1001,
  slug: 'sandbox-widgets',
  name,
});
export const acme = (name = 'Acme Inc') => ({ id: 'org-acme-id', slug: 'acme', name });
export const acmeProduct = (name = 'Acme Tracker') => ({
  id: 2002,
  slug: 'acme-tracker',
  name,
  org: 'Acme Inc',
  organization_id: 'org-acme-id',
});

export const apiUser = (friendlyName: string, scopes: string[], suffix = 'abc123') => ({
  username: `${friendlyName.replace(/\W+/g, '-').toLowerCase()}+${suffix}@api.particle.io`,
  friendly_name: friendlyName,
  scopes,
  is_programmatic: true,
  product_id: 1001,
});

export const person = (username: string) => ({
  username,
  role: { id: 'r1', name: 'Administrator' },
});

export function defaultTeam(hostile = false): unknown[] {
  return [
    person('owner@example.com'),
    person('dev@example.com'),
    apiUser(hostile ? HOSTILE.user : 'Backend', ['devices:list', 'devices:get'], 'b1'),
    apiUser(
      'Dashboard',
      ['devices:list', 'devices:get', 'events:get', 'events:send', 'sims:list', 'products:get'],
      'd2',
    ),
  ];
}

/** Routes for products, organizations and teams; override or add routes per test. */
export function teamRoutes(options: TeamApiOptions = {}): Record<string, Responder | Responder[]> {
  const hostile = options.hostile ?? false;
  return {
    'GET /v1/user/products': {
      body: {
        products: options.sandbox ?? [sandboxProduct(hostile ? HOSTILE.product : undefined)],
      },
    },
    'GET /v1/orgs': {
      body: { organizations: options.orgs ?? [acme(hostile ? HOSTILE.org : undefined)] },
    },
    'GET /v1/orgs/:org/products': { body: { products: [acmeProduct()] } },
    'GET /v1/products/:product/team': {
      body: { ok: true, team: options.team ?? defaultTeam(hostile) },
    },
    'GET /v1/orgs/:org/team': { body: { ok: true, team: options.team ?? defaultTeam(hostile) } },
  };
}

/** A created/updated body as the API sends it (particle-api.md §5.2, §5.3). */
export const credentialsBody = (key: 'created' | 'updated', username: string, token: string) => ({
  ok: true,
  [key]: { username, is_programmatic: true, tokens: [{ token }] },
});

/**
 * `waitUntil` with 4 s instead of its 1 s default: these waits span several fake calls and
 * nested element renders, which a busy two-core machine can stretch past a second.
 * A condition that never holds still fails the test.
 */
export const until = (predicate: () => unknown, message?: string) =>
  waitUntil(predicate, message, { timeout: 4000 });

/** Each test of the calling suite starts logged in to API and ends with fakes and sessions reset. */
export function loggedInEachTest(): void {
  beforeEach(() => signIn(API));
  afterEach(() => {
    sinon.restore();
    resetSessions();
  });
}

/**
 * Answers with `teamRoutes()` unless the test already faked fetch: the shared widget suite
 * fakes it only in the tests that answer the submit their own way.
 */
export function teamRoutesUnlessFaked(): void {
  if (!('restore' in window.fetch)) fakeFetch(teamRoutes());
}
