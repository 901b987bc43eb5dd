/**
 * CORS per particle-api.md §1.5 ([INFERRED] from S10/S11): any origin (also `null` from file://),
 * preflight 204 with a 300 s max-age, no credentials. `Retry-After` is exposed so that browser
 * clients can read how long a 429 asks them to wait.
 */
import { cors } from 'hono/cors';

export const particleCors = () =>
  cors({
    origin: '*',
    allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    allowHeaders: [
      'X-Requested-With',
      'Content-Type',
      'Accept',
      'Authorization',
      'X-Particle-Tool',
      'X-Particle-Project',
      'User-Agent',
    ],
    exposeHeaders: ['Retry-After'],
    maxAge: 300,
  });
