import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { ALL_SCOPES, SCOPE_GROUPS } from '../../../widgets/api-helper/scopes.js';
import type { ParticleScopePicker } from '../../../widgets/api-users/scope-picker.js';
import '../../../widgets/api-users/scope-picker.js';
import { actionOf, scopePresets } from '../../../widgets/api-users/scope-presets.js';

const picker = (value: string[] = []) =>
  fixture<ParticleScopePicker>(
    html`<particle-scope-picker .value=${value}></particle-scope-picker>`,
  );

const root = (el: ParticleScopePicker) => el.shadowRoot!;
const checkboxes = (el: ParticleScopePicker) => [
  ...root(el).querySelectorAll<HTMLInputElement>('input[type=checkbox]'),
];
/** The accessible name a label[for] gives a checkbox. */
const nameOf = (input: HTMLInputElement) => input.labels?.[0]?.textContent?.trim();
const checkbox = (el: ParticleScopePicker, scope: string) =>
  checkboxes(el).find((input) => nameOf(input) === scope)!;
const button = (el: ParticleScopePicker, name: string) =>
  [...root(el).querySelectorAll('button')].find(
    (b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === name,
  )!;
const count = (el: ParticleScopePicker) => root(el).querySelector('[part=count]')!.textContent;

async function filter(el: ParticleScopePicker, text: string): Promise<void> {
  const input = root(el).querySelector<HTMLInputElement>('[part=filter]')!;
  input.value = text;
  input.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

describe('<particle-scope-picker>', () => {
  it('is accessible', async () => {
    await expect(await picker(['devices:list'])).to.be.accessible();
  });

  it('offers all 94 scopes, each checkbox named by its scope alone and described', async () => {
    const el = await picker();
    const boxes = checkboxes(el);
    expect(boxes).to.have.length(94);
    expect(boxes.map(nameOf)).to.have.members([...ALL_SCOPES]);
    const list = checkbox(el, 'devices:list');
    const description = root(el).getElementById(list.getAttribute('aria-describedby')!);
    expect(description?.textContent).to.match(/list devices/i);
    expect(count(el)).to.contain('0 of 94 scopes selected');
  });

  it('groups scopes by resource in labelled fieldsets', async () => {
    const el = await picker();
    const legends = [...root(el).querySelectorAll('legend')].map((l) => l.textContent);
    expect(legends.some((l) => l?.includes('Devices'))).to.equal(true);
    const devices = [...root(el).querySelectorAll('fieldset')].find((f) =>
      f.querySelector('legend')?.textContent?.includes('devices'),
    )!;
    expect(devices.querySelectorAll('input[type=checkbox]').length).to.equal(11);
  });

  it('ticking a box updates value and count, and fires change', async () => {
    const el = await picker();
    setTimeout(() => checkbox(el, 'events:send').click());
    await oneEvent(el, 'change');
    await el.updateComplete;
    expect(el.value).to.deep.equal(['events:send']);
    expect(count(el)).to.contain('1 of 94');
  });

  it('keeps and shows scopes the catalogue lacks, until the reader unticks them', async () => {
    const el = await picker(['binary:compile', 'sims:list']);
    expect(checkbox(el, 'binary:compile').checked).to.equal(true);
    expect(count(el)).to.contain('2 of 95 scopes selected');
    checkbox(el, 'devices:list').click();
    expect(el.value).to.have.members(['binary:compile', 'devices:list', 'sims:list']);
    await el.updateComplete;
    checkbox(el, 'binary:compile').click();
    await el.updateComplete;
    expect(el.value).to.have.members(['devices:list', 'sims:list']);
    expect(checkbox(el, 'binary:compile').checked, 'still offered, to tick again').to.equal(false);
  });

  it('describes every checkbox, also a scope whose name has spaces or quotes', async () => {
    const el = await picker(['read all "devices"', 'devices:list']);
    for (const box of checkboxes(el)) {
      // The browser splits aria-describedby at whitespace: each part must be an element.
      const ids = box.getAttribute('aria-describedby')!.split(/\s+/);
      const described = ids.map((id) => root(el).getElementById(id)?.textContent?.trim());
      expect(described, nameOf(box)).to.have.length(1);
      expect(described[0], nameOf(box)).to.match(/\w/);
      expect(box.labels?.length, nameOf(box)).to.equal(1);
    }
    expect(checkbox(el, 'read all "devices"').checked).to.equal(true);
  });

  it('packs the groups into columns without holes between them', async () => {
    const el = await fixture<ParticleScopePicker>(
      html`<particle-scope-picker style="width: 700px"></particle-scope-picker>`,
    );
    const boxes = [...root(el).querySelectorAll('fieldset')].map((f) => f.getBoundingClientRect());
    const columns = new Map<number, DOMRect[]>();
    for (const box of boxes) columns.set(box.left, [...(columns.get(box.left) ?? []), box]);
    expect(columns.size, 'two columns at 700px').to.equal(2);
    for (const column of columns.values()) {
      column.sort((a, b) => a.top - b.top);
      const gaps = column.slice(1).map((box, i) => box.top - column[i]!.bottom);
      expect(Math.max(...gaps)).to.be.below(12);
    }
  });

  it('in a narrow picker, stacks the groups in one column in catalogue order', async () => {
    const el = await fixture<ParticleScopePicker>(
      html`<particle-scope-picker style="width: 300px"></particle-scope-picker>`,
    );
    const legends = [...root(el).querySelectorAll('fieldset')];
    const lefts = new Set(legends.map((f) => f.getBoundingClientRect().left));
    expect(lefts.size, 'one column at 300px').to.equal(1);
    const tops = legends.map((f) => f.getBoundingClientRect().top);
    expect(tops).to.deep.equal([...tops].sort((a, b) => a - b));
    const names = legends.map((f) => f.querySelector('legend')!.textContent!.trim());
    expect(names[0]).to.match(/^OAuth clients/);
  });

  it('filters by name or description, keeping the selection', async () => {
    const el = await picker(['sims:list']);
    await filter(el, 'ledger');
    expect(checkboxes(el).every((c) => nameOf(c)!.startsWith('ledger'))).to.equal(true);
    expect(checkboxes(el).length).to.equal(11);
    expect(count(el)).to.equal('1 of 94 scopes selected');
    expect(root(el).querySelector('.shown')?.textContent).to.equal('Showing 11 of 94 scopes');
    await filter(el, 'cloud functions');
    expect(checkboxes(el).map(nameOf)).to.include('devices.function:call');
    await filter(el, 'no-such-scope');
    expect(checkboxes(el)).to.have.length(0);
    expect(root(el).textContent).to.contain('No scope matches “no-such-scope”');
    expect(el.value).to.deep.equal(['sims:list']);
  });

  it('keeps the scopes still shown as they are while the reader types on', async () => {
    const el = await picker();
    await filter(el, 'led');
    const box = checkbox(el, 'ledger.instances:get');
    await filter(el, 'ledger.inst');
    expect(checkbox(el, 'ledger.instances:get'), 'the same checkbox, not a new one').to.equal(box);
    await filter(el, 'ledger');
    expect(checkboxes(el)).to.have.length(11);
  });

  it('keeps the list box and the count where they are while the filter narrows the list', async () => {
    const el = await picker();
    const box = () => root(el).querySelector('[part=groups]')!.getBoundingClientRect();
    const countTop = () => root(el).querySelector('[part=count]')!.getBoundingClientRect().top;
    const [height, top] = [box().height, countTop()];
    await filter(el, 'locations');
    expect(box().height).to.equal(height);
    expect(countTop()).to.equal(top);
    await filter(el, '');
    expect(box().height).to.equal(height);
  });

  it('shrinks the list box to fit a short list of scopes', async () => {
    const groups = SCOPE_GROUPS.filter((group) => group.resource === 'events');
    const el = await fixture<ParticleScopePicker>(
      html`<particle-scope-picker .groups=${groups}></particle-scope-picker>`,
    );
    const box = root(el).querySelector('[part=groups]')!;
    expect(box.getBoundingClientRect().height).to.be.below(200);
    expect(box.scrollHeight).to.be.at.most(box.clientHeight + 1);
  });

  it('selects and clears a whole group (only what the filter shows)', async () => {
    const el = await picker();
    button(el, 'Select all Events scopes').click();
    await el.updateComplete;
    expect(el.value).to.deep.equal(['events:get', 'events:send']);
    await filter(el, 'devices:');
    button(el, 'Select all Devices scopes').click();
    await el.updateComplete;
    // devices:* only, not devices.function:call and friends, because the filter hid them.
    expect(el.value.filter((s) => s.startsWith('devices'))).to.have.length(7);
    button(el, 'Clear Devices scopes').click();
    await el.updateComplete;
    expect(el.value).to.deep.equal(['events:get', 'events:send']);
  });

  it('applies the read-only and device-control presets, and Clear all', async () => {
    const el = await picker(['teams.users:remove']);
    button(el, 'Read-only').click();
    await el.updateComplete;
    expect(el.value.length).to.be.greaterThan(30);
    expect(el.value.every((s) => ['get', 'list'].includes(actionOf(s)))).to.equal(true);
    expect(el.value).not.to.include('teams.users:remove');
    expect(count(el)).to.contain(`${el.value.length} of 94`);
    button(el, 'Device control').click();
    await el.updateComplete;
    expect(el.value).to.include.members(['devices.function:call', 'devices.variable:get']);
    expect(el.value).not.to.include('devices:remove');
    button(el, 'Clear all').click();
    await el.updateComplete;
    expect(el.value).to.deep.equal([]);
  });

  it('every preset picks only catalogue scopes', () => {
    for (const preset of scopePresets) {
      const picked = preset.pick(ALL_SCOPES);
      expect(picked.length, preset.id).to.be.greaterThan(0);
      expect(ALL_SCOPES).to.include.members(picked);
    }
  });

  it('disables every control when disabled', async () => {
    const el = await picker();
    el.disabled = true;
    await el.updateComplete;
    expect(checkboxes(el).every((c) => c.matches(':disabled'))).to.equal(true);
    expect(button(el, 'Read-only').disabled).to.equal(true);
  });
});
