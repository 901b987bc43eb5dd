/**
 * Team members and API users (§5), mounted twice: at `/v1/products/:product/team` and at
 * `/v1/orgs/:org/team`. Path usernames are taken literally (`+` stays `+`).
 */
import { type Context, Hono } from 'hono';
import { appError } from '../errors.js';
import { bearerAuth } from '../middleware/bearer-auth.js';
import { type Body, readBody } from '../middleware/body.js';
import { apiUserJson, apiUsersOf, humanJson, humanTeam } from '../model/access.js';
import { apiUsername } from '../model/ids.js';
import { replaceApiUserToken } from '../model/tokens.js';
import type { ApiUser, Target } from '../model/types.js';
import type { AppEnv, Emulator } from '../options.js';
import { requireAdmin, resolveTarget, type TargetKind } from './target.js';
import { readFriendlyName, readInvite, readRole, readScopes } from './team-input.js';

export function teamRoutes(emu: Emulator, kind: TargetKind) {
  const { state } = emu;
  const param = kind === 'product' ? 'product' : 'org';

  /** The target, checked for membership and scope; `admin` also requires the right to change it. */
  function targetOf(c: Context<AppEnv>, scope: string, admin = false): Target {
    const auth = c.get('auth');
    const target = resolveTarget(state, auth, kind, c.req.param(param) ?? '', scope);
    if (admin) requireAdmin(state, auth, target);
    return target;
  }

  /** The team list the target itself owns (org products inherit the org's, which stays there). */
  const ownTeam = (target: Target) =>
    target.kind === 'org' ? target.org.team : target.product.team;

  function apiUserIn(target: Target, username: string): ApiUser | undefined {
    return apiUsersOf(state, target).find((a) => a.username === username);
  }

  const tokens = (apiUser: ApiUser) => [{ token: apiUser.token ?? '' }];

  function update(c: Context<AppEnv>, body: Body) {
    const target = targetOf(c, 'teams.users:update', true);
    const username = c.req.param('username') ?? '';
    const apiUser = apiUserIn(target, username);
    if (apiUser) {
      if (body.friendly_name === undefined && body.scopes === undefined) {
        throw appError(400, 'Nothing to update: give friendly_name and/or scopes');
      }
      const friendlyName =
        body.friendly_name === undefined ? apiUser.friendlyName : readFriendlyName(body);
      const scopes = body.scopes === undefined ? apiUser.scopes : readScopes(body);
      const changed =
        scopes.length !== apiUser.scopes.length || scopes.some((s) => !apiUser.scopes.includes(s));
      apiUser.friendlyName = friendlyName;
      apiUser.scopes = scopes;
      // §5.3: new scopes mean a fresh token; the old one stops working at once.
      if (changed || apiUser.token === null) replaceApiUserToken(state, apiUser, emu.now());
      return c.json({ ok: true, updated: { ...apiUserJson(apiUser), tokens: tokens(apiUser) } });
    }
    const member = ownTeam(target).find((m) => m.username === username);
    if (!member) throw notOnTeam(target, username);
    member.role = readRole(body);
    return c.json({ ok: true, updated: { username, role: member.role } });
  }

  function regenerate(c: Context<AppEnv>) {
    const target = targetOf(c, 'teams.users:update', true);
    const apiUser = apiUserIn(target, c.req.param('username') ?? '');
    if (!apiUser) throw appError(404, 'API user not found in this team');
    replaceApiUserToken(state, apiUser, emu.now());
    return c.json({ ok: true, updated: { username: apiUser.username, tokens: tokens(apiUser) } });
  }

  function notOnTeam(target: Target, username: string) {
    const inherited = humanTeam(state, target).some((m) => m.username === username);
    return inherited
      ? appError(
          400,
          'This member belongs to the organization; change them on the organization team',
        )
      : appError(404, 'User not found in this team');
  }

  return (
    new Hono<AppEnv>()
      .use(bearerAuth(emu))
      .get('/', (c) => {
        const target = targetOf(c, 'teams.users:list');
        const humans = humanTeam(state, target).map((m) => humanJson(state, m));
        return c.json({
          ok: true,
          team: [...humans, ...apiUsersOf(state, target).map(apiUserJson)],
        });
      })
      .post('/', async (c) => {
        const target = targetOf(c, 'teams.users:invite', true);
        const body = await readBody(c);
        // §5.2: `friendly_name`/`scopes` create an API user; `username`/`role` invite a human.
        if (
          body.friendly_name === undefined &&
          body.scopes === undefined &&
          body.username !== undefined
        ) {
          const invite = readInvite(body);
          // Emails ignore case (logins do too): `Ada@Example.com` is the member `ada@example.com`.
          const email = invite.username.toLowerCase();
          if (humanTeam(state, target).some((m) => m.username.toLowerCase() === email)) {
            throw appError(400, `${invite.username} is already a member of this team`);
          }
          ownTeam(target).push(invite);
          return c.json({ ok: true, invited: { username: invite.username } });
        }
        const friendlyName = readFriendlyName(body);
        const apiUser: ApiUser = {
          username: apiUsername(friendlyName),
          friendlyName,
          scopes: readScopes(body),
          productId: target.kind === 'product' ? target.product.id : null,
          orgId: target.kind === 'org' ? target.org.id : null,
          token: null,
        };
        state.apiUsers.set(apiUser.username, apiUser);
        replaceApiUserToken(state, apiUser, emu.now());
        const created = {
          username: apiUser.username,
          is_programmatic: true,
          tokens: tokens(apiUser),
        };
        return c.json({ ok: true, created });
      })
      // §5.3 and §5.4 name different methods in different places: accept both.
      .on(['PUT', 'POST'], '/:username/token', regenerate)
      .on(['PUT', 'POST'], '/:username', async (c) => update(c, await readBody(c)))
      .delete('/:username', (c) => {
        const target = targetOf(c, 'teams.users:remove', true);
        const username = c.req.param('username') ?? '';
        const apiUser = apiUserIn(target, username);
        if (apiUser) {
          const token = apiUser.token ? state.tokens.get(apiUser.token) : undefined;
          if (token) token.revoked = true; // §5.5: deleting an API user deletes its token
          state.apiUsers.delete(username);
          return c.json({ ok: true });
        }
        if (target.kind === 'product' && target.product.owner === username) {
          throw appError(400, 'The owner of a product cannot be removed from its team');
        }
        const team = ownTeam(target);
        const index = team.findIndex((m) => m.username === username);
        if (index < 0) throw notOnTeam(target, username);
        team.splice(index, 1);
        return c.json({ ok: true });
      })
  );
}
