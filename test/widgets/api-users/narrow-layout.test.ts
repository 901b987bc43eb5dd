/**
 * The API-user pieces at a phone's width (a 320px column): nothing runs off the side,
 * and the table turns each API user into a card whose cells say what they are.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import type { ParticleApiUserTable } from '../../../widgets/api-users/api-user-table.js';
import '../../../widgets/api-users/api-user-table.js';
import type { ParticleApiUserToken } from '../../../widgets/api-users/new-token.js';
import '../../../widgets/api-users/new-token.js';

const USER = {
  username: 'fleet-dashboard-back-end+a1b2c3d4@api.particle.io',
  friendly_name: 'Fleet dashboard back end',
  is_programmatic: true,
  scopes: ['devices:list', 'devices.function:call', 'service_agreements.usage_reports:create'],
};

/** Renders `content` (an element styled `width: 320px`, like a phone's column). */
const narrow = <T extends HTMLElement>(content: TemplateResult) => fixture<T>(content);

/** How far anything inside `root` reaches past `el`'s right edge, in pixels. */
function overflow(el: HTMLElement): number {
  const right = el.getBoundingClientRect().right;
  const inside = [...el.shadowRoot!.querySelectorAll('*')].map(
    (child) => child.getBoundingClientRect().right,
  );
  return Math.max(0, ...inside.map((r) => r - right));
}

describe('API-user pieces at a phone width', () => {
  it('the table stacks each API user as a card with labelled cells', async () => {
    const el = await narrow<ParticleApiUserTable>(
      html`<particle-api-user-table
        style="width: 320px"
        caption="API users of Widgets"
        .users=${[USER]}
      ></particle-api-user-table>`,
    );
    const row = el.shadowRoot!.querySelector('tr[data-username]')!;
    const [name, username, scopes] = [...row.children] as HTMLElement[];
    expect(username!.getBoundingClientRect().top).to.be.at.least(
      name!.getBoundingClientRect().bottom,
    );
    expect(scopes!.getBoundingClientRect().top).to.be.at.least(
      username!.getBoundingClientRect().bottom,
    );
    expect(getComputedStyle(username!, '::before').content).to.equal('"Username"');
    expect(overflow(el)).to.equal(0);
    // Neither a name nor the caption is broken letter by letter: they span the card.
    expect(name!.getBoundingClientRect().width).to.be.greaterThan(250);
    const caption = el.shadowRoot!.querySelector('caption')!;
    expect(caption.getBoundingClientRect().width).to.be.greaterThan(250);
  });

  it('the table stays a table when there is room', async () => {
    const el = await fixture<ParticleApiUserTable>(
      html`<particle-api-user-table style="width: 900px" .users=${[USER]}></particle-api-user-table>`,
    );
    const row = el.shadowRoot!.querySelector('tr[data-username]')!;
    const [name, username] = [...row.children] as HTMLElement[];
    expect(username!.getBoundingClientRect().top).to.equal(name!.getBoundingClientRect().top);
    expect(getComputedStyle(username!, '::before').content).to.equal('none');
  });

  it('a new token, its username and the curl stay inside the column', async () => {
    const el = await narrow<ParticleApiUserToken>(
      html`<particle-api-user-token
        style="width: 320px"
        .credentials=${{ username: USER.username, token: 'a'.repeat(40) }}
        .command=${`curl -X POST https://api.particle.io/v1/products/1001/team -H "Authorization: Bearer $PARTICLE_ACCESS_TOKEN" -d '{"friendly_name":"${USER.friendly_name}"}'`}
      ></particle-api-user-token>`,
    );
    expect(overflow(el)).to.equal(0);
  });
});
