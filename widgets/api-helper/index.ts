/** The api-helper core: everything the elements need to talk to the Particle Cloud API. */
export * from './api-users.js';
export * from './auth.js';
export * from './client.js';
export * from './errors.js';
export * from './exchange.js';
export * from './products.js';
export * from './scopes.js';
export * from './session-store.js';
export * from './snippets.js';
export * from './tokens.js';
export type * from './types.js';
