import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/**
 * When a token or session ends, in words: "never expires", "expires in 59
 * minutes", "expires in 8 hours", "expires in 30 days", "has expired".
 * Rounds to the nearest unit, so a token just created for 15 minutes says
 * "15 minutes" and a one-hour session "1 hour".
 */
export function describeExpiry(expiresAt: number | null, now = Date.now()): string {
  if (expiresAt === null) return 'never expires';
  const left = expiresAt - now;
  if (left <= 0) return 'has expired';
  const minutes = Math.round(left / MINUTE);
  if (minutes < 1) return 'expires in less than a minute';
  if (minutes < 60) return `expires in ${plural(minutes, 'minute')}`;
  const hours = Math.round(left / HOUR);
  if (hours < 48) return `expires in ${plural(hours, 'hour')}`;
  return `expires in ${plural(Math.round(left / DAY), 'day')}`;
}

/**
 * One formatter for every render: `toLocaleString` builds a new one per call, and the
 * first costs 14 ms (50 ms at 4x CPU throttling) loading the locale's data.
 */
let formatter: Intl.DateTimeFormat | undefined;
const dateTime = () =>
  (formatter ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'short' }));

/** The worker script, beside this module's chunk (plugin/widgets/bundle.ts copies it there). */
const WARMUP_SCRIPT = 'intl-warmup.js';
let warming = false;

/**
 * The page's first `Intl` formatter costs 15-20 ms of the main thread on the bench machine
 * (70-90 ms at 4x CPU throttling): the browser loads its locale data. That data belongs to
 * the browser's process, not to one thread: once a worker has formatted a date, the main
 * thread's first formatter takes 1-10 ms. Called when the reader starts to log in or to
 * create a token, so the expiry shown after it does not make that moment stall. Best effort:
 * where a worker cannot start (a CSP without `worker-src 'self'`), the first format pays.
 */
export function warmDateFormatting(): void {
  if (warming || formatter || typeof Worker === 'undefined') return;
  warming = true;
  try {
    const worker = new Worker(new URL(WARMUP_SCRIPT, import.meta.url));
    worker.onmessage = worker.onerror = () => worker.terminate();
  } catch {
    // The worker was refused: nothing is lost but the head start.
  }
}

/**
 * `describeExpiry` followed by the local date and time in a `<time>` element, e.g.
 * "expires in 15 minutes (11/28/2026, 7:21 AM)"; just "never expires" for null.
 */
export function expiryWithTime(expiresAt: number | null) {
  if (expiresAt === null) return describeExpiry(null);
  const at = new Date(expiresAt);
  const local = dateTime().format(at);
  return html`${describeExpiry(expiresAt)} (<time datetime=${at.toISOString()}>${local}</time>)`;
}

/** Re-renders its host every `intervalMs` while connected, so relative times stay true. */
export class ClockController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #intervalMs: number;
  #timer?: ReturnType<typeof setInterval>;

  constructor(host: ReactiveControllerHost, intervalMs = 30_000) {
    this.#host = host;
    host.addController(this);
    this.#intervalMs = intervalMs;
  }

  hostConnected(): void {
    this.#timer = setInterval(() => this.#host.requestUpdate(), this.#intervalMs);
  }

  hostDisconnected(): void {
    clearInterval(this.#timer);
  }
}
