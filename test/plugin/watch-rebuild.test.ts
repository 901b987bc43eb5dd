// Under `npm start` (Eleventy watching), an edited widget source is bundled again and an
// edited partial renders again, without restarting: both are re-read before every build.
import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { type BuiltSite, repoRoot, watch } from './helpers/build.js';

const element = (version: string) =>
  `customElements.define('particle-sso', class extends HTMLElement {
  connectedCallback() { this.dataset.version = '${version}'; }
});\n`;

/** Resolves once `read()` includes `text`; fails after `ms` with what it last read. */
async function eventually(read: () => Promise<string>, text: string, ms = 15_000) {
  const until = Date.now() + ms;
  let last = '';
  while (Date.now() < until) {
    last = await read().catch((error: Error) => error.message);
    if (last.includes(text)) return;
    await delay(100);
  }
  assert.fail(`never saw ${JSON.stringify(text)}; last read:\n${last}`);
}

let root: string;
let site: BuiltSite & { stop(): Promise<void> };
const bundle = () => readFile(join(site.outDir, 'assets/widgets/particle-widgets.js'), 'utf8');

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'particle-watch-'));
  for (const dir of ['content', 'widgets', 'partials']) await mkdir(join(root, dir));
  await writeFile(
    join(root, 'content/page.md'),
    '---\ntitle: Watched\nlayout: commonTwo.hbs\n---\n{{> sso}}\n',
  );
  await writeFile(join(root, 'widgets/particle-sso.ts'), element('first-version'));
  await copyFile(join(repoRoot, 'partials/sso.hbs'), join(root, 'partials/sso.hbs'));
  site = await watch({
    input: join(root, 'content'),
    options: { widgetsDir: join(root, 'widgets'), partialsDir: join(root, 'partials') },
  });
});

after(() => site?.stop());

it('bundles an edited widget again', async () => {
  assert.match(await bundle(), /first-version/);
  await writeFile(join(root, 'widgets/particle-sso.ts'), element('second-version'));
  await eventually(bundle, 'second-version');
});

it('renders an edited partial again', async () => {
  const partial = join(root, 'partials/sso.hbs');
  await writeFile(
    partial,
    (await readFile(partial, 'utf8')).replace('Log in to your Particle account', 'Sign in'),
  );
  await eventually(() => site.page('/page/'), '<p>Sign in here');
});
