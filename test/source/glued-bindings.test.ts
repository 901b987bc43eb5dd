/**
 * A source check for one way an accessible name loses its spaces: in a Lit template,
 * two bindings on one line with only spaces between them in text (`${verb} ${noun}` in a button,
 * `${label} ${html`<code>…`}` in a legend). Lit renders that whitespace as a text node
 * between two comment markers, and Chromium drops it when it computes the name: the
 * screen shows "Show token", a screen reader says "Showtoken". Write one binding
 * (`${`${verb} ${noun}`}`) or put the space beside real text instead.
 *
 * The browser suites catch the result too (test/helpers/ax-tree.ts, in every state they
 * walk); this check names the line even in a state no suite reaches.
 */
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { it } from 'node:test';
import ts from 'typescript';

const root = join(import.meta.dirname, '../..');

/**
 * Every place in `html` templates where text content holds only spaces beside a binding
 * marker, as `file:line`: between two bindings on one line (`${a} ${b}`), or at the very
 * start or end of a template that is itself a binding (html` <code>…` after `${label}`).
 * Bindings on lines of their own are blocks (a form, then a status line) in this code.
 */
export function gluedBindings(file: string, source: string): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const report = (node: ts.Node) => {
    const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
    found.push(`${file}:${line + 1}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isTaggedTemplateExpression(node) && node.tag.getText(sf) === 'html') {
      const template = node.template;
      const head = ts.isTemplateExpression(template) ? template.head.text : template.text;
      const spans = ts.isTemplateExpression(template) ? template.templateSpans : [];
      const tail = spans.at(-1)?.literal.text ?? head;
      if (/^[ \t]+</.test(head) || />[ \t]+$/.test(tail)) report(template);
      let before = head;
      for (const span of spans.slice(0, -1)) {
        const between = span.literal.text;
        // Inside a tag (an attribute value) the spaces are kept: only text content counts.
        const inTag = before.lastIndexOf('<') > before.lastIndexOf('>');
        if (!inTag && /^[ \t]+$/.test(between)) report(span.literal);
        before += `\${}${between}`;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

it('no Lit template in widgets/ leaves spaces only beside a binding marker', async () => {
  const dir = join(root, 'widgets');
  const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.ts'));
  const found: string[] = [];
  for (const file of files) {
    const path = join(dir, file);
    found.push(...gluedBindings(relative(root, path), await readFile(path, 'utf8')));
  }
  assert.deepEqual(found, [], `whitespace a screen reader never hears, at:\n${found.join('\n')}`);
});

it('finds the patterns, and only in text content', async () => {
  // Lines 1, 2, 5 and 6 glue; the others are blocks, attributes, prose or CSS.
  const file = 'test/fixtures/source/glued-bindings.txt';
  const source = await readFile(join(root, file), 'utf8');
  const lines = gluedBindings(file, source).map((where) => Number(where.split(':').at(-1)));
  assert.deepEqual(lines, [1, 2, 5, 6]);
});
