/**
 * The package's `./widgets` entry: importing it defines the four elements and gives a
 * front-end app their classes, their events and the api-helper core they are built on.
 * Each element also has its own entry (`<package>/widgets/particle-sso.js`) for a page
 * that needs only one.
 */
export * from './api-helper/index.js';
export * from './events.js';
export { ParticleApiUserCreate } from './particle-api-user-create.js';
export { ParticleApiUserList } from './particle-api-user-list.js';
export { ParticleCreateToken } from './particle-create-token.js';
export { ParticleSso } from './particle-sso.js';
