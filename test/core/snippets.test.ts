import { expect } from '@open-wc/testing';
import { createApiUserRequest, deleteApiUserRequest } from '../../widgets/api-helper/api-users.js';
import {
  getUserRequest,
  loginRequest,
  revokeRequest,
  tokenInfoRequest,
  verifyMfaRequest,
} from '../../widgets/api-helper/auth.js';
import { listSandboxProductsRequest } from '../../widgets/api-helper/products.js';
import { shellQuote, toCli, toCurl } from '../../widgets/api-helper/snippets.js';

const BASE = 'https://api.particle.io';
const TOKEN = '0123456789abcdef0123456789abcdef01234567';

describe('toCurl', () => {
  it('shows the session token as $PARTICLE_ACCESS_TOKEN', () => {
    expect(toCurl(BASE, revokeRequest(), { token: TOKEN })).to.equal(
      'curl -X DELETE https://api.particle.io/v1/access_tokens/current \\\n  -H "Authorization: Bearer $PARTICLE_ACCESS_TOKEN"',
    );
  });

  it('shows the real token only when asked to reveal it', () => {
    const curl = toCurl(BASE, tokenInfoRequest(), { reveal: true, token: TOKEN });
    expect(curl).to.include(`-H 'Authorization: Bearer ${TOKEN}'`);
    expect(curl).not.to.include('$PARTICLE_ACCESS_TOKEN');
  });

  it('never shows an explicit token unless revealed', () => {
    expect(toCurl(BASE, getUserRequest(TOKEN))).not.to.include(TOKEN);
    expect(toCurl(BASE, getUserRequest(TOKEN), { reveal: true })).to.include(TOKEN);
  });

  it('leaves the password out of a login, and URL-encodes the fields', () => {
    const curl = toCurl(
      BASE,
      loginRequest({ username: 'a+b@example.com', password: 's3cret!', expiresIn: 3600 }),
    );
    expect(curl).to.equal(
      [
        'curl -X POST https://api.particle.io/oauth/token',
        '-u particle:particle',
        '--data-urlencode grant_type=password',
        '--data-urlencode username=a+b@example.com',
        '--data-urlencode "password=$PARTICLE_PASSWORD"',
        '--data-urlencode expires_in=3600',
      ].join(' \\\n  '),
    );
    expect(curl).not.to.include('s3cret');
  });

  it('leaves the one-time code and MFA token out of the MFA step', () => {
    const curl = toCurl(BASE, verifyMfaRequest({ mfaToken: 'eyJ.secret', otp: '123456' }));
    expect(curl).to.include('"otp=$PARTICLE_OTP"');
    expect(curl).to.include('"mfa_token=$PARTICLE_MFA_TOKEN"');
    expect(curl).not.to.include('123456');
    expect(curl).not.to.include('eyJ.secret');
    const revealed = toCurl(BASE, verifyMfaRequest({ mfaToken: 'eyJ.secret', otp: '123456' }), {
      reveal: true,
    });
    expect(revealed).to.include('otp=123456');
  });

  it('single-quotes JSON bodies, escaping quotes a friendly name may contain', () => {
    const curl = toCurl(
      BASE,
      createApiUserRequest(
        { kind: 'org', id: 'acme' },
        { friendlyName: "Bob's $(rm -rf) bot", scopes: ['devices:list'] },
      ),
    );
    expect(curl).to.include(`-H 'Content-Type: application/json'`);
    expect(curl).to.include(
      `-d '{"friendly_name":"Bob'\\''s $(rm -rf) bot","scopes":["devices:list"]}'`,
    );
  });

  it('keeps encoded usernames in the URL', () => {
    const curl = toCurl(
      BASE,
      deleteApiUserRequest({ kind: 'product', id: '123' }, 'bot+x@api.particle.io'),
    );
    expect(curl).to.include(
      'https://api.particle.io/v1/products/123/team/bot%2Bx%40api.particle.io',
    );
  });

  it('quotes the emulator base and leaves GET without -X', () => {
    expect(
      toCurl('http://127.0.0.1:8081/', listSandboxProductsRequest()).split(' \\\n')[0],
    ).to.equal('curl http://127.0.0.1:8081/v1/user/products');
  });
});

describe('shellQuote', () => {
  it('leaves plain words bare and single-quotes the rest', () => {
    expect(shellQuote('devices:list')).to.equal('devices:list');
    expect(shellQuote('a b')).to.equal("'a b'");
    expect(shellQuote("it's")).to.equal(`'it'\\''s'`);
    expect(shellQuote('$HOME')).to.equal("'$HOME'");
    expect(shellQuote('')).to.equal("''");
  });
});

describe('toCli', () => {
  it('maps a login to particle token create with its lifetime', () => {
    expect(toCli(loginRequest({ username: 'u', password: 'p', expiresIn: 3600 }))).to.equal(
      'particle token create --expires-in 3600',
    );
    expect(toCli(loginRequest({ username: 'u', password: 'p', expiresIn: 0 }))).to.equal(
      'particle token create --never-expires',
    );
    expect(toCli(loginRequest({ username: 'u', password: 'p' }))).to.equal('particle token create');
  });

  it('maps revoke to particle token revoke with the token variable', () => {
    expect(toCli(revokeRequest())).to.equal('particle token revoke "$PARTICLE_ACCESS_TOKEN"');
    expect(toCli(revokeRequest(), { reveal: true, token: TOKEN })).to.equal(
      `particle token revoke ${TOKEN}`,
    );
  });

  it('maps get-user to whoami and has nothing for team calls', () => {
    expect(toCli(getUserRequest())).to.equal('particle whoami');
    expect(
      toCli(createApiUserRequest({ kind: 'org', id: 'acme' }, { friendlyName: 'x', scopes: [] })),
    ).to.equal(null);
    expect(toCli(verifyMfaRequest({ mfaToken: 'm', otp: '1' }))).to.equal(null);
  });
});
