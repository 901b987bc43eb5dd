/** `GET /v1/user` (§3.1): the logged-in account. Closed to API users. */
import { Hono } from 'hono';
import { bearerAuth, humanOnly } from '../middleware/bearer-auth.js';
import type { AppEnv, Emulator } from '../options.js';

export function userRoutes(emu: Emulator) {
  return new Hono<AppEnv>().get('/', bearerAuth(emu), (c) => {
    const user = humanOnly(c.get('auth'));
    return c.json({
      username: user.username,
      subscription_ids: [],
      account_info: {
        first_name: user.firstName,
        last_name: user.lastName,
        business_account: false,
      },
      scim_provisioned: false,
      no_password: false,
      mfa: { enabled: user.mfaSecret !== null },
      wifi_device_count: 0,
      cellular_device_count: 0,
      tos: 1,
      memberships: [],
    });
  });
}
