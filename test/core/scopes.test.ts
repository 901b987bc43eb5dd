import { expect } from '@open-wc/testing';
import { ALL_SCOPES, SCOPE_GROUPS } from '../../widgets/api-helper/scopes.js';

describe('scope catalogue', () => {
  it('has the 94 scopes of particle-api.md §6, once each', () => {
    expect(ALL_SCOPES).to.have.length(94);
    expect(new Set(ALL_SCOPES).size).to.equal(94);
    for (const name of [
      'clients:create',
      'devices.function:call',
      'teams.users:update',
      'service_agreements:list',
    ]) {
      expect(ALL_SCOPES, name).to.include(name);
    }
    expect(ALL_SCOPES).not.to.include('devices:fly');
  });

  it('groups each scope under the resource its name starts with', () => {
    for (const group of SCOPE_GROUPS) {
      expect(group.label).not.to.equal('');
      for (const scope of group.scopes)
        expect(scope.name.split(/[.:]/)[0]).to.equal(group.resource);
    }
  });

  it('describes every scope in one sentence of its own', () => {
    const descriptions = SCOPE_GROUPS.flatMap((g) => g.scopes.map((s) => s.description));
    expect(new Set(descriptions).size).to.equal(94);
    for (const d of descriptions) expect(d).to.match(/^[A-Z][^\n]{8,90}\.$/);
    const devices = SCOPE_GROUPS.find((g) => g.resource === 'devices')!;
    expect(devices.scopes.find((s) => s.name === 'devices:list')?.description).to.equal(
      'List devices.',
    );
  });
});
