// Table tests for hono-cache-middleware.
import rule from '../../../server/src/rules/cache-api/hono-cache-middleware';
import { runRuleTests } from '../../harness/rule-tester';

runRuleTests(rule, {
  valid: [
    // The documented shape: public pages, no identity.
    `import { Hono } from 'hono';
import { cache } from 'hono/cache';
const app = new Hono();
app.get('*', cache({ cacheName: 'my-app', cacheControl: 'max-age=3600' }));
app.get('/posts/:id', async (c) => c.json(await c.env.KV.get(c.req.param('id'), 'json')));
export default app;`,
    // A keyGenerator that includes the session.
    `import { Hono } from 'hono';
import { cache } from 'hono/cache';
import { getCookie } from 'hono/cookie';
const app = new Hono();
app.get('/me', cache({ cacheName: 'me', keyGenerator: (c) => c.req.url + ':' + getCookie(c, 'sid') }), (c) => {
  return c.json({ sid: getCookie(c, 'sid') });
});
export default app;`,
    // The handler marks its response private, which Hono's cache() skips.
    `import { Hono } from 'hono';
import { cache } from 'hono/cache';
const app = new Hono();
app.use('/api/*', cache({ cacheName: 'api', cacheControl: 'max-age=60' }));
app.get('/api/account', async (c) => {
  const token = c.req.header('Authorization');
  c.header('Cache-Control', 'private, no-store');
  return c.json(await lookup(token));
});
export default app;`,
    // Auth before cache on a path of shared content; a route registered before the mount; a POST under a GET mount.
    `import { Hono } from 'hono';
import { cache } from 'hono/cache';
import { bearerAuth } from 'hono/bearer-auth';
const app = new Hono();
app.get('/whoami', (c) => c.text(c.req.header('cookie') ?? ''));
app.use('/reports/*', bearerAuth({ token: 'x' }));
app.get('/reports/*', cache({ cacheName: 'reports', vary: ['Accept'] }));
app.get('/reports/daily', (c) => c.json({ day: 'today' }));
app.post('/reports/upload', (c) => c.text(c.req.header('authorization') ?? ''));
export default app;`,
    // A local function named cache (not Hono's) and a session middleware under the mount.
    `import { Hono } from 'hono';
import { cache as honoCache } from 'hono/cache';
const cache = (o) => (c, next) => next();
const app = new Hono();
app.get('/x', cache({ vary: '*' }), (c) => c.text(c.req.header('Cookie') ?? ''));
app.use('*', honoCache({ cacheName: 'site' }));
app.use('*', async (c, next) => { c.set('sid', c.req.header('Cookie')); await next(); });
app.get('/about', (c) => c.text('about'));
export default app;`,
  ],
  invalid: [
    {
      name: 'vary option with *',
      code: `import { Hono } from 'hono';
import { cache } from 'hono/cache';
const app = new Hono();
app.get('*', cache({ cacheName: 'site', vary: 'Accept, *' }));
export default app;`,
      errors: [{ messageId: 'varyStar', line: 4, column: 47, severity: 'error' }],
    },
    {
      name: 'a handler reads a cookie under a use() mount',
      code: `import { Hono } from 'hono';
import { cache } from 'hono/cache';
import { getCookie } from 'hono/cookie';
const app = new Hono();
app.use('/dashboard/*', cache({ cacheName: 'dash', cacheControl: 'max-age=300' }));
app.get('/dashboard/:section', async (c) => {
  const session = getCookie(c, 'session');
  return c.html(await renderDashboard(session, c.req.param('section')));
});
export default app;`,
      errors: [{ messageId: 'sharedIdentity', line: 5, column: 25, severity: 'warn', message: "app.get('/dashboard/:section') reads getCookie()" }],
    },
    {
      name: 'same chain: handler reads Authorization from the raw request',
      code: `import { Hono } from 'hono';
import { cache } from 'hono/cache';
const api = new Hono();
api.get('/profile', cache({ cacheName: 'profile' }), async (c) => {
  const user = await verify(c.req.raw.headers.get('authorization'));
  return c.json(user);
});
export default api;`,
      errors: [{ messageId: 'sharedIdentity', line: 4, column: 21, message: 'the Authorization header' }],
    },
    {
      name: 'named handler function reading the jwt payload',
      code: `import { Hono } from 'hono';
import { cache } from 'hono/cache';
const app = new Hono();
async function orders(c) {
  const payload = c.get('jwtPayload');
  return c.json(await listOrders(payload.sub));
}
app.get('/orders', cache({ cacheName: 'orders' }), orders);
export default app;`,
      errors: [{ messageId: 'sharedIdentity', line: 8, column: 20, message: "c.get('jwtPayload')" }],
    },
    {
      name: 'auth middleware after cache() in the same chain',
      code: `import { Hono } from 'hono';
import { cache } from 'hono/cache';
import { basicAuth } from 'hono/basic-auth';
const app = new Hono();
app.get('/admin/stats', cache({ cacheName: 'admin' }), basicAuth({ username: 'a', password: 'b' }), (c) => c.json({}));
export default app;`,
      errors: [{ messageId: 'authAfterCache', line: 5, column: 25, message: "basicAuth() (app.get('/admin/stats'))" }],
    },
    {
      name: 'jwt registered later on a covered path (renamed import)',
      code: `import { Hono } from 'hono';
import { cache as edgeCache } from 'hono/cache';
import { jwt } from 'hono/jwt';
const app = new Hono();
app.use('*', edgeCache({ cacheName: 'all', cacheControl: 'max-age=60' }));
app.use('/api/*', jwt({ secret: 'x' }));
app.get('/api/me', (c) => c.json(c.get('jwtPayload')));
export default app;`,
      errors: [{ messageId: 'authAfterCache', line: 5, column: 14, message: "jwt() (app.use('/api/*'))" }],
    },
    {
      name: 'content negotiation on Accept under a URL-keyed cache (vary does not help a string key)',
      code: `import { Hono } from 'hono/tiny';
import { cache } from 'hono/cache';
const app = new Hono();
app.get('*', cache({ cacheName: 'img', vary: ['Accept'] }));
app.get('/img/:name', async (c) => {
  const webp = (c.req.header('Accept') ?? '').includes('image/webp');
  return new Response(await load(c.req.param('name'), webp ? 'webp' : 'png'));
});
export default app;`,
      errors: [{ messageId: 'sharedVariant', line: 4, column: 14, message: 'reads the Accept header: every client gets the first variant' }],
    },
  ],
});
