import type { ReactiveControllerHost } from 'lit';

/**
 * Yields to the browser between pieces of work, so no task runs long at 4x CPU
 * throttling (issue 11: none over 50 ms).
 */

/** A new task, as soon as possible: a message, not a timer (no 4 ms clamp, and faked timers leave it alone). */
export function nextTask(): Promise<void> {
  return new Promise((done) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => done();
    channel.port2.postMessage(null);
  });
}

/**
 * How long to wait for a frame before going on without one: a page that is not on screen
 * renders none, also when it is not `hidden` (a background tab, an occluded window), and a
 * session change there must still reach its widgets.
 */
const FRAME_WAIT_LIMIT_MS = 200;

/**
 * The start of the browser's next frame (a `requestAnimationFrame` callback), where the work
 * done lands in that frame's layout. A hidden page renders no frames: a task then; one that
 * renders none for another reason, a timer.
 */
function nextFrame(): Promise<void> {
  if (document.visibilityState === 'hidden') return nextTask();
  return new Promise((done) => {
    requestAnimationFrame(() => done());
    setTimeout(done, FRAME_WAIT_LIMIT_MS);
  });
}

/**
 * A new task after the browser has rendered a frame: work split this way gets its style,
 * layout and paint done a piece at a time too (tasks alone may all run before one frame,
 * which then lays out everything at once).
 */
export const afterNextFrame = (): Promise<void> => nextFrame().then(nextTask);

/** The last frame handed out by `frameInTurn()`. */
let lastTurn: Promise<void> = Promise.resolve();

/**
 * A frame for each caller, in the order they ask: the first caller's work runs after the next
 * frame, the second's after the frame that follows, and so on.
 */
function frameInTurn(): Promise<void> {
  lastTurn = lastTurn.then(afterNextFrame);
  return lastTurn;
}

/** Hosts whose next update is to wait for a frame of its own (see `requestUpdateInTurn`). */
const waitingForTurn = new WeakSet<object>();

/**
 * Asks `host` to render again in a frame of its own: for changes that re-render several
 * widgets at once. A login re-renders every widget of the page, and the chunk of the
 * logged-in views re-renders each API-user widget when it arrives; in one task (and one
 * frame's layout) those renders took 80-140 ms at 4x CPU throttling.
 */
export function requestUpdateInTurn(host: ReactiveControllerHost): void {
  waitingForTurn.add(host);
  host.requestUpdate();
}

/**
 * For `scheduleUpdate()`. The first update waits for a task of its own, so four widgets defined
 * at once do not add up to one long task; one asked for by `requestUpdateInTurn` waits for its
 * frame; others run at once.
 */
export function updateInTurn<Result>(
  host: ReactiveControllerHost & { hasUpdated: boolean },
  update: () => Result,
): Result | Promise<Result> {
  const turn = waitingForTurn.delete(host);
  if (!host.hasUpdated) return nextTask().then(update);
  return turn ? frameInTurn().then(update) : update();
}

/**
 * Moves the focus to `element` in the next frame, before the browser lays that frame out:
 * `focus()` needs an up-to-date layout, so right after a large render (the logged-in views
 * of every widget, an editor that pushes 199 table rows down) it ran that whole layout in
 * the task, 37-41 ms of the login's at 4x CPU throttling, even with `preventScroll`. Called
 * from the frame's own callback, it does the layout the frame was about to do anyway
 * (and after the frame, another widget's update may already have changed the page
 * again). Not if the element is gone by then.
 */
export async function focusInNextFrame(element: HTMLElement | null | undefined): Promise<void> {
  await nextFrame();
  if (element?.isConnected) element.focus();
}

/** The last definition handed a task by `defineInTurn()`. */
let lastDefinition: Promise<void> = Promise.resolve();

/**
 * `customElements.define`, in a task of its own when the page already holds elements of
 * `tag`: defining upgrades them at once (constructor, shadow root and styles, the first read
 * of the session), and the four widgets of the seed page, upgraded in the task that ran the
 * bundle, made the longest task of its load (90-240 ms at 4x CPU throttling). A tag no
 * element uses yet is defined at once.
 */
export function defineInTurn(tag: string, element: CustomElementConstructor): void {
  const define = () => customElements.define(tag, element);
  // No document where the elements are only declared (Lit's DOM shim in Node, for SSR and the
  // elements manifest's test): nothing to upgrade there.
  if (globalThis.document?.querySelector(tag))
    lastDefinition = lastDefinition.then(nextTask).then(define);
  else define();
}
