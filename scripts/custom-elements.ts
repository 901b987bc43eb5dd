/**
 * The package's Custom Elements Manifest (`dist/custom-elements.json`, named by package.json
 * `customElements`), generated from the elements' sources and JSDoc by
 * @custom-elements-manifest/analyzer with its Lit plugin. A build:package step writes it;
 * test/package/custom-elements.test.ts checks it against the elements themselves.
 *
 * Three corrections after the analyzer:
 * - `@cssprop --particle-*` stands for the whole theme (THEME below, the custom properties of
 *   widgets/styles/base.styles.ts), documented once here instead of in every element; an
 *   element's own `@cssprop` for one of them (its own description) wins.
 * - Events come from `@fires` only. The analyzer also guesses one from every
 *   `dispatchEvent(new X(arg))`, taking the constructor's first argument (`username`, ``) for
 *   the event's name.
 * - Paths name the compiled modules a consumer imports (`dist/widgets/x.js`), not the sources.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { create, ts } from '@custom-elements-manifest/analyzer';
import { litPlugin } from '@custom-elements-manifest/analyzer/src/features/framework-plugins/lit/lit.js';

const root = join(import.meta.dirname, '..');

export interface ManifestEntry {
  name: string;
  description?: string;
}

/** The parts of a manifest's class declaration that the package documents and tests. */
export interface ElementDeclaration {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  summary?: string;
  attributes?: (ManifestEntry & { fieldName?: string })[];
  members?: (ManifestEntry & { kind: string; privacy?: string; static?: boolean })[];
  events?: ManifestEntry[];
  cssParts?: ManifestEntry[];
  cssProperties?: ManifestEntry[];
  slots?: ManifestEntry[];
}

export interface Manifest {
  schemaVersion: string;
  modules: { kind: string; path: string; declarations?: ElementDeclaration[] }[];
}

/** The theme every element's base styles read, with the light-scheme fallbacks. */
const THEME: (ManifestEntry & { default?: string })[] = [
  {
    name: '--particle-accent',
    default: '#00838f',
    description: 'Primary buttons, links, focus ring.',
  },
  { name: '--particle-accent-fg', default: '#ffffff', description: 'Text on the accent colour.' },
  { name: '--particle-bg', default: '#ffffff', description: 'Background of boxes and fields.' },
  { name: '--particle-fg', default: '#1b1f23', description: 'Text colour.' },
  { name: '--particle-muted', default: '#57606a', description: 'Hints and secondary text.' },
  { name: '--particle-border', default: '#c8ced6', description: 'Borders of boxes and rules.' },
  {
    name: '--particle-control-border',
    default: '#6e7781',
    description: 'Borders of text fields and selects (3:1 against the background).',
  },
  { name: '--particle-surface', description: 'Secondary buttons (default: 5% of fg over bg).' },
  { name: '--particle-danger', default: '#b42318', description: 'Errors and destructive buttons.' },
  { name: '--particle-success', default: '#1a7f37', description: 'Success messages.' },
  { name: '--particle-radius', default: '6px', description: 'Corner radius.' },
  { name: '--particle-font', default: 'system-ui, sans-serif', description: 'Font family.' },
  {
    name: '--particle-mono',
    default: 'ui-monospace, …, monospace',
    description: 'Font of tokens and commands.',
  },
];

/** `--particle-*` → the theme, with the element's own entries first. */
function expandTheme(listed: ManifestEntry[]): ManifestEntry[] {
  if (!listed.some((entry) => entry.name === '--particle-*')) return listed;
  const own = listed.filter((entry) => entry.name !== '--particle-*');
  return [...own, ...THEME.filter((theme) => !own.some((entry) => entry.name === theme.name))];
}

/** Every element and helper module; style modules hold no declarations worth listing. */
function sourceFiles(): string[] {
  return readdirSync(join(root, 'widgets'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.styles.ts'))
    .map((file) => join('widgets', file))
    .sort();
}

/** `widgets/a/b.ts` → `dist/widgets/a/b.js`, wherever the manifest names a module. */
function toDist(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toDist);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) =>
        (key === 'path' || key === 'module') && typeof inner === 'string'
          ? [key, inner.replace(/^\/?(widgets\/.*)\.ts$/, 'dist/$1.js')]
          : [key, toDist(inner)],
      ),
    );
  }
  return value;
}

export function customElementsManifest(): Manifest {
  const modules = sourceFiles().map((file) =>
    ts.createSourceFile(
      relative(root, join(root, file)),
      readFileSync(join(root, file), 'utf8'),
      ts.ScriptTarget.ES2015,
      true,
    ),
  );
  const manifest = create({ modules, plugins: litPlugin() }) as Manifest;
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? []) {
      if (declaration.events) {
        declaration.events = declaration.events.filter((event) => event.name && event.description);
      }
      if (declaration.cssProperties) {
        declaration.cssProperties = expandTheme(declaration.cssProperties);
      }
      if (declaration.cssParts) {
        declaration.cssParts = declaration.cssParts.filter((part) => part.name);
      }
    }
  }
  return toDist(manifest) as Manifest;
}
