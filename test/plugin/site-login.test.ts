// The header's login state: the layout's markup and metas, the plugin option that turns it
// off, and the weight of its script: a page without widgets loads that script alone, so it
// is one self-contained module of at most 2 KB gzipped, with none of the widgets' code.
import assert from 'node:assert/strict';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { gzipSize } from 'gzip-size';
import { type BuiltSite, build } from './helpers/build.js';

const BUDGET_GZIP = 2 * 1024;
const SCRIPT = '<script type="module" src="/assets/site-login.js"></script>';

describe('the header login state', () => {
  let site: BuiltSite;
  let seed: string;
  let landing: string;
  before(async () => {
    site = await build({
      options: { apiBase: 'http://127.0.0.1:8081', loginUrl: 'http://localhost:8081/' },
    });
    seed = await site.page('/reference/cloud-apis/access-tokens/');
    landing = await site.page('/');
  });

  it(`is one module of at most ${BUDGET_GZIP / 1024} KB gzipped, importing nothing, with no Lit`, async () => {
    const code = await readFile(join(site.outDir, 'assets/site-login.js'), 'utf8');
    const gzip = await gzipSize(code);
    assert.ok(gzip <= BUDGET_GZIP, `${gzip} bytes gzipped`);
    assert.doesNotMatch(code, /\bimport\s*[{(*"']|\bfrom\s*["']/, 'no chunk, no dynamic import');
    assert.doesNotMatch(code, /litElementVersions|lit-html|customElements\.define/);
  });

  it('loads on every page, and is the only script of a page without widgets', () => {
    assert.ok(seed.includes(SCRIPT));
    assert.deepEqual(landing.match(/<script[^>]*>/g), [SCRIPT.replace('</script>', '')]);
  });

  it('renders "Log in" to the page with the login widget, for the script to take over', () => {
    assert.match(
      landing,
      /<nav class="site-login" aria-label="Account" data-api-base="http:\/\/127\.0\.0\.1:8081"><a href="\/reference\/cloud-apis\/access-tokens\/">Log in<\/a><\/nav>/,
    );
  });

  it('links each page with a login widget to itself, the others to the first of them', async () => {
    const two = await build({
      options: { apiBase: 'http://127.0.0.1:8081' },
      templates: {
        'a-guide/login.md': '---\ntitle: Guide\nlayout: commonTwo.hbs\n---\n\n{{> sso}}\n',
      },
    });
    const loginLink = (html: string) =>
      /<nav class="site-login"[^>]*><a href="([^"]*)"/.exec(html)?.[1];
    assert.equal(loginLink(await two.page('/')), '/a-guide/login/');
    assert.equal(loginLink(await two.page('/a-guide/login/')), '/a-guide/login/');
    assert.equal(
      loginLink(await two.page('/reference/cloud-apis/access-tokens/')),
      '/reference/cloud-apis/access-tokens/',
    );
  });

  it('tells the page where the hosted login is and which cookie it leaves', () => {
    assert.match(seed, /<meta name="particle-docs:login-url" content="http:\/\/localhost:8081">/);
    assert.match(
      seed,
      /<meta name="particle-docs:login-cookie" content="ember_simple_auth_session">/,
    );
  });

  it('is off with loginHeader: false, and no hosted login means no login metas', async () => {
    const off = await build({ options: { loginHeader: false } });
    const page = await off.page('/');
    assert.doesNotMatch(page, /site-login|particle-docs:login/);
    await assert.rejects(stat(join(off.outDir, 'assets/site-login.js')));
  });
});
