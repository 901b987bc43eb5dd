import { expect } from '@open-wc/testing';
import { defineInTurn } from '../../../widgets/components/own-task.js';

/**
 * An element class whose instances log their upgrade, then a microtask after it: in one task
 * the microtasks run only once all its work is done, so two upgrades in one task log
 * `a, b, a done, b done`, and in two tasks `a, a done, b, b done`.
 */
const logging = (name: string, log: string[]) =>
  class extends HTMLElement {
    connectedCallback() {
      log.push(name);
      queueMicrotask(() => log.push(`${name} done`));
    }
  };

const unique = (name: string) => `${name}-${Math.random().toString(36).slice(2, 8)}`;

describe('defineInTurn', () => {
  it('defines a tag the page does not use yet at once, so elements made later are upgraded', () => {
    const tag = unique('x-unused');
    defineInTurn(tag, class extends HTMLElement {});
    expect(customElements.get(tag)).not.to.equal(undefined);
    expect(document.createElement(tag)).to.be.instanceOf(customElements.get(tag)!);
  });

  it('upgrades the elements already on the page one tag per task, in the order asked', async () => {
    const [a, b] = [unique('x-a'), unique('x-b')];
    const holder = document.createElement('div');
    holder.innerHTML = `<${a}></${a}><${b}></${b}>`;
    document.body.append(holder);
    try {
      const log: string[] = [];
      defineInTurn(a, logging('a', log));
      defineInTurn(b, logging('b', log));
      // Neither is upgraded inside the task that asked: that task stays short.
      expect(customElements.get(a)).to.equal(undefined);
      await customElements.whenDefined(b);
      await Promise.resolve();
      expect(log).to.deep.equal(['a', 'a done', 'b', 'b done']);
      expect(holder.firstElementChild).to.be.instanceOf(customElements.get(a)!);
    } finally {
      holder.remove();
    }
  });
});
