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
 * A new task after the browser has rendered a frame: work split this way gets its style,
 * layout and paint done a piece at a time too (tasks alone may all run before one frame,
 * which then lays out everything at once). A hidden page renders no frames: a task then.
 */
export function afterNextFrame(): Promise<void> {
  if (document.visibilityState === 'hidden') return nextTask();
  return new Promise((done) => requestAnimationFrame(() => nextTask().then(done)));
}

/**
 * For `scheduleUpdate()`: the first update waits for a task of its own, later ones run at
 * once, so four widgets defined at once do not add up to one long task.
 */
export function firstUpdateInOwnTask<Result>(
  host: { hasUpdated: boolean },
  update: () => Result,
): Result | Promise<Result> {
  return host.hasUpdated ? update() : nextTask().then(update);
}
