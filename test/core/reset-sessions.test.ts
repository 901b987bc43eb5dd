import { expect } from '@open-wc/testing';
import { apiFor } from '../../widgets/api-helper/client.js';
import { storageKey } from '../../widgets/api-helper/session-persistence.js';
import { fakeToken, resetSessions, signIn } from '../helpers/session.js';

/** test/helpers/session.ts: all suites' pages share localStorage, so cleanup is scoped. */
describe('resetSessions (test helper)', () => {
  const MINE = 'https://reset-mine.example.test';
  const OTHER_SUITE = 'https://reset-other-suite.example.test';
  const BY_HAND = 'https://reset-by-hand.example.test';
  const stored = (origin: string) => JSON.stringify({ username: origin, token: fakeToken('e') });

  afterEach(() => {
    for (const origin of [OTHER_SUITE, BY_HAND]) localStorage.removeItem(storageKey(origin));
  });

  it('clears the device and tab sessions of the origins this page used, and forgets the clients', () => {
    signIn(MINE, { persistence: 'device' });
    sessionStorage.setItem(storageKey('https://reset-tab.example.test'), stored('tab'));
    const before = apiFor(MINE);
    resetSessions();
    expect(localStorage.getItem(storageKey(MINE))).to.equal(null);
    expect(sessionStorage.getItem(storageKey('https://reset-tab.example.test'))).to.equal(null);
    expect(apiFor(MINE)).not.to.equal(before);
    expect(apiFor(MINE).session.value).to.equal(null);
    resetSessions();
  });

  it('leaves another suite’s device session in the shared localStorage alone', () => {
    localStorage.setItem(storageKey(OTHER_SUITE), stored(OTHER_SUITE));
    signIn(MINE, { persistence: 'device' });
    resetSessions();
    expect(localStorage.getItem(storageKey(OTHER_SUITE))).to.equal(stored(OTHER_SUITE));
  });

  it('also clears origins a test wrote to by hand when it names them', () => {
    localStorage.setItem(storageKey(BY_HAND), stored(BY_HAND));
    resetSessions(BY_HAND);
    expect(localStorage.getItem(storageKey(BY_HAND))).to.equal(null);
  });
});
