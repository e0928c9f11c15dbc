// Table tests for cache-put-error-response.
import rule from '../../../server/src/rules/cache-api/cache-put-error-response';
import { runRuleTests } from '../../harness/rule-tester';

runRuleTests(rule, {
  valid: [
    // Early return on an error status.
    `export default {
  async fetch(request, env, ctx) {
    const res = await fetch(request);
    if (!res.ok) return res;
    ctx.waitUntil(caches.default.put(request, res.clone()));
    return res;
  },
};`,
    // The put inside if (res.ok).
    `addEventListener('fetch', (event) => event.respondWith(handle(event)));
async function handle(event) {
  const response = await fetch(event.request);
  if (response.ok) {
    event.waitUntil(caches.default.put(event.request, response.clone()));
  }
  return response;
}`,
    // Hono image proxy: status === 200 check, a copy with new headers is put.
    `app.get('/img/:key', async (c) => {
  const upstream = await fetch(\`https://images.example/\${c.req.param('key')}\`);
  if (upstream.status !== 200) {
    throw new HTTPException(502, { message: 'upstream failed' });
  }
  const res = new Response(upstream.body, upstream);
  res.headers.set('Cache-Control', 'public, max-age=86400');
  c.executionCtx.waitUntil(caches.default.put(c.req.raw, res.clone()));
  return res;
});`,
    // Read-through: the miss path fetches and checks with &&.
    `export default {
  async fetch(request, env, ctx) {
    const cache = caches.default;
    let res = await cache.match(request);
    if (!res) {
      res = await fetch(request);
      res.ok && ctx.waitUntil(cache.put(request, res.clone()));
    }
    return res;
  },
};`,
    // A put of a constructed response is not a fetched one.
    `export default {
  async fetch(request, env, ctx) {
    const data = await fetch('https://api.example/data').then((r) => r.json());
    const res = Response.json(data, { headers: { 'Cache-Control': 'max-age=60' } });
    ctx.waitUntil(caches.default.put(request, res.clone()));
    return res;
  },
};`,
    // Promise chain with a status switch.
    `export default {
  fetch(req, env, ctx) {
    return fetch(req).then((res) => {
      switch (res.status) {
        case 200:
          ctx.waitUntil(caches.default.put(req, res.clone()));
      }
      return res;
    });
  },
};`,
    // Service binding with a throw on error.
    `export default {
  async fetch(req, env) {
    const res = await env.API.fetch(req);
    if (res.status >= 400) {
      throw new Error('api ' + res.status);
    }
    await (await caches.open('api')).put(req, res.clone());
    return res;
  },
};`,
  ],
  invalid: [
    {
      name: 'module worker: ctx.waitUntil(cache.put) with no check',
      code: `export default {
  async fetch(request, env, ctx) {
    const response = await fetch(request);
    ctx.waitUntil(caches.default.put(request, response.clone()));
    return response;
  },
};`,
      errors: [{
        messageId: 'unchecked', line: 4, column: 47, severity: 'warn', message: 'response from fetch() is cached with no response.ok or .status check: a 4xx/5xx is served for its whole TTL.',
        suggestions: [{
          title: 'Put it in the cache only if response.ok',
          output: `export default {
  async fetch(request, env, ctx) {
    const response = await fetch(request);
    if (response.ok) { ctx.waitUntil(caches.default.put(request, response.clone())); }
    return response;
  },
};`,
        }],
      }],
    },
    {
      name: 'always-true check does not count (if (res))',
      code: `addEventListener('fetch', (event) => event.respondWith(handle(event)));
async function handle(event) {
  const res = await fetch(event.request);
  if (res) {
    await caches.default.put(event.request, res.clone());
  }
  return res;
}`,
      errors: [{
        messageId: 'unchecked', line: 5, column: 45,
        suggestions: [{
          title: 'Put it in the cache only if res.ok',
          output: `addEventListener('fetch', (event) => event.respondWith(handle(event)));
async function handle(event) {
  const res = await fetch(event.request);
  if (res) {
    if (res.ok) { await caches.default.put(event.request, res.clone()); }
  }
  return res;
}`,
        }],
      }],
    },
    {
      name: 'Hono image proxy: copy with new headers, check on the body only',
      code: `app.get('/img/:key', async (c) => {
  const upstream = await fetch(\`https://images.example/\${c.req.param('key')}\`);
  if (!upstream.body) return c.notFound();
  const res = new Response(upstream.body, upstream);
  res.headers.set('Cache-Control', 'public, max-age=86400');
  c.executionCtx.waitUntil(caches.default.put(c.req.raw, res.clone()));
  return res;
});`,
      errors: [{
        messageId: 'unchecked', line: 6, column: 58, message: 'res from fetch()',
        suggestions: [{
          title: 'Put it in the cache only if res.ok',
          output: `app.get('/img/:key', async (c) => {
  const upstream = await fetch(\`https://images.example/\${c.req.param('key')}\`);
  if (!upstream.body) return c.notFound();
  const res = new Response(upstream.body, upstream);
  res.headers.set('Cache-Control', 'public, max-age=86400');
  if (res.ok) { c.executionCtx.waitUntil(caches.default.put(c.req.raw, res.clone())); }
  return res;
});`,
        }],
      }],
    },
    {
      name: 'read-through miss path reassigns the variable',
      code: `export default {
  async fetch(request, env, ctx) {
    const cache = await caches.open('pages');
    let res = await cache.match(request);
    if (!res) {
      res = await fetch(request);
      res = new Response(res.body, res);
      ctx.waitUntil(cache.put(request, res.clone()));
    }
    return res;
  },
};`,
      errors: [{
        messageId: 'unchecked', line: 8, column: 40,
        suggestions: [{
          title: 'Put it in the cache only if res.ok',
          output: `export default {
  async fetch(request, env, ctx) {
    const cache = await caches.open('pages');
    let res = await cache.match(request);
    if (!res) {
      res = await fetch(request);
      res = new Response(res.body, res);
      if (res.ok) { ctx.waitUntil(cache.put(request, res.clone())); }
    }
    return res;
  },
};`,
        }],
      }],
    },
    {
      name: 'fetch inline in the put (no suggestion)',
      code: `export default {
  async scheduled(event, env, ctx) {
    const key = new Request('https://example.com/feed.json');
    await caches.default.put(key, await fetch(key));
  },
};`,
      errors: [{ messageId: 'uncheckedInline', line: 4, column: 35 }],
    },
    {
      name: 'promise chain: put in the then callback',
      code: `export default {
  fetch(req, env, ctx) {
    return fetch(req).then((res) => {
      ctx.waitUntil(caches.default.put(req, res.clone()));
      return res;
    });
  },
};`,
      errors: [{
        messageId: 'unchecked', line: 4, column: 45,
        suggestions: [{
          title: 'Put it in the cache only if res.ok',
          output: `export default {
  fetch(req, env, ctx) {
    return fetch(req).then((res) => {
      if (res.ok) { ctx.waitUntil(caches.default.put(req, res.clone())); }
      return res;
    });
  },
};`,
        }],
      }],
    },
    {
      name: 'status checked only after the put',
      code: `export default {
  async fetch(req, env) {
    const res = await env.ORIGIN.fetch(req);
    await caches.default.put(req, res.clone());
    if (!res.ok) console.log('origin failed', res.status);
    return res;
  },
};`,
      errors: [{
        messageId: 'unchecked', line: 4, column: 35,
        suggestions: [{
          title: 'Put it in the cache only if res.ok',
          output: `export default {
  async fetch(req, env) {
    const res = await env.ORIGIN.fetch(req);
    if (res.ok) { await caches.default.put(req, res.clone()); }
    if (!res.ok) console.log('origin failed', res.status);
    return res;
  },
};`,
        }],
      }],
    },
  ],
});
