/**
 * Bearer authentication exactly as particle-api.md §1.2 (S7 `authorise.js`): the token may come
 * from the `Authorization` header, `?access_token=` or a form body, but from one place only.
 */
import type { MiddlewareHandler } from 'hono';
import {
  apiUsersNotAllowed,
  expiredToken,
  invalidRequest,
  invalidToken,
  missingScope,
} from '../errors.js';
import { checkToken } from '../model/tokens.js';
import type { ApiUser, Token, User } from '../model/types.js';
import type { AppEnv, Emulator } from '../options.js';
import { isForm, readBody } from './body.js';

/** The authenticated caller: a human account, or an API user restricted to its scopes. */
export type Auth = { token: Token } & (
  | { user: User; apiUser?: never }
  | { apiUser: ApiUser; user?: never }
);

export const bearerAuth =
  (emu: Emulator): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const header = c.req.header('Authorization');
    const query = c.req.query('access_token');
    const bodyToken = await readBody(c).then(
      (body) => body.access_token,
      () => undefined, // a malformed body is the handler's 400 to report, not ours
    );
    const given = [header, query, bodyToken].filter((v) => v !== undefined).length;
    if (given === 0) throw invalidRequest('The access token was not found');
    if (given > 1) {
      throw invalidRequest(
        'Only one method may be used to authenticate at a time (Auth header,  GET or POST).',
      );
    }
    let value: string;
    if (header !== undefined) {
      const match = /Bearer\s(\S+)/.exec(header);
      if (!match) throw invalidRequest('Malformed auth header');
      value = match[1]!;
    } else if (query !== undefined) {
      value = query;
    } else {
      if (c.req.method === 'GET')
        throw invalidRequest('Method cannot be GET When putting the token in the body.');
      if (!isForm(c)) {
        throw invalidRequest(
          'When putting the token in the body, content type must be application/x-www-form-urlencoded.',
        );
      }
      value = String(bodyToken);
    }
    const check = checkToken(emu.state, value, emu.now());
    if (!check.ok) throw check.reason === 'expired' ? expiredToken() : invalidToken();
    const { token } = check;
    const apiUser = token.apiUser ? emu.state.apiUsers.get(token.username) : undefined;
    const user = token.apiUser ? undefined : emu.state.users.get(token.username);
    if (query !== undefined && user?.queryTokenDisabled) {
      throw invalidRequest(
        'Access tokens in the query string are disabled for this account; send an Authorization: Bearer header',
      );
    }
    if (apiUser) c.set('auth', { token, apiUser });
    else if (user) c.set('auth', { token, user });
    else throw invalidToken(); // the account behind the token is gone
    await next();
  };

/** For routes closed to API users (§5.6): the human account, or the documented error. */
export function humanOnly(auth: Auth): User {
  if (!auth.user) throw apiUsersNotAllowed();
  return auth.user;
}

/** API users need `scope` (§6's route map); humans are checked by membership instead. */
export function requireScope(auth: Auth, scope: string): void {
  if (auth.apiUser && !auth.apiUser.scopes.includes(scope)) throw missingScope(scope);
}
