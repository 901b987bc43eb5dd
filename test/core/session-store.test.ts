import { expect, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import { storageKey } from '../../widgets/api-helper/session-persistence.js';
import { type Session, SessionStore } from '../../widgets/api-helper/session-store.js';
import { fakeToken } from '../helpers/session.js';

let n = 0;
let origin: string;
const stores: SessionStore[] = [];
/** A store as a new tab (or page load) would create it. */
const open = (options?: { memoryOnly?: boolean }) => {
  const store = new SessionStore(origin, options);
  stores.push(store);
  return store;
};
const session = (over: Partial<Session> = {}): Session => ({
  username: 'demo@example.com',
  token: fakeToken('a'),
  expiresAt: Date.now() + 3_600_000,
  persistence: 'tab',
  ...over,
});
const stored = (area: Storage) => area.getItem(storageKey(origin));
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeEach(() => {
  origin = `https://store-${++n}.example.test`;
});
afterEach(() => {
  for (const store of stores.splice(0)) store.dispose();
  sessionStorage.removeItem(storageKey(origin));
  localStorage.removeItem(storageKey(origin));
  sinon.restore();
});

describe('SessionStore storage policy', () => {
  it('keeps a tab session in sessionStorage only, under a key scoped by API origin', () => {
    open().set(session());
    expect(storageKey(origin)).to.equal(`particle-docs:session:${origin}`);
    expect(JSON.parse(stored(sessionStorage)!).token).to.equal(fakeToken('a'));
    expect(stored(localStorage)).to.equal(null);
  });

  it('keeps a device session in localStorage only, with its expiry', () => {
    const s = session({ persistence: 'device' });
    open().set(s);
    expect(JSON.parse(stored(localStorage)!)).to.deep.equal(s);
    expect(stored(sessionStorage)).to.equal(null);
  });

  it('moves the session when the persistence changes, so one copy exists', () => {
    const store = open();
    store.set(session({ persistence: 'device' }));
    store.set(session({ persistence: 'tab' }));
    expect(stored(localStorage)).to.equal(null);
    expect(stored(sessionStorage)).not.to.equal(null);
  });

  it('writes nothing when the page asks for memory sessions with the meta tag', () => {
    localStorage.setItem(storageKey(origin), JSON.stringify(session({ persistence: 'device' })));
    const meta = Object.assign(document.createElement('meta'), {
      name: 'particle-docs:session',
      content: 'memory',
    });
    document.head.append(meta);
    try {
      const store = open();
      expect(store.memoryOnly).to.equal(true);
      // A session stored before the site chose memory is dropped, not restored.
      expect(store.value).to.equal(null);
      expect(stored(localStorage)).to.equal(null);
      store.set(session({ persistence: 'device' }));
      expect(store.value?.persistence).to.equal('memory');
      expect(stored(localStorage)).to.equal(null);
      expect(stored(sessionStorage)).to.equal(null);
    } finally {
      meta.remove();
    }
  });

  it('clears storage when the session ends', () => {
    const store = open();
    store.set(session({ persistence: 'device' }));
    store.end();
    expect(stored(localStorage)).to.equal(null);
    expect(store.value).to.equal(null);
    expect(store.endedBecause).to.equal('logout');
  });
});

describe('SessionStore restore', () => {
  it('restores a stored session on load', () => {
    open().set(session({ persistence: 'device' }));
    expect(open().value?.token).to.equal(fakeToken('a'));
  });

  it('drops an expired stored session', () => {
    localStorage.setItem(
      storageKey(origin),
      JSON.stringify(session({ persistence: 'device', expiresAt: Date.now() - 1 })),
    );
    expect(open().value).to.equal(null);
    expect(stored(localStorage)).to.equal(null);
  });

  it('drops malformed stored data instead of failing', () => {
    sessionStorage.setItem(storageKey(origin), '{not json');
    localStorage.setItem(storageKey(origin), JSON.stringify({ username: 'x' }));
    expect(open().value).to.equal(null);
    expect(stored(sessionStorage)).to.equal(null);
    expect(stored(localStorage)).to.equal(null);
  });

  it('does not restore another API origin’s session', () => {
    open().set(session());
    origin = `${origin}:8443`;
    expect(open().value).to.equal(null);
  });
});

describe('SessionStore subscribers', () => {
  it('notifies on change only, and stops after dispose', () => {
    const store = open({ memoryOnly: true });
    const listener = sinon.spy();
    const unsubscribe = store.subscribe(listener);
    const s = session();
    store.set(s);
    store.set({ ...s });
    expect(listener).to.have.been.calledOnce;
    unsubscribe();
    store.end();
    expect(listener).to.have.been.calledOnce;
  });
});

describe('SessionStore expiry', () => {
  it('ends itself when the token expires', async () => {
    const clock = sinon.useFakeTimers({
      now: 1_000_000,
      toFake: ['setTimeout', 'clearTimeout', 'Date'],
    });
    const store = open({ memoryOnly: true });
    const listener = sinon.spy();
    store.subscribe(listener);
    store.set(session({ expiresAt: 1_000_000 + 60_000 }));
    await clock.tickAsync(59_999);
    expect(store.value).not.to.equal(null);
    await clock.tickAsync(1);
    expect(store.value).to.equal(null);
    expect(store.endedBecause).to.equal('expired');
    expect(listener.lastCall.args[0]).to.equal(null);
  });

  it('handles expiries beyond setTimeout’s 24.8-day limit', async () => {
    const day = 86_400_000;
    const clock = sinon.useFakeTimers({ now: 0, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const store = open({ memoryOnly: true });
    store.set(session({ expiresAt: 90 * day }));
    await clock.tickAsync(30 * day);
    expect(store.value).not.to.equal(null);
    await clock.tickAsync(60 * day);
    expect(store.value).to.equal(null);
  });

  it('never ends a session that never expires', async () => {
    const clock = sinon.useFakeTimers({ now: 0, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const store = open({ memoryOnly: true });
    store.set(session({ expiresAt: null }));
    await clock.tickAsync(400 * 86_400_000);
    expect(store.value).not.to.equal(null);
  });

  it('stops the old timer when a new session replaces the old one', async () => {
    const clock = sinon.useFakeTimers({ now: 0, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const store = open({ memoryOnly: true });
    store.set(session({ expiresAt: 1000 }));
    store.set(session({ token: fakeToken('b'), expiresAt: 5000 }));
    await clock.tickAsync(1000);
    expect(store.value?.token).to.equal(fakeToken('b'));
  });
});

describe('SessionStore across tabs', () => {
  it('shows a device login in the other tabs', async () => {
    const here = open();
    const there = open();
    here.set(session({ persistence: 'device' }));
    await waitUntil(() => there.value !== null, 'the other tab did not see the login');
    expect(there.value?.username).to.equal('demo@example.com');
  });

  it('keeps a tab login in its tab', async () => {
    const here = open();
    const there = open();
    here.set(session({ persistence: 'tab' }));
    await pause(50);
    expect(there.value).to.equal(null);
  });

  it('does not replace another tab’s own tab session with a device login', async () => {
    const here = open();
    const there = open();
    there.set(
      session({ username: 'other@example.com', token: fakeToken('c'), persistence: 'tab' }),
    );
    here.set(session({ persistence: 'device' }));
    await pause(50);
    expect(there.value?.username).to.equal('other@example.com');
  });

  it('ends the same session in other tabs on logout, with the reason', async () => {
    const here = open({ memoryOnly: true });
    const there = open({ memoryOnly: true });
    here.set(session());
    there.set(session());
    here.end('expired');
    await waitUntil(() => there.value === null, 'the other tab kept the ended session');
    expect(there.endedBecause).to.equal('expired');
  });

  it('tells other tabs (their headers) of a hosted login, without its token', async () => {
    const heard: unknown[] = [];
    const header = new BroadcastChannel('particle-docs:session');
    header.onmessage = (event) => heard.push(event.data);
    try {
      open().set(session({ persistence: 'hosted' }));
      await waitUntil(() => heard.length > 0, 'no tab was told of the hosted login');
      expect(heard).to.deep.equal([{ origin, type: 'hosted' }]);
    } finally {
      header.close();
    }
  });

  it('leaves a different session alone when one ends elsewhere', async () => {
    const here = open({ memoryOnly: true });
    const there = open({ memoryOnly: true });
    const witness = open({ memoryOnly: true });
    here.set(session());
    there.set(session({ token: fakeToken('c') }));
    witness.set(session());
    here.end();
    await waitUntil(() => witness.value === null);
    expect(there.value?.token).to.equal(fakeToken('c'));
  });

  it('follows localStorage changes made by another tab (storage event)', () => {
    const store = open();
    const s = session({ persistence: 'device' });
    const fire = (newValue: string | null, oldValue: string | null) =>
      window.dispatchEvent(
        new StorageEvent('storage', {
          key: storageKey(origin),
          newValue,
          oldValue,
          storageArea: localStorage,
        }),
      );
    fire(JSON.stringify(s), null);
    expect(store.value).to.deep.equal(s);
    fire(null, JSON.stringify(s));
    expect(store.value).to.equal(null);
    expect(store.endedBecause).to.equal('logout');
  });

  it('ignores storage events for other keys and sessionStorage', () => {
    const store = open();
    const value = JSON.stringify(session({ persistence: 'device' }));
    window.dispatchEvent(
      new StorageEvent('storage', { key: 'other', newValue: value, storageArea: localStorage }),
    );
    window.dispatchEvent(
      new StorageEvent('storage', {
        key: storageKey(origin),
        newValue: value,
        storageArea: sessionStorage,
      }),
    );
    expect(store.value).to.equal(null);
  });
});
