import { expect } from '@open-wc/testing';
import { css } from 'lit';
import { scopeStyles } from '../../../widgets/styles/light-dom.js';

describe('scopeStyles', () => {
  it('nests rules under the tag, turns :host into &, and keeps @keyframes at the top', () => {
    const sheet = scopeStyles('x-login', [
      css`
        :host {
          color: red;
        }
        :host([hidden]) {
          display: none;
        }
        button {
          font-weight: 600;
        }
        @keyframes spin {
          to {
            transform: rotate(1turn);
          }
        }
      `,
    ]);
    const rules = [...sheet.cssRules];
    expect(rules.some((r) => r instanceof CSSKeyframesRule && r.name === 'spin')).to.equal(true);
    const scoped = rules.find((r) => r instanceof CSSStyleRule) as CSSStyleRule;
    expect(scoped.selectorText).to.equal('x-login');
    const inner = [...scoped.cssRules].map((r) => (r as CSSStyleRule).selectorText);
    expect(inner).to.include('&').and.include('&[hidden]').and.include('& button');
  });

  it('styles only the element it is scoped to', () => {
    const sheet = scopeStyles('x-scoped', [css`b { letter-spacing: 3px; }`]);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    const inside = document.createElement('x-scoped');
    inside.innerHTML = '<b>in</b>';
    const outside = document.createElement('b');
    document.body.append(inside, outside);
    try {
      expect(getComputedStyle(inside.querySelector('b')!).letterSpacing).to.equal('3px');
      expect(getComputedStyle(outside).letterSpacing).not.to.equal('3px');
    } finally {
      inside.remove();
      outside.remove();
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    }
  });
});
