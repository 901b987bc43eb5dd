import { expect } from '@open-wc/testing';
import {
  ParticleApiUserCreatedEvent,
  ParticleApiUsersChangedEvent,
  ParticleLoginEvent,
  ParticleLogoutEvent,
} from '../../widgets/events.js';

describe('events', () => {
  it('bubble out of shadow roots to the document, with their payload', () => {
    const host = document.createElement('div');
    const inner = document.createElement('span');
    host.attachShadow({ mode: 'open' }).append(inner);
    document.body.append(host);
    const seen: Event[] = [];
    const types = [
      'particle-login',
      'particle-logout',
      'particle-api-user-created',
      'particle-api-users-changed',
    ] as const;
    for (const type of types) document.addEventListener(type, (e) => seen.push(e));
    const target = { kind: 'org', id: 'acme' } as const;
    inner.dispatchEvent(new ParticleLoginEvent('demo@example.com'));
    inner.dispatchEvent(new ParticleLogoutEvent());
    inner.dispatchEvent(new ParticleApiUserCreatedEvent(target, 'bot+x@api.particle.io'));
    inner.dispatchEvent(new ParticleApiUsersChangedEvent(target));
    host.remove();
    expect(seen.map((e) => e.type)).to.deep.equal([...types]);
    expect((seen[0] as ParticleLoginEvent).username).to.equal('demo@example.com');
    const created = seen[2] as ParticleApiUserCreatedEvent;
    expect(created.apiTarget).to.deep.equal(target);
    expect(created.username).to.equal('bot+x@api.particle.io');
    // Event.target still names the element that fired it (retargeted to the host).
    expect(created.target).to.equal(host);
    expect((seen[3] as ParticleApiUsersChangedEvent).apiTarget).to.deep.equal(target);
  });
});
