// Table tests for kv-hot-key-write.
import rule from '../../../server/src/rules/kv/kv-hot-key-write';
import { runRuleTests } from '../../harness/rule-tester';

runRuleTests(rule, {
  valid: [
    {
      name: 'distinct key per iteration (item.id) is not a hot key',
      code: `export default {
  async fetch(req: Request, env: Env) {
    const items: { id: string }[] = await req.json();
    for (const item of items) await env.KV.put(item.id, JSON.stringify(item));
    return new Response('ok');
  },
};`,
    },
    {
      name: 'distinct template keys in Promise.all(map) callbacks',
      code: `app.get('/sync', async (c) => {
  const rows = await loadRows();
  await Promise.all(rows.map((row) => c.env.CACHE.put(\`row:\${row.id}\`, JSON.stringify(row))));
  return c.text('ok');
});`,
    },
    {
      name: 'read-through cache fill: get miss -> compute -> put once (value not derived from the read)',
      code: `export default {
  async fetch(req: Request, env: Env) {
    const cached = await env.CACHE.get('home');
    if (cached) return new Response(cached, { headers: { 'content-type': 'text/html' } });
    const html = await render();
    await env.CACHE.put('home', html, { expirationTtl: 3600 });
    return new Response(html);
  },
};`,
    },
    {
      name: 'read-through with a reassigned let inside the miss branch',
      code: `app.get('/stats', async (c) => {
  let stats = await c.env.CACHE.get('stats', 'json');
  if (!stats) {
    stats = await computeStats(c.env);
    await c.env.CACHE.put('stats', JSON.stringify(stats), { expirationTtl: 300 });
  }
  return c.json(stats);
});`,
    },
    {
      name: 'sliding session expiry re-puts the value it read, unchanged',
      code: `export const onRequestGet = async ({ request, env }) => {
  const sid = request.headers.get('cookie')?.match(/sid=(\\w+)/)?.[1] ?? '';
  const session = await env.SESSIONS.get(\`session:\${sid}\`);
  if (!session) return new Response('login', { status: 401 });
  await env.SESSIONS.put(\`session:\${sid}\`, session, { expirationTtl: 3600 });
  return new Response('ok');
};`,
      filename: 'functions/api/me.ts',
    },
    {
      name: 'POST route writing a constant config key is a mutation, not per page view',
      code: `import { Hono } from 'hono';
const admin = new Hono<{ Bindings: Env }>();
admin.post('/settings', async (c) => {
  await c.env.KV.put('settings', JSON.stringify(await c.req.json()));
  return c.text('saved');
});`,
    },
    { name: 'a cron every 5 minutes writing one constant key (288 writes a day) is fine', filename: 'src/index.js', code: `export default {\n  async scheduled(event, env) {\n    const stats = await (await fetch('https://api.example.com/stats')).text();\n    await env.KV.put('stats', stats);\n  },\n};`, files: { 'wrangler.toml': `name = "app"\nmain = "src/index.ts"\ncompatibility_date = "2025-06-01"\n\n[[kv_namespaces]]\nbinding = "KV"\nid = "abc"\n\n[triggers]\ncrons = ["*/5 * * * *"]\n` } },
    {
      name: 'a cron counter runs once per trigger, not per request',
      code: `export default {
  async scheduled(event: ScheduledEvent, env: Env) {
    const runs = Number(await env.KV.get('cron-runs')) || 0;
    await env.KV.put('cron-runs', String(runs + 1));
  },
};`,
    },
    {
      name: 'constant-key put after an early return only runs on one path',
      code: `export default {
  async fetch(req: Request, env: Env) {
    const url = new URL(req.url);
    if (url.pathname !== '/deploy-hook') return fetch(req);
    await env.KV.put('last-deploy', new Date().toISOString());
    return new Response('ok');
  },
};`,
    },
    {
      name: 'loop that stores the first match and breaks writes once',
      code: `async function remember(env: Env, candidates: string[]) {
  for (const c of candidates) {
    if (await isValid(c)) {
      await env.KV.put('current', c);
      break;
    }
  }
}`,
    },
    {
      name: 'per-user cart append on a per-user key is not a shared hot key',
      code: `router.get('/cart/add/:sku', async (request, env) => {
  const user = request.headers.get('x-user');
  const cart = JSON.parse((await env.KV.get(\`cart:\${user}\`)) ?? '[]');
  cart.push(request.params.sku);
  await env.KV.put(\`cart:\${user}\`, JSON.stringify(cart));
  return new Response('ok');
});`,
    },
    {
      name: 'a numeric read used to build a different key',
      code: `export default {
  async fetch(req: Request, env: Env) {
    const version = Number(await env.KV.get('version'));
    const html = await render();
    if (html) await env.KV.put(\`page:\${version + 1}\`, html);
    return new Response(html);
  },
};`,
    },
    {
      name: 'different constant keys in one Promise.all, in a helper',
      code: `export async function publish(env: Env, html: string, etag: string) {
  await Promise.all([env.CACHE.put('home:html', html), env.CACHE.put('home:etag', etag)]);
}`,
    },
    {
      name: 'R2 and Durable Object storage puts are not KV',
      code: `export class Counter {
  constructor(private state: DurableObjectState, private env: Env) {}
  async fetch() {
    const n = ((await this.state.storage.get<number>('count')) ?? 0) + 1;
    await this.state.storage.put('count', n);
    for (const part of parts) await this.env.BUCKET.put('latest', part);
    return new Response(String(n));
  }
}`,
    },
  ],
  invalid: [
    {
      name: 'catalogue example: get -> +1 -> put on one key',
      code: `export default {
  async fetch(req: Request, env: Env) {
    const n = +(await env.KV.get('hits')) + 1;
    await env.KV.put('hits', String(n));
    return new Response(\`\${n} visits\`);
  },
};`,
      errors: [{ messageId: 'counter', line: 4, column: 11, endLine: 4, endColumn: 40, severity: 'warn', message: "KV.put('hits') writes back the value read" }],
    },
    {
      name: 'constant key written in a for…of loop',
      code: `export default {
  async fetch(req: Request, env: Env) {
    const events: unknown[] = await req.json();
    for (const e of events) {
      await env.CACHE.put('latest-event', JSON.stringify(e));
    }
    return new Response('ok');
  },
};`,
      errors: [{ messageId: 'loop', line: 5, column: 13, message: "CACHE.put('latest-event') writes the same key on every pass of this for…of loop" }],
    },
    {
      name: 'same key twice in one Promise.all',
      code: `async function save(env: Env, a: string, b: string) {
  await Promise.all([env.KV.put('state', a), env.KV.put('state', b)]);
}`,
      errors: [
        { messageId: 'promiseAll', line: 2, column: 22, message: 'is written 2 times in one Promise.all()' },
        { messageId: 'promiseAll', line: 2, column: 46 },
      ],
    },
    {
      name: 'itty-router rate limiter on a per-IP template key',
      code: `import { AutoRouter } from 'itty-router';
const router = AutoRouter();
router.get('/api/*', async (request, env) => {
  const ip = request.headers.get('cf-connecting-ip');
  const key = \`count:\${ip}\`;
  const count = parseInt((await env.KV.get(key)) ?? '0', 10);
  if (count >= 100) return new Response('Too many requests', { status: 429 });
  await env.KV.put(key, String(count + 1), { expirationTtl: 60 });
});
export default router;`,
      errors: [{ messageId: 'rateLimiter', line: 8, column: 9, message: 'KV.put(key) after the read on line 6 is a rate limiter in KV: it loses counts.' }],
    },
    {
      name: 'Hono middleware writes one key on every request',
      code: `import { Hono } from 'hono';
const app = new Hono<{ Bindings: Env }>();
app.use('*', async (c, next) => {
  c.executionCtx.waitUntil(c.env.KV.put('last-request', new Date().toISOString()));
  await next();
});
export default app;`,
      errors: [{ messageId: 'everyRequest', line: 4, column: 28, message: "KV.put('last-request') runs on every request to app.use('*')" }],
    },
    {
      name: 'service-worker syntax: helper always called from the fetch listener, global binding',
      code: `addEventListener('fetch', (event) => {
  event.respondWith(handle(event.request));
});
async function handle(request) {
  await SESSIONS.put('last-seen', Date.now().toString());
  return fetch(request);
}`,
      filename: 'src/worker.js',
      errors: [{ messageId: 'everyRequest', line: 5, column: 9, message: "addEventListener('fetch') (via handle())" }],
    },
    {
      name: 'Pages Function with destructured env counts visits',
      code: `export const onRequestGet = async ({ env }) => {
  const { KV } = env;
  const visits = Number((await KV.get('visits')) ?? 0);
  await KV.put('visits', String(visits + 1));
  return Response.json({ visits });
};`,
      filename: 'functions/api/visits.ts',
      errors: [{ messageId: 'counter', line: 4, column: 9 }],
    },
    {
      name: 'KVNamespace typed binding not in wrangler config, written in a forEach callback',
      code: `interface Env { STATS: KVNamespace }
export default {
  async fetch(req: Request, env: Env, ctx: ExecutionContext) {
    const lines: string[] = (await req.text()).split('\\n');
    lines.forEach((line) => ctx.waitUntil(env.STATS.put('last-line', line)));
    return new Response('ok');
  },
};`,
      errors: [{ messageId: 'loop', line: 5, column: 43, message: 'lines.forEach() callback' }],
    },
    {
      name: 'JSON object counter mutated with ++ then written back',
      code: `app.get('/', async (c) => {
  const stats = (await c.env.KV.get('stats', 'json')) ?? { views: 0 };
  stats.views++;
  await c.env.KV.put('stats', JSON.stringify(stats));
  return c.text('hello');
});`,
      errors: [{ messageId: 'counter', line: 4, column: 9 }],
    },
    {
      name: 'append to a shared list read from KV',
      code: `app.get('/track', async (c) => {
  const log = JSON.parse((await c.env.KV.get('access-log')) ?? '[]');
  log.push({ path: c.req.path, at: Date.now() });
  await c.env.KV.put('access-log', JSON.stringify(log));
  return c.body(null, 204);
});`,
      errors: [{ messageId: 'append', line: 4, column: 9, message: "KV.put('access-log') appends to the list read on line 2" }],
    },
    {
      name: 'per-slug view counter (no limit check) is a keyed counter',
      code: `app.get('/posts/:slug', async (c) => {
  const key = \`views:\${c.req.param('slug')}\`;
  const views = Number(await c.env.KV.get(key)) + 1;
  c.executionCtx.waitUntil(c.env.KV.put(key, String(views)));
  return c.html(await renderPost(c.req.param('slug'), views));
});`,
      errors: [{ messageId: 'keyedCounter', line: 4, column: 28 }],
    },
    {
      name: 'read nested inside the put value',
      code: `export default {
  async fetch(req, env) {
    if (req.method === 'POST') await env.KV.put('likes', String(Number(await env.KV.get('likes')) + 1));
    return new Response('ok');
  },
};`,
      filename: 'src/index.js',
      errors: [{ messageId: 'counter', line: 3, column: 38, message: 'on line 3' }],
    },
    {
      name: 'a cron every 2 minutes writing one constant key: info, 720 writes a day against the Free plan',
      filename: 'src/index.js', code: `export default {\n  async scheduled(event, env) {\n    const stats = await (await fetch('https://api.example.com/stats')).text();\n    await env.KV.put('stats', stats);\n  },\n};`, files: { 'wrangler.toml': `name = "app"\nmain = "src/index.ts"\ncompatibility_date = "2025-06-01"\n\n[[kv_namespaces]]\nbinding = "KV"\nid = "abc"\n\n[triggers]\ncrons = ["*/2 * * * *"]\n` },
      errors: [{ messageId: 'cronEveryMinute', line: 4, column: 11, severity: 'info', message: /^KV\.put\('stats'\) runs on every run of cron "\*\/2 \* \* \* \*": about 720 writes a day to one key\.$/ }],
    },
    {
      name: 'a cron every minute: 1,440 writes a day',
      filename: 'src/index.js', code: `export default {\n  async scheduled(event, env) {\n    const stats = await (await fetch('https://api.example.com/stats')).text();\n    await env.KV.put('stats', stats);\n  },\n};`, files: { 'wrangler.toml': `name = "app"\nmain = "src/index.ts"\ncompatibility_date = "2025-06-01"\n\n[[kv_namespaces]]\nbinding = "KV"\nid = "abc"\n\n[triggers]\ncrons = ["* * * * *"]\n` },
      errors: [{ messageId: 'cronEveryMinute', severity: 'info', message: /about 1,440 writes a day/ }],
    },
  ],
});
