/**
 * The package in a front-end project, as a front-end developer meets it: `npm pack` of this
 * repository installed into a temporary project outside it, next to esbuild, Vite and
 * TypeScript with React 19's types. Then
 * - a page that imports `<package>/widgets`, bundled by plain `esbuild --bundle` and by
 *   `vite build` with no config, loads in Chromium and defines and renders the elements;
 * - the prebuilt copy loads with one plain `<script type="module">`, no bundler;
 * - a TypeScript React 19 app that renders the elements, and a plain strict TypeScript file
 *   that uses them, type-check with zero errors against the package's .d.ts (skipLibCheck off).
 * - the emulator runs from the installed package, compiled, without tsx: its `./emulator` entry
 *   from a script, and its `particle-docs-emulator` bin.
 * One install serves every case.
 */
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import type { Browser } from 'puppeteer-core';
import { launchBrowser, openPage, type ServedSite, serveSite } from '../e2e/harness.js';
import { packedTarball } from './pack.js';

const exec = promisify(execFile);
const PACKAGE = 'eleventy-plugin-particle-docs';
const TAGS = [
  'particle-sso',
  'particle-create-token',
  'particle-api-user-create',
  'particle-api-user-list',
];
/** Nothing listens there: the widgets make no request until the reader acts. */
const API = 'http://127.0.0.1:9';

const BODY = `<main>
<particle-sso api-base="${API}"></particle-sso>
<particle-create-token api-base="${API}"></particle-create-token>
<particle-api-user-create api-base="${API}"></particle-api-user-create>
<particle-api-user-list api-base="${API}"></particle-api-user-list>
</main>`;

const page = (head: string) =>
  `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Widgets</title><link rel="icon" href="data:,">${head}</head><body>${BODY}</body></html>\n`;

const TSCONFIG = {
  strict: true,
  target: 'ES2022',
  module: 'ESNext',
  moduleResolution: 'bundler',
  lib: ['ES2023', 'DOM', 'DOM.Iterable'],
  noEmit: true,
  skipLibCheck: false,
  types: [],
};

const REACT_APP = `import { useRef } from 'react';
import '${PACKAGE}/widgets';
import type { ParticleLoginEvent, ParticleSso } from '${PACKAGE}/widgets';

export function Docs({ product }: { product: string }) {
  const sso = useRef<ParticleSso>(null);
  return (
    <main className="docs">
      <particle-sso
        ref={sso}
        api-base="https://api.particle.io"
        select-org
        onparticle-login={(event: ParticleLoginEvent) => console.log(event.username)}
      />
      <particle-create-token api-base="https://api.particle.io" />
      <particle-api-user-create apiBase="https://api.particle.io" product={product} />
      <particle-api-user-list api-base="https://api.particle.io" org="acme">
        <p>Log in to list API users.</p>
      </particle-api-user-list>
      {/* @ts-expect-error: not an attribute of the element */}
      <particle-sso bogus="x" />
      {/* @ts-expect-error: apiBase is a string */}
      <particle-create-token apiBase={42} />
    </main>
  );
}
`;

const PLAIN_TS = `import { ParticleSso } from '${PACKAGE}/widgets';
import type { ParticleLoginEvent } from '${PACKAGE}/widgets';

const sso: ParticleSso = document.createElement('particle-sso');
sso.apiBase = 'https://api.particle.io';
sso.addEventListener('particle-login', (event) => {
  console.log((event as ParticleLoginEvent).username, sso instanceof ParticleSso);
});
const list = document.querySelector('particle-api-user-list');
if (list) list.product = 'my-product';
`;

let project: string;
let site: ServedSite;
let browser: Browser;

async function write(path: string, content: string): Promise<void> {
  await mkdir(dirname(join(project, path)), { recursive: true });
  await writeFile(join(project, path), content);
}

/** Runs a tool of the project; a failure rejects with its whole output. */
async function run(command: string, args: string[]): Promise<string> {
  try {
    const { stdout, stderr } = await exec(command, args, {
      cwd: project,
      timeout: 5 * 60_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    return `${stdout}${stderr}`;
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed:\n${stdout}${stderr}`);
  }
}

const bin = (name: string) => join(project, 'node_modules/.bin', name);

/** Opens a page of the project and reports which elements are defined and rendered. */
async function loadWidgets(url: string) {
  const opened = await openPage(browser, url);
  await opened.page.waitForFunction(
    (tags: string[]) => tags.every((tag) => customElements.get(tag)),
    { timeout: 10_000 },
    TAGS,
  );
  // No named functions inside: tsx would wrap them in a helper that the page does not have.
  const rendered = await opened.page.evaluate(
    (tags: string[]) =>
      tags.filter((tag) => {
        const element = document.querySelector(tag);
        // Rendered: its shadow root (or, for particle-sso, its light DOM) has content.
        return ((element?.shadowRoot ?? element)?.children.length ?? 0) > 0;
      }),
    TAGS,
  );
  await opened.page.close();
  return { rendered, errors: opened.errors };
}

describe('the package in a front-end project', () => {
  before(async () => {
    const tarball = await packedTarball();
    project = await mkdtemp(join(tmpdir(), 'particle-front-end-'));
    await write(
      'package.json',
      JSON.stringify({
        name: 'front-end-app',
        private: true,
        type: 'module',
        dependencies: {
          [PACKAGE]: `file:${tarball}`,
          '@types/react': '19.3.2',
          esbuild: '0.27.7',
          typescript: '5.9.3',
          vite: '7.3.8',
        },
      }),
    );
    await run('npm', [
      'install',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
    ]);
    await write('src/main.js', `import '${PACKAGE}/widgets';\n`);
    await write('index.html', page('<script type="module" src="/src/main.js"></script>'));
    await write('esbuild/index.html', page('<script type="module" src="./main.js"></script>'));
    // The one script a plain page needs: the prebuilt copy's entry, which defines all four.
    const prebuilt = `/node_modules/${PACKAGE}/dist/prebuilt/particle-widgets.js`;
    await write('prebuilt/index.html', page(`<script type="module" src="${prebuilt}"></script>`));
    await write('react/app.tsx', REACT_APP);
    await write(
      'react/tsconfig.json',
      JSON.stringify({ compilerOptions: { ...TSCONFIG, jsx: 'react-jsx' }, include: ['app.tsx'] }),
    );
    await write('plain/main.ts', PLAIN_TS);
    await write(
      'plain/tsconfig.json',
      JSON.stringify({ compilerOptions: TSCONFIG, include: ['main.ts'] }),
    );
    site = await serveSite(project);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await site?.close();
    if (project) await rm(project, { recursive: true, force: true });
  });

  it('bundled by plain esbuild --bundle, defines and renders every element', async () => {
    await run(bin('esbuild'), [
      'src/main.js',
      '--bundle',
      '--format=esm',
      '--outfile=esbuild/main.js',
    ]);
    const { rendered, errors } = await loadWidgets(`${site.url}/esbuild/`);
    assert.deepEqual(errors, []);
    assert.deepEqual(rendered, TAGS);
  });

  it('bundled by vite build with no configuration, defines and renders every element', async () => {
    await run(bin('vite'), ['build', '--logLevel', 'warn']);
    // Vite's output expects to be the site's root (base `/`), as it would be deployed.
    const vite = await serveSite(join(project, 'dist'));
    const { rendered, errors } = await loadWidgets(`${vite.url}/`).finally(() => vite.close());
    assert.deepEqual(errors, []);
    assert.deepEqual(rendered, TAGS);
  });

  it('the prebuilt copy works from one plain <script type="module">', async () => {
    const { rendered, errors } = await loadWidgets(`${site.url}/prebuilt/`);
    assert.deepEqual(errors, []);
    assert.deepEqual(rendered, TAGS);
  });

  it('a TypeScript React 19 app rendering the elements type-checks with zero errors', async () => {
    await run(bin('tsc'), ['-p', 'react']);
  });

  it('./emulator starts an emulator from a plain Node script of the project', async () => {
    const script = `import { createApp, startEmulator } from '${PACKAGE}/emulator';
const emulator = await startEmulator({ port: 0, quiet: true });
const home = await (await fetch(emulator.url + '/')).json();
await emulator.close();
console.log(JSON.stringify({ app: typeof createApp, accounts: home.accounts.length }));`;
    await write('emulator.mjs', script);
    const output = await run(process.execPath, ['emulator.mjs']);
    assert.deepEqual(JSON.parse(output), { app: 'function', accounts: 4 });
  });

  it('the particle-docs-emulator bin serves, names the docs site and refuses a bad data file', async () => {
    const child = spawn(
      bin('particle-docs-emulator'),
      ['--port', '0', '--site', 'http://localhost:8080/'],
      {
        cwd: project,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    try {
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      const deadline = Date.now() + 15_000;
      while (
        !/listening on (http\S+)/.test(output) &&
        Date.now() < deadline &&
        child.exitCode === null
      ) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const url = /listening on (http\S+)/.exec(output)?.[1];
      assert.ok(url, `the bin did not start:\n${output}`);
      const home = await (await fetch(`${url}/`)).json();
      assert.equal(home.docs, 'http://localhost:8080/');
    } finally {
      child.kill('SIGTERM');
      if (child.exitCode === null) await once(child, 'exit');
    }
    await assert.rejects(
      run(bin('particle-docs-emulator'), ['--data', 'missing.json']),
      /particle-docs-emulator: Cannot read the data file missing\.json/,
    );
  });

  it('a strict TypeScript file without React type-checks against ./widgets', async () => {
    await run(bin('tsc'), ['-p', 'plain']);
  });
});
