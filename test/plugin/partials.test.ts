// The four partials: each renders its element as an HTML block carrying the API base,
// hash parameters as attributes, and no-JS fallback text inside.
import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { type BuiltSite, build } from './helpers/build.js';

const page = (body: string) => `---\ntitle: T\n---\nBefore.\n\n${body}\n\nAfter.\n`;

describe('partials', () => {
  let site: BuiltSite;
  before(async () => {
    site = await build({
      input: await mkdtemp(join(tmpdir(), 'particle-partials-')),
      options: { apiBase: 'http://127.0.0.1:8081' },
      templates: {
        'sso.md': page('{{> sso selectOrg=true}}'),
        'token.md': page('{{> cloud-api-create-token-simple}}'),
        'create.md': page('{{> cloud-api-user-create product="my-product"}}'),
        'list.md': page('{{> cloud-api-user-list org="acme & co"}}'),
        'plain.md': page('{{> sso}}\n\n{{> cloud-api-user-list}}'),
        'crowded.md':
          '---\ntitle: T\n---\nRight above.\n{{> sso}}\nRight below.\n\nInline {{> cloud-api-user-list}} here.\n\n- item\n\n  {{> cloud-api-create-token-simple}}\n',
      },
    });
  });

  const cases: [url: string, tag: string, attributes: string, fallback: RegExp][] = [
    ['/sso/', 'particle-sso', ' select-org', /<code>particle login<\/code>/],
    [
      '/token/',
      'particle-create-token',
      '',
      /<code>particle token create<\/code>.*<code>curl http:\/\/127\.0\.0\.1:8081\/oauth\/token/,
    ],
    [
      '/create/',
      'particle-api-user-create',
      ' product="my-product"',
      /<code>curl http:\/\/127\.0\.0\.1:8081\/v1\/products\/my-product\/team -H[^<]+<\/code>\.<\/p>/,
    ],
    [
      '/list/',
      'particle-api-user-list',
      ' org="acme &amp; co"',
      /<code>curl http:\/\/127\.0\.0\.1:8081\/v1\/orgs\/acme &amp; co\/team -H.*<code>curl -X DELETE http:\/\/127\.0\.0\.1:8081\/v1\/orgs\/acme &amp; co\/team\/USERNAME -H[^<]+<\/code>\.<\/p>/,
    ],
  ];

  for (const [url, tag, attributes, fallback] of cases) {
    it(`${tag}: a block element with api-base, its attributes and fallback`, async () => {
      const html = await site.page(url);
      const open = `<${tag} api-base="http://127.0.0.1:8081"${attributes}>`;
      assert.ok(
        html.includes(`<p>Before.</p>\n${open}\n<div class="particle-fallback">\n<p>`),
        html,
      );
      assert.match(html, new RegExp(`</div>\\n</${tag}>\\n<p>After.</p>`));
      assert.match(html, fallback);
      assert.doesNotMatch(html, /particle-docs params/, 'the declaration comment renders nothing');
    });
  }

  it('adds no attribute for a parameter that is not given; the fallback shows placeholders', async () => {
    const html = await site.page('/plain/');
    assert.match(html, /<particle-sso api-base="http:\/\/127\.0\.0\.1:8081">/);
    assert.match(html, /<particle-api-user-list api-base="http:\/\/127\.0\.0\.1:8081">/);
    assert.match(
      html,
      /\/v1\/products\/PRODUCT_ID\/team\/USERNAME -H[^<]+<\/code> \(use <code>\/v1\/orgs\/ORG_ID\/team<\/code> for an organization\)\.<\/p>/,
    );
  });

  it('stays a block, fallback inside, with no blank lines around it or mid-paragraph', async () => {
    const html = await site.page('/crowded/');
    const api = 'api-base="http://127.0.0.1:8081"';
    assert.match(
      html,
      new RegExp(
        `<p>Right above.</p>\\n<particle-sso ${api}>\\n<div class="particle-fallback">\\n<p>[^<]+<code>particle login</code>.</p>\\n</div>\\n</particle-sso>\\n<p>Right below.</p>`,
      ),
    );
    assert.match(
      html,
      new RegExp(
        `<p>Inline</p>\\n<particle-api-user-list ${api}>\\n<div class="particle-fallback">[\\s\\S]+?</div>\\n</particle-api-user-list>\\n<p>here.</p>`,
      ),
    );
    assert.match(
      html,
      new RegExp(
        `<li>\\n<p>item</p>\\n<particle-create-token ${api}>\\n<div class="particle-fallback">`,
      ),
    );
  });
});
