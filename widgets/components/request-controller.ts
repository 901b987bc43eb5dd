import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { type ApiError, toApiError } from '../api-helper/errors.js';
import type { CallOptions } from '../api-helper/types.js';
import { ExchangeRecorder } from './exchange-recorder.js';
import { nextTask } from './own-task.js';

/**
 * Request state for a form: `busy` while a call runs, `error` after one failed.
 *
 * Unlike `@lit/task`, whose `run()` aborts the running call and starts a new one,
 * `run()` here refuses to start while busy: a second click on a submit button
 * must not send a second POST. Calls are aborted when the host disconnects.
 * Each run's calls are recorded in `exchanges`, for the widget's "Request and response" pane.
 *
 * @example
 * #request = new RequestController(this);
 * const user = await this.#request.run((call) => getUser(api, {}, call));
 * render() { return html`… ${this.#request.exchanges.pane()}`; }
 */
export class RequestController implements ReactiveController {
  busy = false;
  error: ApiError | null = null;
  readonly exchanges: ExchangeRecorder;
  protected readonly host: ReactiveControllerHost;
  #abort?: AbortController;

  constructor(host: ReactiveControllerHost) {
    this.host = host;
    this.exchanges = new ExchangeRecorder(host);
    host.addController(this);
  }

  /**
   * Runs `work` unless a call is already running. Resolves with its result, or
   * with undefined when it failed (then `error` says why), was aborted, or was
   * refused because another call was running. Pass `call` on to the core's functions:
   * it carries the abort signal and records the exchanges.
   */
  async run<T>(
    work: (call: CallOptions & { signal: AbortSignal }) => Promise<T>,
  ): Promise<T | undefined> {
    if (this.busy) return undefined;
    const abort = new AbortController();
    this.#abort = abort;
    this.busy = true;
    this.error = null;
    this.host.requestUpdate();
    try {
      // The busy state renders in the click's own task and the call is made in the next: both
      // in one made the Log in click a task of 60-130 ms at 4x CPU throttling (issue 11). A
      // second click in between is refused, as `busy` is already set; an abort in between
      // makes the call fail at once, as aborted.
      await nextTask();
      return await work({ signal: abort.signal, onExchange: this.exchanges.start() });
    } catch (error) {
      const apiError = toApiError(error);
      if (apiError.kind !== 'aborted') this.error = apiError;
      return undefined;
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  /** Aborts the running call, if any; its `run()` resolves with undefined and no error. */
  abort(): void {
    this.#abort?.abort();
  }

  clearError(): void {
    this.error = null;
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.abort();
  }
}
