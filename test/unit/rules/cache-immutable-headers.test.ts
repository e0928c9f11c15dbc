// Table tests for cache-immutable-headers.
import rule from '../../../server/src/rules/cache-api/cache-immutable-headers';
import { runRuleTests } from '../../harness/rule-tester';

runRuleTests(rule, {
  valid: [
    // The documented copy before changing headers.
    `export default {
  async fetch(request) {
    let res = await fetch(request);
    res = new Response(res.body, res);
    res.headers.set('Cache-Control', 'public, max-age=300');
    return res;
  },
};`,
    // A separate copy variable.
    `app.get('/img/:key', async (c) => {
  const upstream = await fetch(\`https://images.example/\${c.req.param('key')}\`);
  const res = new Response(upstream.body, upstream);
  res.headers.set('Cache-Control', 'public, max-age=86400');
  c.executionCtx.waitUntil(caches.default.put(c.req.raw, res.clone()));
  return res;
});`,
    // Headers of a constructed response are mutable.
    `addEventListener('fetch', (event) => event.respondWith(handle(event.request)));
async function handle(request) {
  const res = new Response('ok', { headers: { 'Content-Type': 'text/plain' } });
  res.headers.set('Cache-Control', 'no-store');
  return res;
}`,
    // Read-through: the cached copy is made mutable before the header change.
    `export default {
  async fetch(request, env, ctx) {
    const cache = caches.default;
    let res = await cache.match(request);
    if (res) {
      res = new Response(res.body, res);
      res.headers.append('X-Cache', 'HIT');
      return res;
    }
    return fetch(request);
  },
};`,
    // Request headers and a Headers object copied from a response are fine.
    `export default {
  async fetch(request, env) {
    const upstream = await env.API.fetch(request);
    const headers = new Headers(upstream.headers);
    headers.delete('Set-Cookie');
    const req = new Request(request);
    req.headers.set('X-Forwarded-Host', 'example.com');
    return new Response(upstream.body, { status: upstream.status, headers });
  },
};`,
    // String.match is not the Cache API.
    `export default {
  async fetch(request) {
    const m = request.url.match(/id=(\\d+)/);
    const res = new Response(m ? m[1] : '');
    res.headers.set('X-Id', 'yes');
    return res;
  },
};`,
  ],
  invalid: [
    {
      name: 'module worker: set on a fetch() response (const becomes let)',
      code: `export default {
  async fetch(request) {
    const res = await fetch(request);
    res.headers.set('Cache-Control', 'public, max-age=300');
    return res;
  },
};`,
      errors: [{
        messageId: 'immutable', line: 4, column: 5, severity: 'error', message: 'res comes from fetch()',
        suggestions: [{
          title: 'Copy res with new Response(res.body, res) first',
          output: `export default {
  async fetch(request) {
    let res = await fetch(request);
    res = new Response(res.body, res);
    res.headers.set('Cache-Control', 'public, max-age=300');
    return res;
  },
};`,
        }],
      }],
    },
    {
      name: 'service worker: cache.match() hit gets a header',
      code: `addEventListener('fetch', (event) => event.respondWith(handle(event)));
async function handle(event) {
  let response = await caches.default.match(event.request);
  if (!response) return fetch(event.request);
  response.headers.append('X-Cache', 'HIT');
  return response;
}`,
      errors: [{
        messageId: 'immutable', line: 5, column: 3, message: 'cache.match()',
        suggestions: [{
          title: 'Copy response with new Response(response.body, response) first',
          output: `addEventListener('fetch', (event) => event.respondWith(handle(event)));
async function handle(event) {
  let response = await caches.default.match(event.request);
  if (!response) return fetch(event.request);
  response = new Response(response.body, response);
  response.headers.append('X-Cache', 'HIT');
  return response;
}`,
        }],
      }],
    },
    {
      name: 'Hono image proxy: delete on the upstream response, reported once',
      code: `app.get('/img/:key', async (c) => {
  const upstream = await fetch(\`https://images.example/\${c.req.param('key')}\`);
  upstream.headers.delete('Set-Cookie');
  upstream.headers.set('Cache-Control', 'public, max-age=86400');
  c.executionCtx.waitUntil(caches.default.put(c.req.raw, upstream.clone()));
  return upstream;
});`,
      errors: [{
        messageId: 'immutable', line: 3, column: 3, message: 'upstream.headers.delete()',
        suggestions: [{
          title: 'Copy upstream with new Response(upstream.body, upstream) first',
          output: `app.get('/img/:key', async (c) => {
  let upstream = await fetch(\`https://images.example/\${c.req.param('key')}\`);
  upstream = new Response(upstream.body, upstream);
  upstream.headers.delete('Set-Cookie');
  upstream.headers.set('Cache-Control', 'public, max-age=86400');
  c.executionCtx.waitUntil(caches.default.put(c.req.raw, upstream.clone()));
  return upstream;
});`,
        }],
      }],
    },
    {
      name: 'service binding fetch before ctx.waitUntil(cache.put)',
      code: `export default {
  async fetch(req, env, ctx) {
    const res = await env.BACKEND.fetch(req);
    res.headers.set('Cache-Control', 's-maxage=60');
    ctx.waitUntil(caches.default.put(req, res.clone()));
    return res;
  },
};`,
      errors: [{
        messageId: 'immutable', line: 4, column: 5,
        suggestions: [{
          title: 'Copy res with new Response(res.body, res) first',
          output: `export default {
  async fetch(req, env, ctx) {
    let res = await env.BACKEND.fetch(req);
    res = new Response(res.body, res);
    res.headers.set('Cache-Control', 's-maxage=60');
    ctx.waitUntil(caches.default.put(req, res.clone()));
    return res;
  },
};`,
        }],
      }],
    },
    {
      name: 'promise chain: then callback parameter (no suggestion)',
      code: `export default {
  fetch(req) {
    return fetch(req).then((res) => {
      res.headers.set('Access-Control-Allow-Origin', '*');
      return res;
    });
  },
};`,
      errors: [{ messageId: 'immutable', line: 4, column: 7 }],
    },
    {
      name: 'inline fetch',
      code: `export default {
  async fetch(req) {
    (await fetch(req)).headers.set('X-Debug', '1');
    return new Response('ok');
  },
};`,
      errors: [{ messageId: 'immutableInline', line: 3, column: 5 }],
    },
  ],
});
