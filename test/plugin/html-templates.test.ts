// The indentation of Lit `html` templates is removed at build time (issue 11's size budget);
// everything else in a module, other template literals above all, must stay as written.
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings are module sources, `${…}` included
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { collapseHtmlWhitespace } from '../../plugin/widgets/html-templates.js';

describe('collapseHtmlWhitespace', () => {
  it('removes the spaces and tabs around line breaks in html templates, keeping the breaks', () => {
    const source = 'const v = html`<div>\n    <p>\n\t\tHello ${name}\n    </p>\n  </div>`;';
    assert.equal(
      collapseHtmlWhitespace(source),
      'const v = html`<div>\n<p>\nHello ${name}\n</p>\n</div>`;',
    );
  });

  it('keeps spaces that are not beside a line break', () => {
    const source = 'html`<b>a</b> <i>b</i>  ${x}  <span> c </span>`';
    assert.equal(collapseHtmlWhitespace(source), source);
  });

  it('collapses html templates nested in expressions, and not the expressions themselves', () => {
    const source = [
      'html`<ul>',
      '  ${items.map((item) => html`<li>',
      '      ${item}',
      '    </li>`)}',
      '</ul>`',
    ].join('\n');
    assert.equal(
      collapseHtmlWhitespace(source),
      'html`<ul>\n${items.map((item) => html`<li>\n${item}\n</li>`)}\n</ul>`',
    );
  });

  it('leaves other template literals as written, also those inside html expressions', () => {
    const source = [
      'const curl = `curl \\\\',
      '  -d name=x`;',
      'const style = css`:host {',
      '  display: block;',
      '}`;',
      'html`<p>${`a',
      '   b`}</p>`;',
    ].join('\n');
    assert.equal(collapseHtmlWhitespace(source), source);
  });

  it('is not misled by backticks in comments, strings and regular expressions', () => {
    const source = [
      '// a comment with html` and a lone backtick',
      '/* html`<p>',
      '   </p>` */',
      "const quote = 'html`';",
      'const double = "`";',
      'const pattern = /`[`]/g;',
      'const ratio = a / b / c;',
      'const done = html`<p>',
      '  x</p>`;',
    ].join('\n');
    const expected = source.replace('<p>\n  x</p>', '<p>\nx</p>');
    assert.notEqual(expected, source);
    assert.equal(collapseHtmlWhitespace(source), expected);
  });

  it('keeps a static part with a backslash as written (a line continuation joins two lines)', () => {
    const source = 'html`<p>one \\\n   two</p>\n   ${x}`';
    assert.equal(collapseHtmlWhitespace(source), 'html`<p>one \\\n   two</p>\n   ${x}`');
  });

  it('keeps every line, so source maps still point at the right lines', () => {
    const source = 'html`\n  <a>\n\n    b\n  </a>\n`;\nconst after = 1;';
    const result = collapseHtmlWhitespace(source);
    assert.equal(result.split('\n').length, source.split('\n').length);
    assert.ok(result.endsWith('\nconst after = 1;'));
  });
});
