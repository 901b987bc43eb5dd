import { Task } from '@lit/task';
import { css, html, LitElement, nothing } from 'lit';
import type { ApiClient } from '../api-helper/client.js';
import type { Target } from '../api-helper/types.js';
import { customElement, property, state } from '../decorators.js';
import base from '../styles/base.styles.js';
import form from '../styles/form.styles.js';
import { errorSentence } from './error-sentence.js';
import {
  allProducts,
  describeTarget,
  loadTargets,
  preselect,
  type TargetCatalog,
} from './targets.js';

const firstProductId = (catalog: TargetCatalog): string | undefined => {
  const first = allProducts(catalog)[0];
  return first ? String(first.id) : undefined;
};

/**
 * Where an API user lives: a Product (the reader's sandbox products and their
 * organizations' products, grouped by owner, each shown as name and id) or an
 * Organization. Loads the choices from the core when connected; preselects from the
 * partial's `product` / `org` or the session's organization; says what to do when
 * there is nothing to choose.
 *
 * @summary Product-or-organization picker for the API-user widgets.
 * @fires change - The chosen target changed (also once the choices have loaded); read `value`.
 * @fires load-error - {CustomEvent<string>} the choices could not be loaded; `detail` says why.
 * @csspart kind - The Product / Organization radio group.
 * @csspart select - The Product or Organization `<select>`.
 */
@customElement('particle-target-picker')
export class ParticleTargetPicker extends LitElement {
  static override styles = [
    base,
    form,
    css`
      :host {
        display: grid;
        gap: 0.75rem;
      }
      fieldset {
        border: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 1rem;
      }
      legend {
        font-weight: 600;
        padding: 0;
        margin-bottom: 0.25rem;
      }
      fieldset label {
        font-weight: normal;
        display: inline-flex;
        align-items: center;
        gap: 0.35rem;
      }
    `,
  ];

  /** The core's client for the page's `api-base`. */
  @property({ attribute: false }) api?: ApiClient;

  /** Product to preselect, by id or slug (the partial's `product=`). */
  @property() product?: string;

  /** Organization to preselect, by id or slug (the partial's `org=`). */
  @property() org?: string;

  /** The organization chosen in `<particle-sso select-org>`, if any. */
  @property({ attribute: false }) sessionOrg?: string;

  /** Disables the controls, e.g. while the form is being sent. */
  @property({ type: Boolean }) disabled = false;

  @state() private kind: Target['kind'] = 'product';
  /** Kept per kind, so switching Product → Organization → Product keeps the product. */
  @state() private productId?: string;
  @state() private orgId?: string;
  @state() private missing?: string;
  private touched = false;

  private readonly catalogTask = new Task(this, {
    task: async ([api], { signal }) => {
      if (!api) throw new Error('No API client');
      return loadTargets(api, { signal });
    },
    args: () => [this.api] as const,
    onComplete: (catalog) => this.applyDefault(catalog),
    // The picker has no live region: the widget around it says the failure in its own.
    onError: (error) =>
      this.dispatchEvent(
        new CustomEvent('load-error', { detail: errorSentence(error, 'your products') }),
      ),
  });

  /** The chosen target, or undefined until the choices have loaded (or when there are none). */
  get value(): Target | undefined {
    if (this.kind === 'product')
      return this.productId ? { kind: 'product', id: this.productId } : undefined;
    return this.orgId ? { kind: 'org', id: this.orgId } : undefined;
  }

  /** The loaded choices, for sentences and for deciding which lists a change concerns. */
  get catalog(): TargetCatalog | undefined {
    return this.catalogTask.value;
  }

  /** The chosen target in words (`the product “Widgets” (1234)`), for status sentences. */
  get label(): string {
    const target = this.value;
    return target ? describeTarget(this.catalog, target) : 'nothing chosen';
  }

  /** Loads the choices again (after an error, or when the reader asks). */
  reload(): void {
    this.catalogTask.run();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    // The org chosen in particle-sso moves the default until the reader picks something.
    if (changed.has('sessionOrg') && this.hasUpdated && this.catalog && !this.touched) {
      this.applyDefault(this.catalog);
    }
  }

  private applyDefault(catalog: TargetCatalog): void {
    const { target, missing } = preselect(catalog, {
      product: this.product,
      org: this.org,
      sessionOrg: this.sessionOrg,
    });
    this.missing = missing;
    this.productId = target?.kind === 'product' ? target.id : firstProductId(catalog);
    this.orgId = target?.kind === 'org' ? target.id : catalog.orgs[0]?.org.id;
    this.kind = target?.kind ?? 'product';
    this.changed();
  }

  private changed(): void {
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  private pick(update: () => void): void {
    this.touched = true;
    update();
    this.changed();
  }

  override render() {
    return this.catalogTask.render({
      pending: () => html`<p class="busy-hint">Loading your products and organizations…</p>`,
      error: (error) => html`
        <p class="error">${errorSentence(error, 'your products')}</p>
        <div class="actions"><button type="button" @click=${this.reload}>Try again</button></div>
      `,
      complete: (catalog) => this.renderChoices(catalog),
    });
  }

  private renderChoices(catalog: TargetCatalog) {
    const kind = this.kind;
    return html`
      ${
        this.missing
          ? html`<p class="hint">
            “${this.missing}”, named by this page, is not a product or organization your account
            can reach; choose one of yours below.
          </p>`
          : nothing
      }
      <fieldset part="kind" ?disabled=${this.disabled}>
        <legend>Target</legend>
        ${(['product', 'org'] as const).map(
          (k) => html`<label>
            <input
              type="radio"
              name="kind"
              value=${k}
              .checked=${kind === k}
              @change=${() => this.pick(() => (this.kind = k))}
            />
            ${k === 'product' ? 'Product' : 'Organization'}
          </label>`,
        )}
      </fieldset>
      ${kind === 'product' ? this.renderProducts(catalog) : this.renderOrgs(catalog)}
    `;
  }

  private renderProducts(catalog: TargetCatalog) {
    const groups = [
      { label: 'Your sandbox', products: catalog.sandbox },
      ...catalog.orgs.map((o) => ({ label: o.org.name, products: o.products })),
    ].filter((g) => g.products.length > 0);
    if (groups.length === 0) {
      return html`<p class="hint">
        You have no products yet. Create one in the Particle console, then reload this page — or
        choose Organization if you belong to one.
      </p>`;
    }
    const selected = this.productId;
    return html`<div class="row">
      <label for="product">Product</label>
      <select
        id="product"
        part="select"
        ?disabled=${this.disabled}
        @change=${(e: Event) =>
          this.pick(() => (this.productId = (e.target as HTMLSelectElement).value))}
      >
        ${groups.map(
          (g) => html`<optgroup label=${g.label}>
            ${g.products.map(
              (p) => html`<option value=${String(p.id)} ?selected=${String(p.id) === selected}>
                ${p.name} (${p.id})
              </option>`,
            )}
          </optgroup>`,
        )}
      </select>
    </div>`;
  }

  private renderOrgs(catalog: TargetCatalog) {
    if (catalog.orgs.length === 0) {
      return html`<p class="hint">
        You are not a member of any organization. Choose Product, or ask an organization's
        administrator to add you.
      </p>`;
    }
    const selected = this.orgId;
    return html`<div class="row">
      <label for="org">Organization</label>
      <select
        id="org"
        part="select"
        ?disabled=${this.disabled}
        @change=${(e: Event) =>
          this.pick(() => (this.orgId = (e.target as HTMLSelectElement).value))}
      >
        ${catalog.orgs.map(
          ({ org }) => html`<option value=${org.id} ?selected=${org.id === selected}>
            ${org.name} (${org.slug})
          </option>`,
        )}
      </select>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'particle-target-picker': ParticleTargetPicker;
  }
}
