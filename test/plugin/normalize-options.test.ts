// Plugin options: defaults merged once; misspelt keys and wrong types fail up front.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeOptions } from '../../plugin/index.js';

describe('normalizeOptions', () => {
  it('fills in the defaults', () => {
    const opts = normalizeOptions({});
    assert.equal(opts.apiBase, 'https://api.particle.io');
    assert.equal(opts.widgetsDir, '', "the package's own elements");
    assert.equal(opts.partialsDir, '', "only the plugin's partials");
    assert.equal(opts.session, 'default');
    assert.equal(opts.strictLinks, false);
  });

  it('rejects an unknown option and lists the valid ones', () => {
    assert.throws(
      () => normalizeOptions({ apiBAse: 'http://x' }),
      /^Error: \[particle-docs\] Unknown option "apiBAse"\. Valid options: apiBase, siteName, widgetsDir, .*strictLinks/,
    );
  });

  it('rejects a wrong type', () => {
    assert.throws(
      () => normalizeOptions({ strictLinks: 'yes' }),
      /Option "strictLinks" must be a boolean/,
    );
  });

  it('rejects an unknown session mode', () => {
    assert.throws(
      () => normalizeOptions({ session: 'disk' }),
      /"session" must be "default" or "memory"/,
    );
  });

  it('rejects an apiBase that is not an http(s) URL and trims a trailing slash', () => {
    assert.throws(() => normalizeOptions({ apiBase: 'api.particle.io' }), /absolute http\(s\) URL/);
    assert.throws(() => normalizeOptions({ apiBase: 'ftp://x' }), /http\(s\) URL/);
    assert.equal(
      normalizeOptions({ apiBase: 'http://127.0.0.1:8081/' }).apiBase,
      'http://127.0.0.1:8081',
    );
  });

  it('has no hosted login unless asked, and shows the header login state', () => {
    const opts = normalizeOptions({});
    assert.equal(opts.loginUrl, '');
    assert.equal(opts.loginCookie, 'ember_simple_auth_session');
    assert.equal(opts.loginHeader, true);
  });

  it('checks loginUrl like apiBase, and loginCookie as a cookie name', () => {
    assert.equal(
      normalizeOptions({ loginUrl: 'https://login.particle.io/' }).loginUrl,
      'https://login.particle.io',
    );
    assert.throws(() => normalizeOptions({ loginUrl: 'login.particle.io' }), /"loginUrl" must be/);
    assert.throws(() => normalizeOptions({ loginUrl: 'javascript:alert(1)' }), /http\(s\) URL/);
    assert.equal(normalizeOptions({ loginCookie: 'my_session' }).loginCookie, 'my_session');
    assert.throws(
      () => normalizeOptions({ loginCookie: 'a b;c' }),
      /"loginCookie" must be a cookie name/,
    );
    assert.throws(() => normalizeOptions({ loginHeader: 'no' }), /"loginHeader" must be a boolean/);
  });
});
