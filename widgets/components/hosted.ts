/**
 * A page with a hosted login needs both its session code (the cookie's check, for every
 * element's `SessionController`) and the login box's views of it: one chunk, imported by
 * both, costs one request and compresses better than two.
 */
export { hostedSessionFor } from '../api-helper/hosted-session.js';
export { hostedLoggedInActions, hostedLoggedOut } from './hosted-login.js';
