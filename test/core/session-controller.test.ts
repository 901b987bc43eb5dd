import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { apiFor } from '../../widgets/api-helper/client.js';
import { SessionController } from '../../widgets/controllers/session-controller.js';
import { resetSessions, signIn } from '../helpers/session.js';

const A = 'https://controller-a.example.test';
const B = 'https://controller-b.example.test';

class SessionProbe extends LitElement {
  static override properties = { apiBase: { attribute: 'api-base' } };
  apiBase = '';
  session = new SessionController(this, () => this.apiBase);
  renders = 0;
  override render() {
    this.renders++;
    return html`${this.session.value?.username ?? 'logged out'}`;
  }
}
customElements.define('session-probe', SessionProbe);

describe('SessionController', () => {
  afterEach(() => resetSessions());

  it('re-renders the host on login and logout', async () => {
    const el = await fixture<SessionProbe>(html`<session-probe api-base=${A}></session-probe>`);
    expect(el.shadowRoot!.textContent).to.equal('logged out');
    signIn(A, { username: 'ada@example.com' });
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.equal('ada@example.com');
    apiFor(A).session.end();
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.equal('logged out');
  });

  it('stops listening when disconnected', async () => {
    const el = await fixture<SessionProbe>(html`<session-probe api-base=${A}></session-probe>`);
    el.remove();
    const renders = el.renders;
    signIn(A);
    await el.updateComplete;
    expect(el.renders).to.equal(renders);
  });

  it('follows a changed api-base to that origin’s session', async () => {
    signIn(B, { username: 'bob@example.com' });
    const el = await fixture<SessionProbe>(html`<session-probe api-base=${A}></session-probe>`);
    el.apiBase = B;
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.equal('bob@example.com');
    expect(el.session.api.baseUrl).to.equal(B);
    apiFor(B).session.end();
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.equal('logged out');
  });
});
