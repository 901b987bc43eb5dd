/**
 * The XSS corpus as the username of a person who logs in: the email field of a login form
 * refuses such strings, but a pasted access token is checked with `GET /v1/user`, whose
 * `username` the page then shows. For each payload account: "Logged in as" in `<particle-sso>`
 * and in the page header, the email the create-token form offers, the logout sentence, and the
 * email the login form keeps for the next login.
 */
import assert from 'node:assert/strict';
import type { Page } from 'puppeteer-core';
import type { Payload } from '../fixtures/xss-corpus.js';
import {
  DEMO,
  issueToken,
  LOGGED_IN,
  SSO_STATUS,
  type Stack,
  waitDeep,
  waitForText,
} from './widget-stack.js';
import { MEMBER_PASSWORD } from './xss-corpus-data.js';
import type { XssTrap } from './xss-trap.js';
import { quoting, textAt } from './xss-walk.js';

const TOKEN_FIELD = 'particle-sso input[name=token]';
const SUBMIT = 'particle-sso form[part=form] button[type=submit]';

/** An email field's value for `text`: HTML drops its line breaks and outer whitespace. */
const asEmailValue = (text: string) => text.replace(/[\r\n]/g, '').trim();

/** Logs in with `account`'s token and logs out again; returns what the page showed meanwhile. */
async function tokenLoginAndOut(page: Page, stack: Stack, username: string, password: string) {
  const token = await issueToken(stack, { username, password });
  if (await page.$eval(TOKEN_FIELD, (el) => (el as HTMLInputElement).disabled)) {
    await page.locator('particle-sso .mode-switch').click();
  }
  await page.$eval(
    TOKEN_FIELD,
    (el, value) => {
      const input = el as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    },
    token,
  );
  await page.locator(SUBMIT).click();
  await waitDeep(page, `${LOGGED_IN} .who strong`);
  await page.waitForFunction(() => document.querySelector('.site-login strong'), {
    timeout: 10_000,
  });
  const shown = {
    sso: await textAt(page, `${LOGGED_IN} .who`),
    header: await textAt(page, '.site-login'),
    tokenForm: await page.$eval(
      'particle-create-token',
      (el) => el.shadowRoot!.querySelector<HTMLInputElement>('input[name=username]')!.value,
    ),
    loggedOut: '',
    nextLogin: '',
  };
  await page.locator('particle-sso [part=logout]').click();
  await waitForText(page, SSO_STATUS, /^Logged out\./);
  shown.loggedOut = (await textAt(page, SSO_STATUS)).trim();
  shown.nextLogin = await page.$eval(
    'particle-sso input[name=username]',
    (el) => (el as HTMLInputElement).value,
  );
  return shown;
}

export async function walkUsernames(page: Page, trap: XssTrap, stack: Stack, payloads: Payload[]) {
  await trap.state('token login as demo');
  const plain = await tokenLoginAndOut(page, stack, DEMO.username, DEMO.password);
  for (const { n, text } of payloads) {
    const state = `token login as payload ${n}`;
    await trap.state(state);
    const shown = await tokenLoginAndOut(page, stack, text, MEMBER_PASSWORD);
    trap.assertClean(state);
    const expected = {
      sso: quoting(plain.sso, DEMO.username, text),
      header: quoting(plain.header, DEMO.username, text),
      tokenForm: asEmailValue(text),
      loggedOut: quoting(plain.loggedOut, DEMO.username, text),
      nextLogin: asEmailValue(text),
    };
    assert.deepEqual(shown, expected, state);
  }
}
