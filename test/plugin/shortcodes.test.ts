// The particleWidget shortcode in Liquid, Nunjucks and Markdown rendered by Liquid: the
// same element as the partial, and a misuse stops the build naming the page.
import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { build, errorChain } from './helpers/build.js';

const emptyInput = () => mkdtemp(join(tmpdir(), 'particle-shortcodes-'));

/** The build error of a site whose one page is `path` with `source`. */
async function failure(path: string, source: string): Promise<string> {
  const error = await build({ input: await emptyInput(), templates: { [path]: source } }).then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.ok(error, `${path} must fail the build`);
  return errorChain(error);
}

describe('the particleWidget shortcode', () => {
  it('renders the partial from Markdown with Liquid, as an HTML block, with name/value pairs', async () => {
    const site = await build({
      input: await emptyInput(),
      templates: {
        'liquid.md':
          '---\ntemplateEngineOverride: liquid,md\nlayout: commonTwo.hbs\n---\nText {% particleWidget "cloud-api-user-list", "org", "acme" %}\n',
        'hbs.md': '---\nlayout: commonTwo.hbs\n---\n{{> cloud-api-user-list org="acme"}}\n',
      },
    });
    const element = (html: string) =>
      /<particle-api-user-list[\s\S]*?<\/particle-api-user-list>/.exec(html)?.[0];
    const liquid = await site.page('/liquid/');
    assert.match(liquid, /<p>Text<\/p>\n<particle-api-user-list api-base="[^"]+" org="acme">/);
    assert.equal(element(liquid), element(await site.page('/hbs/')));
    assert.match(liquid, /src="\/assets\/widgets\/particle-widgets\.js"/);
  });

  it('takes keyword arguments in Nunjucks', async () => {
    const site = await build({
      input: await emptyInput(),
      templates: {
        'n.njk': '---\nlayout: commonTwo.hbs\n---\n{% particleWidget "sso", selectOrg=true %}',
      },
    });
    assert.match(await site.page('/n/'), /<particle-sso api-base="[^"]+" select-org>/);
  });

  it('stops the build on a name without its value', async () => {
    assert.match(
      await failure('odd.liquid', '{% particleWidget "cloud-api-user-list", "product" %}'),
      /odd\.liquid: particleWidget "cloud-api-user-list": parameters come in name\/value pairs, but 1 argument\(s\) follow the name\./,
    );
  });

  it('stops the build when the widget name is missing', async () => {
    assert.match(
      await failure('none.njk', '{% particleWidget %}'),
      /none\.njk: particleWidget needs the widget's name first\./,
    );
  });
});
