/**
 * Views that only a logged-in reader or an opened form needs live in chunks of their
 * own (the bundle's `import()`), so a logged-out page does not download them. These
 * helpers load such a chunk once, early where the widget can tell it will be needed,
 * and let the element render the view when it has arrived.
 */
import type { ReactiveControllerHost } from 'lit';
import type * as OnDemandViews from './on-demand.js';
import { requestUpdateInTurn } from './own-task.js';

/** What a reader is told when a view's chunk cannot be loaded (offline, or a deploy replaced it). */
export const VIEW_MISSING =
  'Part of this widget could not be loaded. Reload the page to try again.';

export interface Loader<T = unknown> {
  (): Promise<T>;
  /** True once the module has loaded: the element can render the view right away. */
  readonly loaded: boolean;
  /** The module, once loaded: code that runs only after `ready()` said so may use it directly. */
  readonly module?: T;
}

/** Starts `load` on the first call and hands every caller the same promise; a failure is retried next time. */
export function lazily<T>(load: () => Promise<T>): Loader<T> {
  let loading: Promise<T> | undefined;
  const loader = () => {
    loading ??= load().then(
      (module) => {
        state.loaded = true;
        state.module = module;
        return module;
      },
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };
  const state: { (): Promise<T>; loaded: boolean; module?: T } = Object.assign(loader, {
    loaded: false,
  });
  return state;
}

/**
 * One view of the chunk of on-demand views (`on-demand.ts`): every view's loader imports
 * that same chunk, so whichever is needed first brings the others with it.
 */
export function onDemand<View extends keyof typeof OnDemandViews>(
  view: View,
): Loader<(typeof OnDemandViews)[View]> {
  return lazily(() => import('./on-demand.js').then((chunk) => chunk[view]));
}

/**
 * Tracks the chunks an element waits for: `ready(loader)` says whether a view can render
 * and, if not, loads it and renders the host again when it is in. The host's
 * `updateComplete` waits for these loads too (see `updateComplete`), so code that awaits
 * it finds the view rendered.
 */
export class ViewLoader {
  readonly #host: ReactiveControllerHost;
  /** Loads in flight, each settling after the host was asked to render again. */
  readonly #loading = new Map<Loader, Promise<void>>();
  readonly #failed = new Set<Loader>();

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  /** True when a chunk failed to load (offline, or a deploy replaced it): the page needs a reload. */
  get failed(): boolean {
    return this.#failed.size > 0;
  }

  ready(loader: Loader): boolean {
    if (loader.loaded) return true;
    // No retry on every render after a failure: that would loop. A reload loads it again.
    if (this.#failed.has(loader) || this.#loading.has(loader)) return false;
    const settled = loader().then(
      () => this.#settle(loader),
      () => this.#settle(loader, true),
    );
    this.#loading.set(loader, settled);
    return false;
  }

  #settle(loader: Loader, failed = false): void {
    this.#loading.delete(loader);
    if (failed) this.#failed.add(loader);
    requestUpdateInTurn(this.#host);
  }

  /**
   * For the host's `getUpdateComplete()`: its own update, then again after every pending
   * load. With nothing loading it is the host's own promise, not one tick later.
   */
  updateComplete(own: () => Promise<boolean>): Promise<boolean> {
    if (this.#loading.size === 0) return own();
    return Promise.all(this.#loading.values()).then(() => this.updateComplete(own));
  }
}
