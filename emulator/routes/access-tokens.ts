/**
 * Token routes (§2.3–§2.6): info about and revocation of the calling token, all of a user's
 * tokens, or one token by value.
 */
import { Hono } from 'hono';
import { appError } from '../errors.js';
import { bearerAuth, humanOnly } from '../middleware/bearer-auth.js';
import { revokeAllTokens, revokeToken } from '../model/tokens.js';
import type { ApiUser } from '../model/types.js';
import type { AppEnv, Emulator } from '../options.js';

export function accessTokenRoutes(emu: Emulator) {
  const { state } = emu;
  const auth = bearerAuth(emu);

  /** [INFERRED] `orgs` lists the org an API user belongs to (directly or via its product). */
  function tokenOrgs(apiUser: ApiUser | undefined) {
    if (!apiUser) return [];
    const orgId =
      apiUser.orgId ?? state.products.find((p) => p.id === apiUser.productId)?.orgId ?? null;
    const org = state.orgs.find((o) => o.id === orgId);
    return org ? [{ id: org.id, slug: org.slug }] : [];
  }

  return (
    new Hono<AppEnv>()
      .get('/current', auth, (c) => {
        const { token, apiUser } = c.get('auth');
        return c.json({
          expires_at: token.expiresAt === null ? null : new Date(token.expiresAt).toISOString(),
          client: token.client,
          client_id: token.client,
          scopes: apiUser ? apiUser.scopes : [],
          orgs: tokenOrgs(apiUser),
        });
      })
      .delete('/current', auth, (c) => {
        revokeToken(state, c.get('auth').token);
        return c.json({ ok: true });
      })
      .delete('/', auth, (c) => {
        revokeAllTokens(state, humanOnly(c.get('auth')).username);
        return c.json({ ok: true });
      })
      // No credentials needed: knowing the token is enough (§2.6, the CLI sends none).
      .delete('/:token', (c) => {
        const token = state.tokens.get(c.req.param('token'));
        if (!token || token.revoked) throw appError(404, 'Token not found');
        revokeToken(state, token);
        return c.json({ ok: true });
      })
  );
}
