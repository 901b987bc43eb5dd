/**
 * The API-user widgets' one live region: in the accessibility tree from the first render
 * (logged out too, silent until something happens), and the place where outcomes that
 * happen out of the reader's sight are said: the products failing to load (a saved edit:
 * list-edit.test.ts).
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { ParticleApiUserCreate } from '../../../widgets/particle-api-user-create.js';
import '../../../widgets/particle-api-user-create.js';
import '../../../widgets/particle-api-user-list.js';
import { axControls } from '../../helpers/ax-tree.js';
import { fakeFetch } from '../../helpers/fake-fetch.js';
import { resetSessions } from '../../helpers/session.js';
import { API, loggedInEachTest, teamRoutes, until } from './team-api.js';

const live = async () => (await axControls()).filter((c) => c.role === 'status');

describe('API-user widgets: the live region', () => {
  describe('logged out', () => {
    afterEach(() => resetSessions());

    it('is in the accessibility tree, empty, before anything is said', async () => {
      const el = await fixture(html`<div>
        <particle-api-user-create api-base=${API}></particle-api-user-create>
        <particle-api-user-list api-base=${API}></particle-api-user-list>
      </div>`);
      await Promise.all([...el.children].map((w) => (w as ParticleApiUserCreate).updateComplete));
      expect((await live()).map((c) => c.container)).to.deep.equal([
        'region “Create an API user”',
        'region “API users”',
      ]);
    });
  });

  describe('logged in', () => {
    loggedInEachTest();

    it('says that the products could not be loaded', async () => {
      fakeFetch({ ...teamRoutes(), 'GET /v1/orgs': { status: 500 } });
      const el = await fixture<ParticleApiUserCreate>(
        html`<particle-api-user-create api-base=${API}></particle-api-user-create>`,
      );
      const region = () => el.shadowRoot!.querySelector('[role=status]')!;
      await until(() => region().textContent?.includes('HTTP 500'), 'the failure was not said');
      expect(await live()).to.have.length(1);
    });
  });
});
