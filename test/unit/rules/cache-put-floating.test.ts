// Table tests for cache-put-floating.
import rule from '../../../server/src/rules/cache-api/cache-put-floating';
import { runRuleTests } from '../../harness/rule-tester';

runRuleTests(rule, {
  valid: [
    // The documented shape: ctx.waitUntil around the put.
    `export default {
  async fetch(request, env, ctx) {
    const res = await fetch(request);
    ctx.waitUntil(caches.default.put(request, res.clone()));
    return res;
  },
};`,
    // Awaited, returned, and chained into waitUntil with a catch.
    `addEventListener('fetch', (event) => event.respondWith(handle(event)));
async function handle(event) {
  const cache = await caches.open('v1');
  const res = await fetch(event.request);
  await cache.put(event.request, res.clone());
  event.waitUntil(cache.delete('/stale').catch(() => {}));
  return res;
}
function purge(cache, url) {
  return cache.delete(url);
}`,
    // Hono: c.executionCtx.waitUntil, and a KV write awaited through Promise.all.
    `import { Hono } from 'hono';
const app = new Hono();
app.post('/items/:id', async (c) => {
  const body = await c.req.text();
  await Promise.all([c.env.KV.put(c.req.param('id'), body), c.env.KV.delete('list')]);
  c.executionCtx.waitUntil(caches.default.delete(new Request(c.req.url)));
  return c.text('ok');
});
export default app;`,
    // A promise kept in a variable and handed to waitUntil later; a map whose Promise.all is awaited.
    `export const onRequestPost = async ({ request, env, waitUntil }) => {
  const keys = await request.json();
  const pending = caches.default.put(request.url, new Response('x'));
  waitUntil(pending);
  await Promise.all(keys.map((k) => env.CACHE.delete(k)));
  return new Response(null, { status: 204 });
};`,
    // Inside a Durable Object: the object is not cut off when a response is sent.
    `import { DurableObject } from 'cloudflare:workers';
export class Counter extends DurableObject {
  async fetch(request) {
    this.env.KV.put('last', String(Date.now()));
    return new Response('ok');
  }
}`,
    // itty-router handler returns the write; Map#delete is not a cache or KV write.
    `import { Router } from 'itty-router';
const router = Router();
const seen = new Map();
router.delete('/cache/:key', (req, env) => {
  seen.delete(req.params.key);
  return env.SESSIONS.delete(req.params.key).then(() => new Response('gone'));
});
export default { fetch: router.handle };`,
    // A helper that awaits its write, passed to waitUntil; a top-level script call (no request to end).
    `async function logVisit(env, path) {
  await env.KV.put(\`visit:\${path}\`, String(Date.now()));
}
async function main(env) {
  await env.CACHE.delete('stale');
}
main(globalThis.env);
export default {
  async fetch(request, env, ctx) {
    ctx.waitUntil(logVisit(env, new URL(request.url).pathname));
    return new Response('ok');
  },
};`,
  ],
  invalid: [
    {
      name: 'module worker: put in statement position',
      code: `export default {
  async fetch(request, env, ctx) {
    const res = await fetch(request);
    caches.default.put(request, res.clone());
    return res;
  },
};`,
      errors: [{
        messageId: 'floating', line: 4, column: 5, severity: 'warn', message: 'caches.default.put() is not awaited',
        suggestions: [
          { title: 'Pass it to ctx.waitUntil()', output: `export default {
  async fetch(request, env, ctx) {
    const res = await fetch(request);
    ctx.waitUntil(caches.default.put(request, res.clone()));
    return res;
  },
};` },
          { title: 'Await it', output: `export default {
  async fetch(request, env, ctx) {
    const res = await fetch(request);
    await caches.default.put(request, res.clone());
    return res;
  },
};` },
        ],
      }],
    },
    {
      name: 'service worker: a catch chain is still floating',
      code: `addEventListener('fetch', (event) => {
  event.respondWith(fetch(event.request).then((res) => {
    caches.default.put(event.request, res.clone()).catch(console.error);
    return res;
  }));
});`,
      errors: [{
        messageId: 'floating', line: 3, column: 5,
        suggestions: [{ title: 'Pass it to event.waitUntil()', output: `addEventListener('fetch', (event) => {
  event.respondWith(fetch(event.request).then((res) => {
    event.waitUntil(caches.default.put(event.request, res.clone()).catch(console.error));
    return res;
  }));
});` }],
      }],
    },
    {
      name: 'Hono: KV write after the response is built',
      code: `import { Hono } from 'hono';
const app = new Hono();
app.get('/views/:slug', async (c) => {
  const slug = c.req.param('slug');
  const views = Number((await c.env.KV.get(slug)) ?? 0) + 1;
  c.env.KV.put(slug, String(views));
  return c.json({ views });
});
export default app;`,
      errors: [{
        messageId: 'floating', line: 6, column: 3, message: 'c.env.KV.put()',
        suggestions: [
          { title: 'Pass it to c.executionCtx.waitUntil()', output: `import { Hono } from 'hono';
const app = new Hono();
app.get('/views/:slug', async (c) => {
  const slug = c.req.param('slug');
  const views = Number((await c.env.KV.get(slug)) ?? 0) + 1;
  c.executionCtx.waitUntil(c.env.KV.put(slug, String(views)));
  return c.json({ views });
});
export default app;` },
          { title: 'Await it', output: `import { Hono } from 'hono';
const app = new Hono();
app.get('/views/:slug', async (c) => {
  const slug = c.req.param('slug');
  const views = Number((await c.env.KV.get(slug)) ?? 0) + 1;
  await c.env.KV.put(slug, String(views));
  return c.json({ views });
});
export default app;` },
        ],
      }],
    },
    {
      name: 'Pages Function: forEach of deletes, nobody waits',
      filename: 'functions/api/purge.ts',
      code: `export async function onRequestPost(context) {
  const urls = await context.request.json();
  const cache = await caches.open('pages');
  urls.forEach((url) => cache.delete(url));
  return new Response('purged');
}`,
      errors: [{ messageId: 'floating', line: 4, column: 25, message: 'forEach() callback' }],
    },
    {
      name: 'an unused variable (a class field of unknown type stays silent)',
      code: `class PageCache {
  constructor(cache) { this.cache = cache; }
  store(req, res) {
    void this.cache.put(req, res);
  }
}
export default {
  async fetch(request, env, ctx) {
    const cache = caches.default;
    const res = new Response('hi', { headers: { 'Cache-Control': 'max-age=60' } });
    const pending = cache.put(request, res.clone());
    ctx.waitUntil(fetch('https://log.example', { method: 'POST' }));
    return res;
  },
};`,
      errors: [{ messageId: 'floating', line: 11, column: 21, message: 'stored in a variable that is never used' }],
    },
    {
      name: 'itty-router: Promise.all of KV writes not awaited; third parameter is ctx',
      code: `import { AutoRouter } from 'itty-router';
const router = AutoRouter();
router.put('/bulk', async (request, env, context) => {
  const items = await request.json();
  Promise.all(items.map((item) => env.CACHE.put(item.key, item.value)));
  return { ok: true };
});
export default router;`,
      errors: [{
        messageId: 'floating', line: 5, column: 35, message: 'env.CACHE.put()',
        suggestions: [
          { title: 'Pass it to context.waitUntil()', output: `import { AutoRouter } from 'itty-router';
const router = AutoRouter();
router.put('/bulk', async (request, env, context) => {
  const items = await request.json();
  context.waitUntil(Promise.all(items.map((item) => env.CACHE.put(item.key, item.value))));
  return { ok: true };
});
export default router;` },
          { title: 'Await it', output: `import { AutoRouter } from 'itty-router';
const router = AutoRouter();
router.put('/bulk', async (request, env, context) => {
  const items = await request.json();
  await Promise.all(items.map((item) => env.CACHE.put(item.key, item.value)));
  return { ok: true };
});
export default router;` },
        ],
      }],
    },
    {
      name: 'scheduled handler: void discards the put (no await suggestion for void)',
      code: `export default {
  async scheduled(controller, env, ctx) {
    const feed = await fetch('https://origin.example/feed.json');
    void caches.default.put('https://example.com/feed.json', feed);
  },
};`,
      errors: [{
        messageId: 'floating', line: 4, column: 10, message: 'discarded with void',
        suggestions: [{ title: 'Pass it to ctx.waitUntil()', output: `export default {
  async scheduled(controller, env, ctx) {
    const feed = await fetch('https://origin.example/feed.json');
    ctx.waitUntil(caches.default.put('https://example.com/feed.json', feed));
  },
};` }],
      }],
    },
    {
      name: 'a same-file helper that awaits a KV write, called without await',
      code: `async function logVisit(env, path) {
  await env.KV.put(\`visit:\${path}\`, String(Date.now()));
}
export default {
  async fetch(request, env, ctx) {
    logVisit(env, new URL(request.url).pathname);
    return new Response('ok');
  },
};`,
      errors: [{
        messageId: 'floatingHelper', line: 6, column: 5, message: 'logVisit() awaits env.KV.put() but is not awaited',
        suggestions: [
          { title: 'Pass it to ctx.waitUntil()', output: `async function logVisit(env, path) {
  await env.KV.put(\`visit:\${path}\`, String(Date.now()));
}
export default {
  async fetch(request, env, ctx) {
    ctx.waitUntil(logVisit(env, new URL(request.url).pathname));
    return new Response('ok');
  },
};` },
          { title: 'Await it', output: `async function logVisit(env, path) {
  await env.KV.put(\`visit:\${path}\`, String(Date.now()));
}
export default {
  async fetch(request, env, ctx) {
    await logVisit(env, new URL(request.url).pathname);
    return new Response('ok');
  },
};` },
        ],
      }],
    },
  ],
});
