/**
 * Shared helpers for the emulator suites: a fresh app per test (no port), form/JSON request
 * builders, a login shortcut and an injectable clock.
 */
import assert from 'node:assert/strict';
import { createApp } from '../../emulator/app.js';
import { seedState } from '../../emulator/model/seed.js';
import type { State } from '../../emulator/model/types.js';
import type { AppOptions } from '../../emulator/options.js';

export const DEMO = { username: 'demo@example.com', password: 'demo-password' };
export const MFA = {
  username: 'mfa@example.com',
  password: 'demo-password',
  secret: 'JBSWY3DPEHPK3PXP',
};

/** A clock the test moves by hand. */
export function fakeClock(start = Date.UTC(2026, 0, 1)) {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  };
}

/** A fresh emulator with the seeded data; `state` is the same object the app mutates. */
export function emulator(options: AppOptions = {}, state: State = seedState()) {
  const app = createApp(state, options);
  const request = (path: string, init?: RequestInit) => app.request(path, init);
  return { app, state, request };
}

export const form = (
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
  body: new URLSearchParams(fields).toString(),
});

export const json = (method: string, body: unknown, token?: string): RequestInit => ({
  method,
  headers: {
    'Content-Type': 'application/json',
    ...(token ? { Authorization: `Bearer ${token}` } : {}),
  },
  body: JSON.stringify(body),
});

export const bearer = (token: string, method = 'GET'): RequestInit => ({
  method,
  headers: { Authorization: `Bearer ${token}` },
});

export const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

/** Password grant with the `particle:particle` client; returns the parsed response. */
export async function passwordGrant(
  request: (path: string, init?: RequestInit) => Response | Promise<Response>,
  fields: Record<string, string>,
) {
  const res = await request(
    '/oauth/token',
    form({ grant_type: 'password', ...fields }, { Authorization: basic('particle', 'particle') }),
  );
  return { res, body: (await res.json()) as Record<string, unknown> };
}

/** Logs in as `who` (demo by default) and returns the access token. */
export async function login(
  request: (path: string, init?: RequestInit) => Response | Promise<Response>,
  who = DEMO,
  extra: Record<string, string> = {},
): Promise<string> {
  const { res, body } = await passwordGrant(request, {
    username: who.username,
    password: who.password,
    ...extra,
  });
  assert.equal(res.status, 200, JSON.stringify(body));
  return body.access_token as string;
}

/** The seeded token of the API user with this friendly name. */
export function apiUserToken(
  state: State,
  friendlyName: string,
): { username: string; token: string } {
  const apiUser = [...state.apiUsers.values()].find((a) => a.friendlyName === friendlyName);
  assert.ok(apiUser?.token, `no seeded API user "${friendlyName}"`);
  return { username: apiUser.username, token: apiUser.token };
}

/** Asserts status and exact JSON body in one line, with the body in the failure message. */
export async function expectJson(res: Response, status: number, body?: unknown) {
  const text = await res.text();
  assert.equal(res.status, status, text);
  const parsed = JSON.parse(text);
  if (body !== undefined) assert.deepEqual(parsed, body);
  return parsed;
}
