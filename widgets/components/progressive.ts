/**
 * Keeps every task short at 4x CPU throttling (issue 11: none over 50 ms): a long list
 * renders a slice per frame, so its layout is split too.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { afterNextFrame } from './own-task.js';

/**
 * `slice(items)` gives the first `step` items, then `step` more after each frame
 * until all are rendered. `reset()` starts again from one step (a new filter).
 */
export class Progressive implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #step: number;
  #limit: number;
  #total = 0;
  /** The next step, while one is scheduled. */
  #next?: Promise<void>;

  constructor(host: ReactiveControllerHost, step: number) {
    this.#host = host;
    this.#step = step;
    this.#limit = step;
    host.addController(this);
  }

  slice<T>(items: readonly T[]): readonly T[] {
    this.#total = items.length;
    return items.length > this.#limit ? items.slice(0, this.#limit) : items;
  }

  reset(): void {
    this.#limit = this.#step;
  }

  get done(): boolean {
    return this.#limit >= this.#total;
  }

  hostUpdated(): void {
    if (this.done || this.#next) return;
    this.#next = afterNextFrame().then(() => {
      this.#next = undefined;
      this.#limit += this.#step;
      this.#host.requestUpdate();
    });
  }

  /** For the host's `getUpdateComplete()`: resolves once every item is rendered. */
  async whenDone(own: () => Promise<boolean>): Promise<boolean> {
    let complete = await own();
    while (!this.done && this.#next) {
      await this.#next;
      complete = await own();
    }
    return complete;
  }
}
