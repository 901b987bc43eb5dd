import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import base from '../../../widgets/styles/base.styles.js';
import form from '../../../widgets/styles/form.styles.js';

/** A bare shadow root with the shared form styles, as each widget has. */
class FormStylesProbe extends LitElement {
  static override styles = [base, form];
  override render() {
    return html`<div style="width: 30rem">
      <input type="text" aria-label="text" />
      <input type="radio" name="r" aria-label="radio" />
      <input type="checkbox" aria-label="checkbox" />
    </div>`;
  }
}
customElements.define('form-styles-probe', FormStylesProbe);

describe('form.styles', () => {
  it('stretches text fields but leaves radio buttons and checkboxes their own size', async () => {
    const el = await fixture<FormStylesProbe>(html`<form-styles-probe></form-styles-probe>`);
    const width = (type: string) =>
      el.shadowRoot!.querySelector(`input[type=${type}]`)!.getBoundingClientRect().width;
    expect(width('text')).to.be.above(200);
    expect(width('radio')).to.be.below(30);
    expect(width('checkbox')).to.be.below(30);
  });
});
