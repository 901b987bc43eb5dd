/**
 * The emulator as a Hono app that never listens: `createApp(state, options)` composes the
 * middleware and one sub-app per resource. `server.ts` / `index.ts` serve it over HTTP; tests
 * call `app.request()` directly.
 */
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { appError, ParticleError } from './errors.js';
import { bodySizeLimit } from './middleware/body.js';
import { particleCors } from './middleware/cors.js';
import { FaultStore, faults, logRequests, RequestLog } from './middleware/faults.js';
import { RateLimiter, rateLimit } from './middleware/rate-limit.js';
import { sweeper } from './model/sweep.js';
import type { State } from './model/types.js';
import { type AppEnv, type AppOptions, DEFAULT_LIMITS, type Emulator } from './options.js';
import { accessTokenRoutes } from './routes/access-tokens.js';
import { faultRoutes, requestLogRoutes } from './routes/faults.js';
import { homeRoutes } from './routes/home.js';
import { hostedLoginRoutes } from './routes/hosted-login.js';
import { oauthRoutes } from './routes/oauth.js';
import { orgRoutes } from './routes/orgs.js';
import { productRoutes } from './routes/products.js';
import { teamRoutes } from './routes/team.js';
import { userRoutes } from './routes/user.js';

export function createApp(state: State, options: AppOptions = {}) {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const now = options.now ?? Date.now;
  const emu: Emulator = {
    state,
    limits,
    limiter: new RateLimiter(limits, now),
    faults: options.faults === true,
    latencyMs: options.latencyMs ?? 0,
    strictClients: options.strictClients === true,
    now,
    log: options.log ?? (() => {}),
  };
  const faultStore = new FaultStore();
  for (const fault of options.presetFaults ?? []) faultStore.add({ ...fault });
  const requestLog = new RequestLog();

  // `strict: false`: `/x/` and `/x` route alike (§1.1) without a redirect, which would turn a
  // browser's POST into a GET.
  const app = new Hono<AppEnv>({ strict: false });
  const sweeping = sweeper(state, now);
  app.use(particleCors());
  app.use(async (_c, next) => {
    sweeping.tick();
    await next();
  });
  if (emu.faults) app.use(logRequests(requestLog));
  if (emu.faults || emu.latencyMs > 0) app.use(faults(faultStore, emu.latencyMs));
  app.use(rateLimit(emu));
  app.use(bodySizeLimit());
  if (emu.faults) {
    app.route('/__emulator/faults', faultRoutes(faultStore));
    app.route('/__emulator/requests', requestLogRoutes(requestLog));
  }

  app.route('/', homeRoutes(emu, options.siteUrl));
  app.route('/', oauthRoutes(emu));
  app.route('/v1/access_tokens', accessTokenRoutes(emu));
  app.route('/v1/user', userRoutes(emu));
  app.route('/', productRoutes(emu));
  app.route('/v1/orgs', orgRoutes(emu));
  app.route('/v1/products/:product/team', teamRoutes(emu, 'product'));
  app.route('/v1/orgs/:org/team', teamRoutes(emu, 'org'));
  // Only for an http(s) site: an opaque origin ("null", e.g. of javascript:) matches nothing.
  if (options.siteUrl && /^https?:\/\//i.test(options.siteUrl) && URL.canParse(options.siteUrl)) {
    const client = `Basic ${Buffer.from('particle:particle').toString('base64')}`;
    app.route(
      '/',
      hostedLoginRoutes(emu, {
        docsOrigin: new URL(options.siteUrl).origin,
        cookie: options.loginCookie,
        // The stand-in logs in as the docs' own client does, through this app's /oauth/token.
        tokenEndpoint: (form, env) =>
          app.request(
            '/oauth/token',
            {
              method: 'POST',
              headers: {
                'Content-Type': 'application/x-www-form-urlencoded',
                Authorization: client,
              },
              body: new URLSearchParams(form),
            },
            env,
          ),
      }),
    );
  }

  app.notFound((c) =>
    c.json({ ok: false, error: `Unknown route: ${c.req.method} ${c.req.path}` }, 404),
  );
  // One place renders every error; nothing else ever reaches the client (no stack traces).
  app.onError((err, c) => {
    if (err instanceof ParticleError) return err.getResponse();
    if (err instanceof HTTPException && err.status < 500) {
      return appError(err.status as 400, err.message || 'Bad request').getResponse();
    }
    emu.log(
      `Internal error on ${c.req.method} ${c.req.path}: ${err instanceof Error ? err.message : err}`,
    );
    return appError(500, 'Internal server error').getResponse();
  });
  return app;
}
