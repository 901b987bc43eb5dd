// The seed page, built from the real content/ with the real partials and layouts.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { type BuiltSite, build } from './helpers/build.js';

const SEED_URL = '/reference/cloud-apis/access-tokens/';

const elements = [
  'particle-sso',
  'particle-create-token',
  'particle-api-user-create',
  'particle-api-user-list',
];

function count(haystack: string, needle: string | RegExp): number {
  return haystack.split(needle).length - 1;
}

describe('the seed page', () => {
  let site: BuiltSite;
  let html: string;
  before(async () => {
    site = await build({ options: { apiBase: 'http://127.0.0.1:9999' } });
    html = await site.page(SEED_URL);
  });

  it('has the title with the site name, the description and two columns', () => {
    assert.match(html, /<title>Access Tokens \| Particle Docs<\/title>/);
    assert.match(
      html,
      /<meta name="description" content="Using access tokens with the Particle Cloud API">/,
    );
    assert.match(html, /<html lang="en" class="two-columns">/);
    assert.match(html, /<h1>Access Tokens<\/h1>/);
  });

  for (const tag of elements) {
    it(`has <${tag}> exactly once, as a block, with the API base and its fallback`, () => {
      assert.equal(count(html, `<${tag} `), 1);
      const element = html.slice(html.indexOf(`<${tag} `), html.indexOf(`</${tag}>`));
      assert.match(element, /api-base="http:\/\/127\.0\.0\.1:9999"/);
      assert.match(element, /<div class="particle-fallback">\n<p>[^<]+/);
      assert.match(element, /<code>(particle |curl )/, 'the fallback shows the CLI or curl way');
      assert.doesNotMatch(html, new RegExp(`<p><${tag}`), 'not wrapped in a paragraph');
    });
  }

  it('loads the widget bundle once, in the head', () => {
    const script = '<script type="module" src="/assets/widgets/particle-widgets.js"></script>';
    assert.equal(count(html, script), 1);
    assert.ok(html.indexOf(script) < html.indexOf('</head>'));
  });

  it('renders both rate-limit blurbs with their headings and leaves no marker', () => {
    assert.match(
      html,
      /<h4>Create an Access Token - API rate limits<\/h4>\n<ul>\n<li>Maximum of 100 requests/,
    );
    assert.match(
      html,
      /<h4>All API functions - API rate limits<\/h4>\n<ul>\n<li>Maximum of 10,000 requests/,
    );
    assert.doesNotMatch(html, /shared-blurb/);
  });

  it('leaves no Handlebars and nothing of the commented-out block', () => {
    assert.doesNotMatch(html, /\{\{/);
    assert.doesNotMatch(html, /What is an access token/);
    assert.doesNotMatch(html, /67acf71ae39272f967d352bc190f415bd811c34d/);
  });

  it('has no inline script or style', () => {
    assert.doesNotMatch(html, /<script(?![^>]*\ssrc=)[^>]*>/);
    assert.doesNotMatch(html, /<style|\sstyle="/);
  });

  it('gives the landing page a link to the seed and no widget script', async () => {
    const landing = await site.page('/');
    assert.match(landing, new RegExp(`<a href="${SEED_URL}">Access Tokens</a>`));
    assert.doesNotMatch(landing, /<script[^>]+\/widgets\//);
    assert.doesNotMatch(landing, /two-columns/);
  });
});
