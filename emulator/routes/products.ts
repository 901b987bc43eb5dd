/** Products (§4.1, §4.2): the user's sandbox products and one product by id or slug. */
import { type Context, Hono } from 'hono';
import { bearerAuth, humanOnly } from '../middleware/bearer-auth.js';
import { productJson, sandboxProductsOf } from '../model/access.js';
import type { AppEnv, Emulator } from '../options.js';
import { productFor } from './target.js';

export function productRoutes(emu: Emulator) {
  const { state } = emu;
  const auth = bearerAuth(emu);
  const listSandbox = (c: Context<AppEnv>) => {
    const user = humanOnly(c.get('auth'));
    return c.json({
      products: sandboxProductsOf(state, user.username).map((p) => productJson(state, p)),
    });
  };
  return (
    new Hono<AppEnv>()
      // One body on both paths: Particle's widgets use the first, particle-api-js the second.
      .get('/v1/user/products', auth, listSandbox)
      .get('/v1/products', auth, listSandbox)
      .get('/v1/products/:product', auth, (c) => {
        const product = productFor(state, c.get('auth'), c.req.param('product'), 'products:get');
        return c.json({
          product: { ...productJson(state, product), device_protection: 'disabled' },
        });
      })
  );
}
