// Table tests for cache-api-local-only.
import rule from '../../../server/src/rules/cache-api/cache-api-local-only';
import { runRuleTests } from '../../harness/rule-tester';

runRuleTests(rule, {
  valid: [
    // Read-through on a GET: a corrupt entry is dropped locally, nothing was written.
    `export default {
  async fetch(request, env, ctx) {
    const cache = caches.default;
    const hit = await cache.match(request);
    if (hit && !hit.headers.get('content-type')) {
      ctx.waitUntil(cache.delete(request));
    } else if (hit) {
      return hit;
    }
    const res = new Response(await render(request), { headers: { 'Cache-Control': 'public, max-age=60' } });
    ctx.waitUntil(cache.put(request, res.clone()));
    return res;
  },
};`,
    // A put in cron code is kv-cron-warming's finding, not this rule's.
    `export default {
  async scheduled(controller, env, ctx) {
    const cache = caches.default;
    for (const slug of await env.KV.get('popular', 'json')) {
      await cache.put(\`https://example.com/\${slug}\`, new Response(await renderPage(slug)));
    }
  },
};`,
    // A loop of puts with no warming words: a batch upload storing what it just built.
    `import { Hono } from 'hono';
const app = new Hono();
app.get('/thumbs', async (c) => {
  const cache = await caches.open('thumbs');
  const sizes = [64, 128, 256];
  for (const size of sizes) {
    await cache.put(new Request(\`\${c.req.url}?s=\${size}\`), new Response(await resize(size)));
  }
  return c.text('done');
});`,
    // stale-* on a fetched response: its headers are unknown here.
    `addEventListener('fetch', (event) => event.respondWith(handle(event)));
async function handle(event) {
  const res = await fetch(event.request);
  event.waitUntil(caches.default.put(event.request, res.clone()));
  return res;
}`,
    // A helper that deletes, with no write in sight; a DELETE of a Map.
    `const seen = new Map();
export async function forget(url) {
  seen.delete(url);
  const cache = await caches.open('pages');
  return cache.delete(url);
}`,
  ],
  invalid: [
    {
      name: 'Hono: KV write then a local purge',
      code: `import { Hono } from 'hono';
const app = new Hono();
app.post('/posts/:id', async (c) => {
  const post = await c.req.json();
  await c.env.KV.put(\`post:\${c.req.param('id')}\`, JSON.stringify(post));
  c.executionCtx.waitUntil(caches.default.delete(new Request(new URL(\`/posts/\${c.req.param('id')}\`, c.req.url))));
  return c.json({ ok: true });
});
export default app;`,
      errors: [{ messageId: 'deleteAfterWrite', line: 6, column: 28, severity: 'warn', message: 'caches.default.delete() next to c.env.KV.put()' }],
    },
    {
      name: 'module worker: D1 UPDATE then cache.delete',
      code: `export default {
  async fetch(request, env) {
    const { id, title } = await request.json();
    await env.DB.prepare('UPDATE posts SET title = ? WHERE id = ?').bind(title, id).run();
    const cache = await caches.open('api');
    await cache.delete(\`https://api.example.com/posts/\${id}\`);
    return new Response('saved');
  },
};`,
      errors: [{ messageId: 'deleteAfterWrite', line: 6, column: 11, message: 'next to a D1 UPDATE' }],
    },
    {
      name: 'itty-router DELETE route',
      code: `import { AutoRouter } from 'itty-router';
const router = AutoRouter();
router.delete('/items/:id', async ({ params, url }) => {
  await caches.default.delete(new Request(url));
  return { deleted: params.id };
});
export default router;`,
      errors: [{ messageId: 'deleteAfterWrite', line: 4, column: 9, message: "the DELETE route router.delete('/items/:id')" }],
    },
    {
      name: 'Pages Function onRequestPost',
      filename: 'functions/api/purge.ts',
      code: `export const onRequestPost = async ({ request }) => {
  const { url } = await request.json();
  const ok = await caches.default.delete(url);
  return Response.json({ ok });
};`,
      errors: [{ messageId: 'deleteAfterWrite', line: 3, column: 20, message: 'the Pages Function onRequestPost' }],
    },
    {
      name: 'cron purge, in a helper called from scheduled()',
      code: `async function purgeFeeds(urls) {
  const cache = caches.default;
  await Promise.all(urls.map((u) => cache.delete(u)));
}
export default {
  async scheduled(controller, env, ctx) {
    ctx.waitUntil(purgeFeeds(['https://example.com/feed.xml']));
  },
};`,
      errors: [{ messageId: 'deleteInCron', line: 3, column: 37, message: 'purgeFeeds() (called from export default scheduled())' }],
    },
    {
      name: 'stale-while-revalidate and stale-if-error in a stored response (info)',
      code: `export default {
  async fetch(request, env, ctx) {
    const body = await render(request);
    const res = new Response(body, {
      headers: { 'Cache-Control': 'public, max-age=60, stale-while-revalidate=600, stale-if-error=86400' },
    });
    ctx.waitUntil(caches.default.put(request, res.clone()));
    return res;
  },
};`,
      errors: [
        { messageId: 'staleIgnored', line: 5, column: 56, severity: 'info', message: 'stale-while-revalidate has no effect on the cache.put() copy' },
        { messageId: 'staleIgnored', line: 5, column: 84, severity: 'info', message: 'stale-if-error' },
      ],
    },
    {
      name: 'request-path warming loop in a helper named warmCache (info)',
      code: `class Warmer {
  async warmCache(origin, paths) {
    const cache = await caches.open('pages');
    for (const path of paths) {
      const res = await fetch(origin + path);
      await cache.put(origin + path, res);
    }
  }
}
export default {
  async fetch(request) {
    await new Warmer().warmCache(new URL(request.url).origin, ['/', '/pricing']);
    return new Response('ok');
  },
};`,
      errors: [{ messageId: 'warmingLoop', line: 6, column: 13, severity: 'info', message: 'the function name "warmCache"' }],
    },
  ],
});
