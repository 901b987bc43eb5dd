/**
 * The `--data` file of the XSS corpus suite: every payload as a product name, an organization
 * name, an API user's friendly name and (a prefix of it) its username, a human team member's
 * username and first and last name (an account that can log in), and a scope outside the
 * catalogue.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Payload } from '../fixtures/xss-corpus.js';
import { DEMO } from './widget-stack.js';

/** The sandbox product holding the corpus's API users and human members. */
export const CORPUS_PRODUCT = 6999;
/** A sandbox product with a plain name, for sentences to compare the payloads' with. */
export const PLAIN_PRODUCT = { id: 6998, name: 'Plain' };
/** The sandbox product whose name is payload `n`. */
export const productOf = (n: number) => 7000 + n;
/** The API user whose friendly name is payload `n`. */
export const apiUsernameOf = ({ n, text }: Payload) =>
  `${text.slice(0, 200)}+c${n}@api.particle.io`;
/** The API user that holds every payload as a scope the catalogue lacks. */
export const UNLISTED = {
  friendlyName: 'Scopes from the future',
  username: 'future+0000000000@api.particle.io',
};
/** Every human member's password (the username is the payload itself). */
export const MEMBER_PASSWORD = 'member-password';

export function writeCorpusData(payloads: Payload[]): string {
  const admin = { username: DEMO.username, role: 'Administrator' };
  const data = {
    // People: the payload is their email and their first and last name (GET /v1/user's
    // account_info, which no widget shows; the trap would see it if one did).
    users: [
      DEMO,
      ...payloads.map(({ text }) => ({
        username: text,
        password: MEMBER_PASSWORD,
        firstName: text,
        lastName: text,
      })),
    ],
    orgs: payloads.map(({ n, text }) => ({ slug: `corpus-org-${n}`, name: text, team: [admin] })),
    products: [
      {
        id: CORPUS_PRODUCT,
        slug: 'corpus',
        name: 'Corpus',
        owner: DEMO.username,
        // Humans are on the team list the widgets read too; the list shows API users only.
        team: [admin, ...payloads.map(({ text }) => ({ username: text, role: 'Developer' }))],
        apiUsers: [
          ...payloads.map((payload) => ({
            friendlyName: payload.text,
            username: apiUsernameOf(payload),
            scopes: ['devices:list'],
          })),
          { ...UNLISTED, scopes: ['devices:list'], unlistedScopes: payloads.map((p) => p.text) },
        ],
      },
      { ...PLAIN_PRODUCT, slug: 'plain', owner: DEMO.username, team: [admin] },
      ...payloads.map(({ n, text }) => ({
        id: productOf(n),
        slug: `corpus-product-${n}`,
        name: text,
        owner: DEMO.username,
        team: [admin],
      })),
    ],
  };
  const file = join(mkdtempSync(join(tmpdir(), 'xss-corpus-')), 'corpus.json');
  writeFileSync(file, JSON.stringify(data));
  return file;
}
