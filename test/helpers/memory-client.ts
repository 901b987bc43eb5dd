/**
 * A fresh ApiClient per test, with a memory-only session store (nothing reaches storage or other
 * suites), disposed afterwards with any sinon fakes:
 *
 *   let api: ApiClient;
 *   memoryClientPerTest(BASE, (fresh) => { api = fresh; });
 */
import sinon from 'sinon';
import { ApiClient } from '../../widgets/api-helper/client.js';
import { SessionStore } from '../../widgets/api-helper/session-store.js';

export function memoryClientPerTest(base: string, use: (api: ApiClient) => void): void {
  let api: ApiClient;
  beforeEach(() => {
    api = new ApiClient({ baseUrl: base, session: new SessionStore(base, { memoryOnly: true }) });
    use(api);
  });
  afterEach(() => {
    api.session.dispose();
    sinon.restore();
  });
}
