/** Organizations (§4.3): the user's orgs, one org, and an org's products. */
import { Hono } from 'hono';
import { bearerAuth, humanOnly } from '../middleware/bearer-auth.js';
import { orgJson, orgsOf, productJson } from '../model/access.js';
import type { AppEnv, Emulator } from '../options.js';
import { orgFor } from './target.js';

export function orgRoutes(emu: Emulator) {
  const { state } = emu;
  const auth = bearerAuth(emu);
  return new Hono<AppEnv>()
    .get('/', auth, (c) => {
      const user = humanOnly(c.get('auth'));
      return c.json({ organizations: orgsOf(state, user.username).map(orgJson) });
    })
    .get('/:org', auth, (c) => {
      const org = orgFor(state, c.get('auth'), c.req.param('org'), 'organization:get');
      return c.json({ organization: orgJson(org) });
    })
    .get('/:org/products', auth, (c) => {
      const org = orgFor(state, c.get('auth'), c.req.param('org'), 'products:list');
      const products = state.products.filter((p) => p.orgId === org.id);
      return c.json({ products: products.map((p) => productJson(state, p)) });
    });
}
