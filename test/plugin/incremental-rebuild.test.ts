// Under `npm start` (Eleventy watching with --incremental), a one-page edit rewrites that
// page only: not the other pages, not the widget bundle; and the link report still knows
// the pages it did not rewrite. Eleventy runs as `npm start` runs it: in the site's
// folder with a relative input (see bench/build.ts for why that matters).
import assert from 'node:assert/strict';
import { type ChildProcess, fork } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { repoRoot } from './helpers/build.js';

type Message = { pages?: number; watching?: boolean; warning?: string; error?: string };

let site: string;
let eleventy: ChildProcess;
const warnings: string[] = [];
const page = (name: string, text: string) =>
  `---\ntitle: ${name}\nlayout: commonTwo.hbs\n---\n${text}\n\nSee [the other page](/${name === 'a' ? 'b' : 'a'}/).\n\n{{> sso}}\n`;
const output = (path: string) => join(site, '_site', path);
const modified = async (path: string) => (await stat(output(path))).mtimeMs;
/** The widget bundle as written: every file of assets/widgets/ with its text. */
async function widgetFiles(): Promise<string> {
  const dir = output('assets/widgets');
  const files = (await readdir(dir, { recursive: true })).sort();
  return (await Promise.all(files.map((f) => readFile(join(dir, f), 'utf8').catch(() => '')))).join(
    '\n',
  );
}

/** The next message from the watching Eleventy that has `key`. */
function next<K extends keyof Message>(key: K): Promise<Message[K]> {
  return new Promise((done) => {
    const listener = (message: Message) => {
      if (!(key in message)) return;
      eleventy.off('message', listener);
      done(message[key]);
    };
    eleventy.on('message', listener);
  });
}

before(async () => {
  site = await mkdtemp(join(tmpdir(), 'particle-incremental-'));
  for (const dir of ['content', 'widgets', 'partials']) await mkdir(join(site, dir));
  await writeFile(join(site, 'content/a.md'), page('a', 'First text.'));
  await writeFile(join(site, 'content/b.md'), page('b', 'Other page.'));
  await writeFile(join(site, 'content/index.md'), page('index', 'Home.'));
  await writeFile(
    join(site, 'widgets/particle-sso.ts'),
    "customElements.define('particle-sso', class extends HTMLElement {});\n",
  );
  await copyFile(join(repoRoot, 'partials/sso.hbs'), join(site, 'partials/sso.hbs'));
  await copyFile(join(repoRoot, 'tsconfig.json'), join(site, 'tsconfig.json'));
  const plugin = join(repoRoot, 'plugin/index.ts');
  await writeFile(
    join(site, 'eleventy.config.mjs'),
    `import particleDocs, { templateConfig } from ${JSON.stringify(plugin)};
export default (eleventyConfig) => eleventyConfig.addPlugin(particleDocs, ${JSON.stringify({
      widgetsDir: 'widgets',
      layoutsDir: join(repoRoot, 'layouts'),
      assetsDir: join(repoRoot, 'assets'),
    })});
export const config = { ...templateConfig };
`,
  );
  eleventy = fork(join(repoRoot, 'bench/eleventy-child.ts'), ['.', '_site', '--watch'], {
    cwd: site,
    execArgv: ['--import', import.meta.resolve('tsx')],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  eleventy.on('message', ({ warning }: Message) => warning && warnings.push(warning));
  await next('watching');
  // Eleventy's watch() returns before its file watcher has finished setting up.
  await delay(2000);
});

after(() => eleventy?.kill());

it('rewrites only the edited page, and neither the other pages nor the widget bundle', async () => {
  const before = {
    b: await modified('b/index.html'),
    bundle: await modified('assets/widgets/manifest.json'),
  };
  const built = next('pages');
  await writeFile(join(site, 'content/a.md'), page('a', 'Edited text.'));
  assert.equal(await built, 1, 'pages written by the rebuild');
  assert.match(await readFile(output('a/index.html'), 'utf8'), /Edited text\./);
  assert.match(
    await readFile(output('a/index.html'), 'utf8'),
    /<script type="module" src="\/assets\/widgets\/[^"]+\.js"><\/script>/,
  );
  await delay(1000); // what else this build would write (the bundle comes last) is written by now
  assert.equal(await modified('b/index.html'), before.b, 'the other page was rewritten');
  assert.equal(
    await modified('assets/widgets/manifest.json'),
    before.bundle,
    'the widget bundle was written again',
  );
  assert.deepEqual(
    warnings.filter((warning) => warning.includes('internal link')),
    [],
    'the link to the page not rewritten was reported as broken',
  );
});

it('bundles the widgets again when a widget source changes', async () => {
  const built = next('pages');
  await writeFile(
    join(site, 'widgets/particle-sso.ts'),
    "customElements.define('particle-sso', class extends HTMLElement { x = 'second-version'; });\n",
  );
  await built;
  // The bundle is written by an eleventy.after listener that may end after the message.
  const until = Date.now() + 15_000;
  while (!(await widgetFiles()).includes('second-version')) {
    assert.ok(Date.now() < until, `never bundled again:\n${await widgetFiles()}`);
    await delay(100);
  }
});

/** Resolves with the first error the watching Eleventy logs that matches `pattern`. */
function errorMatching(pattern: RegExp): Promise<string> {
  return new Promise((done) => {
    const listener = ({ error }: Message) => {
      if (error === undefined || !pattern.test(error)) return;
      eleventy.off('message', listener);
      done(error);
    };
    eleventy.on('message', listener);
  });
}

/** Resolves once the page `name` as written has `text`; fails after 30 s. */
async function written(name: string, text: string): Promise<void> {
  const until = Date.now() + 30_000;
  const read = () => readFile(output(`${name}/index.html`), 'utf8').catch(() => '');
  while (!(await read()).includes(text)) {
    assert.ok(Date.now() < until, `${name}/index.html never had ${JSON.stringify(text)}`);
    await delay(100);
  }
}

// The checks before a rebuild read only the files the watcher reports as changed: a page
// added or edited under watch must still be checked.
const blurb = (text: string) =>
  `{{!-- BEGIN shared-blurb 1ef79152-ac34-11ec-b909-0242ac120002 --}}\n${text}\n{{!-- END shared-blurb --}}`;

it('stops a rebuild when the blurb of an edited page no longer matches its other copy', {
  timeout: 60_000,
}, async () => {
  // One copy at a time, each rebuilt before the next write. Eleventy 3.1 empties its layout
  // cache on every change event, also while a rebuild is running, and a rebuild that is reading
  // its layouts then can fail ("Cannot read properties of undefined (reading 'engine')",
  // TemplateContent.getInputContent); the page it was rebuilding stays as it was until its next
  // change. Two writes in a row let the second event land inside the first write's rebuild.
  for (const name of ['a', 'b']) {
    await writeFile(join(site, `content/${name}.md`), page(name, blurb('Limit: 100 requests.')));
    await written(name, 'Limit: 100 requests.');
  }
  const failed = errorMatching(/Shared blurb 1ef79152-/);
  await writeFile(join(site, 'content/b.md'), page('b', blurb('Limit: 200 requests.')));
  assert.match(await failed, /a\.md[\s\S]*b\.md/);
  const fixed = next('pages');
  await writeFile(join(site, 'content/b.md'), page('b', blurb('Limit: 100 requests.')));
  assert.ok((await fixed)! >= 1);
});

it('stops a rebuild when a page added under watch names an unknown layout', {
  timeout: 60_000,
}, async () => {
  const failed = errorMatching(/Unknown layout "missing\.hbs"/);
  await writeFile(
    join(site, 'content/added.md'),
    '---\ntitle: Added\nlayout: missing.hbs\n---\nNew page.\n',
  );
  assert.match(await failed, /added\.md:3/);
  const fixed = next('pages');
  await writeFile(
    join(site, 'content/added.md'),
    '---\ntitle: Added\nlayout: commonTwo.hbs\n---\nNew page.\n',
  );
  assert.ok((await fixed)! >= 1);
  assert.match(await readFile(output('added/index.html'), 'utf8'), /New page\./);
});
