/**
 * What a screen reader is told of the API-user table, from Chromium's accessibility tree:
 * one table named by its caption, its column headers, and a row per user headed by the
 * user's name. The table's CSS is not a table's (each row group is laid out as a table of
 * its own, and at a phone's width each row is a card): the semantics must not follow it.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { ParticleApiUserTable } from '../../../widgets/api-users/api-user-table.js';
import '../../../widgets/api-users/api-user-table.js';
import { axOutline } from '../../helpers/ax-tree.js';

const user = (n: number) => ({
  username: `service-${n}+a1b2@api.particle.io`,
  friendly_name: `Service ${n}`,
  is_programmatic: true,
  scopes: ['devices:list'],
});

/** 30 users: two row groups of the table (25 a group). */
const USERS = Array.from({ length: 30 }, (_, i) => user(i + 1));

for (const width of [900, 320]) {
  describe(`the API-user table at ${width}px, as a screen reader is told it`, () => {
    it('is one table named by its caption, with column headers and a row per user', async () => {
      const el = await fixture<ParticleApiUserTable>(
        html`<particle-api-user-table
          id="under-test"
          style=${`width: ${width}px`}
          caption="API users of Widgets"
          .users=${USERS}
        ></particle-api-user-table>`,
      );
      await el.updateComplete;
      const outline = await axOutline('#under-test');
      const roles = (role: string) =>
        outline.filter((line) => line.trim().startsWith(`${role} `)).map((line) => line.trim());
      expect(roles('table')).to.deep.equal(['table “API users of Widgets”']);
      expect(roles('columnheader')).to.deep.equal([
        'columnheader “Name”',
        'columnheader “Username”',
        'columnheader “Scopes”',
        'columnheader “Actions”',
      ]);
      expect(roles('rowheader')).to.deep.equal(USERS.map((u) => `rowheader “${u.friendly_name}”`));
      expect(roles('row'), 'the header row and one per user').to.have.length(USERS.length + 1);
      // A user's row holds its header and three cells, one level down.
      const row = outline.findIndex((line) => line.trim() === 'rowheader “Service 26”') - 1;
      const depth = outline[row]!.search(/\S/);
      const inRow = outline.slice(row + 1).filter((line) => line.search(/\S/) === depth + 2);
      expect(inRow.slice(0, 4).map((line) => line.trim().split(' ')[0])).to.deep.equal([
        'rowheader',
        'cell',
        'cell',
        'cell',
      ]);
    });
  });
}
