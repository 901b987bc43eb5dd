/**
 * The Custom Elements Manifest against the elements themselves: every public attribute,
 * property, event, CSS part and CSS custom property of each of the four elements must be in it,
 * described. The truth comes from the elements, not from a list kept beside them:
 * - attributes and properties from Lit's `elementProperties` (internal `@state()` excluded);
 * - CSS custom properties from the `var(--particle-…)` in the element's own `elementStyles`;
 * - parts and events from the element's sources: its module and the helper modules it renders
 *   with (up to, not into, other elements' modules): every static `part="…"` and
 *   `exportparts="…"`, and every event it constructs (`new ParticleLoginEvent(…)` resolved to its
 *   type through events.ts, `new Event('change')`).
 * Lit runs in Node on its own DOM shim, so this needs no browser.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { before, describe, it } from 'node:test';
import { LitElement } from 'lit';
import { findWidgetEntries } from '../../plugin/widgets/entries.js';
import {
  customElementsManifest,
  type ElementDeclaration,
  type ManifestEntry,
} from '../../scripts/custom-elements.js';
import * as events from '../../widgets/events.js';

const root = join(import.meta.dirname, '../..');
const entries = findWidgetEntries(join(root, 'widgets'));

/**
 * The source the element renders with: its module, and of each helper module it imports (not
 * other elements' modules) the exported declarations it imports by name, transitively. By name,
 * because helper modules are shared: views.ts holds the scope picker that only the create form
 * renders, beside what the list needs.
 */
function renderingSources(file: string): string[] {
  const texts: string[] = [];
  const seen = new Set<string>();
  const visit = (path: string, names: string[] | 'all') => {
    const key = `${path}:${names}`;
    if (seen.has(key)) return;
    seen.add(key);
    const source = readFileSync(path, 'utf8');
    if (seen.size > 1 && source.includes('@customElement(')) return; // another element's own
    // Of a helper: its preamble (imports, private constants) and the declarations imported.
    const [preamble, ...declarations] = source.split(/\n(?=export )/);
    const declared = (chunk: string) =>
      /^export (?:async |abstract |declare )*(?:function\*?|const|let|class|type|interface|enum)\s+(\w+)/.exec(
        chunk,
      )?.[1] ?? '';
    const used =
      names === 'all'
        ? source
        : [preamble, ...declarations.filter((chunk) => names.includes(declared(chunk)))].join('\n');
    texts.push(used);
    const imports = /import\s+(?:type\s+)?(?:\{([^}]*)\}\s+from\s+)?'(\.[^']+)\.js'/g;
    for (const [, list, spec] of used.matchAll(imports)) {
      const imported = list
        ?.split(',')
        .map((item) =>
          item
            .replace(/^\s*type\s+/, '')
            .split(/\s+as\s+/)[0]!
            .trim(),
        )
        .filter(Boolean);
      visit(resolve(dirname(path), `${spec}.ts`), imported ?? 'all');
    }
  };
  visit(file, 'all');
  return texts;
}

const eventTypes = new Map(
  Object.entries(events)
    .filter(([, value]) => typeof value === 'function' && value.prototype instanceof Event)
    // Constructed without arguments only to read the type each class passes to super().
    .map(([name, Class]) => [name, new (Class as new () => Event)().type]),
);

interface Truth {
  attributes: string[];
  properties: string[];
  events: string[];
  parts: string[];
  cssProperties: string[];
}

type LitClass = (new () => LitElement) & {
  elementProperties: Map<string, { attribute?: string | boolean; state?: boolean }>;
  elementStyles: { cssText: string }[];
  finalize(): void;
};

type Rendering = { createRenderRoot(): unknown };

/**
 * Whether the element renders into its light DOM (particle-sso, for password managers): it has
 * no CSS parts, as `part` attributes there are plain attributes that ::part() never reaches.
 */
function rendersLightDom(Element: LitClass): boolean {
  const own = (Element.prototype as unknown as Rendering).createRenderRoot;
  if (own === (LitElement.prototype as unknown as Rendering).createRenderRoot) return false;
  const element = new Element();
  return (element as unknown as Rendering).createRenderRoot() === element;
}

/**
 * Static `part="a b"` names and the outer names of `exportparts="a, b:c"`, also when the list is
 * a constant (`exportparts=${SECRET_PARTS}` with `const SECRET_PARTS = '…'`).
 */
function partsIn(sources: string): string[] {
  const constant = (name: string) => new RegExp(`const ${name} = '([^']+)'`).exec(sources)?.[1];
  const exported = [
    ...[...sources.matchAll(/\bexportparts="([^"]+)"/g)].map(([, list]) => list!),
    ...[...sources.matchAll(/\bexportparts=\$\{(\w+)\}/g)].map(([, name]) => constant(name!) ?? ''),
  ];
  return [
    ...[...sources.matchAll(/\bpart="([^"]+)"/g)].flatMap(([, list]) => list!.split(/\s+/)),
    ...exported.flatMap((list) => list.split(',').map((item) => item.split(':').at(-1)!.trim())),
  ].filter((name) => name && !name.includes('$'));
}

/** The types of the events the sources construct. */
function eventsIn(sources: string): string[] {
  return [
    ...[...sources.matchAll(/new (\w+Event)\(/g)].map(([, name]) => eventTypes.get(name!)),
    ...[...sources.matchAll(/new (?:Custom)?Event\(\s*'([^']+)'/g)].map(([, type]) => type),
  ].filter((type): type is string => type !== undefined);
}

function truthOf(tag: string, file: string): Truth {
  const Element = customElements.get(tag) as LitClass;
  Element.finalize();
  const reactive = [...Element.elementProperties].filter(([, options]) => !options.state);
  const sources = renderingSources(file).join('\n');
  const css = Element.elementStyles.map((style) => style.cssText).join('\n');
  return {
    attributes: reactive
      .filter(([, options]) => options.attribute !== false)
      .map(([name, options]) =>
        typeof options.attribute === 'string' ? options.attribute : name.toLowerCase(),
      ),
    properties: reactive.map(([name]) => name),
    events: eventsIn(sources),
    parts: rendersLightDom(Element) ? [] : partsIn(sources),
    cssProperties: [...css.matchAll(/var\((--particle-[\w-]+)/g)].map(([, name]) => name!),
  };
}

const unique = (names: string[]) => [...new Set(names)].sort();

function missing(wanted: string[], listed: ManifestEntry[] | undefined): string[] {
  const names = new Set((listed ?? []).map((entry) => entry.name));
  return unique(wanted).filter((name) => !names.has(name));
}

function undescribed(listed: ManifestEntry[] | undefined, wanted: string[]): string[] {
  return (listed ?? [])
    .filter((entry) => wanted.includes(entry.name) && !entry.description?.trim())
    .map((entry) => entry.name);
}

describe('custom-elements.json', () => {
  const declarations = new Map<string, { path: string; declaration: ElementDeclaration }>();
  before(async () => {
    for (const entry of entries) await import(entry.file);
    for (const module of customElementsManifest().modules) {
      for (const declaration of module.declarations ?? []) {
        if (declaration.tagName)
          declarations.set(declaration.tagName, { path: module.path, declaration });
      }
    }
  });

  it('covers the four elements', () => {
    assert.deepEqual(
      entries.map((entry) => entry.tag),
      [
        'particle-api-user-create',
        'particle-api-user-list',
        'particle-create-token',
        'particle-sso',
      ],
    );
  });

  for (const { tag, file } of entries) {
    describe(`<${tag}>`, () => {
      it('is declared at its compiled module, with a summary', () => {
        const found = declarations.get(tag);
        assert.ok(found, `${tag} is not in the manifest`);
        assert.equal(found.path, `dist/${relative(root, file).replace(/\.ts$/, '.js')}`);
        assert.ok(found.declaration.summary?.trim(), 'no @summary');
      });

      it('lists and describes every public attribute and property', () => {
        const truth = truthOf(tag, file);
        const { declaration } = declarations.get(tag)!;
        const fields = declaration.members?.filter(
          (m) => m.kind === 'field' && !m.privacy && !m.static,
        );
        assert.deepEqual(
          missing(truth.attributes, declaration.attributes),
          [],
          'attributes missing',
        );
        assert.deepEqual(missing(truth.properties, fields), [], 'properties missing');
        assert.deepEqual(
          undescribed(fields, truth.properties),
          [],
          'properties without a description',
        );
      });

      it('lists and describes every event it fires', () => {
        const truth = truthOf(tag, file);
        const { declaration } = declarations.get(tag)!;
        assert.deepEqual(missing(truth.events, declaration.events), [], 'events missing');
      });

      it('lists and describes every CSS part and CSS custom property', () => {
        const truth = truthOf(tag, file);
        const { declaration } = declarations.get(tag)!;
        assert.deepEqual(missing(truth.parts, declaration.cssParts), [], 'parts missing');
        assert.deepEqual(
          undescribed(declaration.cssParts, truth.parts),
          [],
          'parts without a description',
        );
        assert.deepEqual(
          missing(truth.cssProperties, declaration.cssProperties),
          [],
          'CSS properties missing',
        );
        assert.deepEqual(
          undescribed(declaration.cssProperties, truth.cssProperties),
          [],
          'CSS properties without a description',
        );
      });
    });
  }
});
