/**
 * Everything the widgets show only after the reader acts, as ONE chunk that each
 * `import()` of a view loads: the API-user widgets' logged-in views, the one-time-code
 * step, the created-token result, the organization picker and the "Request and
 * response" pane. Whichever view is needed first (a focus on a token form, a password
 * sent, a session started) brings the others with it.
 *
 * Why one chunk and not one per view: each chunk compresses on its own and shares
 * small modules (the secret and snippet elements, `@lit/task`) through chunks of their
 * own, so per-view chunks were 8 files and about 4 KB gzip more in all. Every page of
 * the site loads the same bundle, which the browser caches, so over a visit the reader
 * downloads every view once either way; one chunk is the fewest bytes and requests.
 * The hosted login's chunk (`hosted.ts`) stays apart: it loads on page load, only on a
 * site that has one. Each loader reads its own view's namespace from here.
 */
export * as loggedIn from '../api-users/logged-in.js';
export * as exchangePane from './exchange-pane.js';
export * as mfaStep from './mfa-step.js';
export * as orgPicker from './particle-org-picker.js';
export * as tokenResult from './token-result.js';
