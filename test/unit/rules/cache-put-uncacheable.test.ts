// Table tests for cache-put-uncacheable.
import rule from '../../../server/src/rules/cache-api/cache-put-uncacheable';
import { runRuleTests } from '../../harness/rule-tester';

runRuleTests(rule, {
  valid: [
    // POST branch, but the cache key is the URL string (a GET key).
    `export default {
  async fetch(request, env, ctx) {
    if (request.method === 'POST') {
      const res = Response.json(await request.json());
      ctx.waitUntil(caches.default.put(request.url, res.clone()));
      return res;
    }
    return fetch(request);
  },
};`,
    // Early return for everything that is not GET: the put only sees GET requests.
    `export default {
  async fetch(request) {
    if (request.method !== 'GET') return fetch(request);
    const res = new Response('x', { headers: { 'Cache-Control': 'public, max-age=300' } });
    await caches.default.put(request, res.clone());
    return res;
  },
};`,
    // A fetched response of unknown shape stays clean.
    `addEventListener('fetch', (event) => event.respondWith(handle(event)));
async function handle(event) {
  const res = await fetch(event.request);
  event.waitUntil(caches.default.put(event.request.url, res.clone()));
  return res;
}`,
    // Set-Cookie added after the put, for the client only.
    `export default {
  async fetch(req) {
    const res = new Response('page', { headers: { 'Cache-Control': 'public, max-age=60' } });
    await caches.default.put(req.url, res.clone());
    res.headers.set('Set-Cookie', 'seen=1');
    return res;
  },
};`,
    // Set-Cookie deleted from the copy that is put.
    `export default {
  async fetch(req, env, ctx) {
    const res = new Response('page', { headers: { 'Set-Cookie': 'sid=abc', 'Cache-Control': 'max-age=600' } });
    const copy = res.clone();
    copy.headers.delete('Set-Cookie');
    ctx.waitUntil(caches.default.put(req.url, copy));
    return res;
  },
};`,
    // The documented workaround: private=Set-Cookie (token form; the quoted form is accepted too). app.get() guards the method.
    `app.get('/home', async (c) => {
  const res = new Response('home', { headers: { 'Set-Cookie': 'a=b', 'Cache-Control': 'private="Set-Cookie", max-age=600' } });
  const other = new Response('x', { headers: [['set-cookie', 'a=b'], ['cache-control', 'private=set-cookie, s-maxage=60']] });
  await caches.default.put(c.req.raw, other);
  c.executionCtx.waitUntil(caches.default.put(c.req.raw, res.clone()));
  return res;
});`,
    // A GET check dominates the put of the incoming request.
    `export default {\n  async fetch(request, env, ctx) {\n    const cache = caches.default;\n    let response = await cache.match(request);\n    if (!response && request.method === 'GET') {\n      response = new Response('x', { headers: { 'Cache-Control': 'public, max-age=60' } });\n      ctx.waitUntil(cache.put(request, response.clone()));\n    }\n    return response ?? fetch(request);\n  },\n};`,
    // new Request(request.url) is a GET key whatever the incoming method.
    `addEventListener('fetch', (event) => {\n  const key = new Request(event.request.url);\n  event.waitUntil(caches.default.put(key, new Response('x', { headers: { 'Cache-Control': 'max-age=60' } })));\n});`,
    // A Pages GET handler only sees GET requests.
    { filename: 'functions/api/[id].ts', code: `export const onRequestGet = async ({ request }) => {\n  const res = new Response('x', { headers: { 'Cache-Control': 'max-age=60' } });\n  await caches.default.put(request, res.clone());\n  return res;\n};` },
    // max-age=0 for browsers, s-maxage for the edge.
    `export default { async fetch(req) { const res = new Response('x', { headers: { 'Cache-Control': 'max-age=0, s-maxage=600' } }); await caches.default.put(req.url, res.clone()); return res; } };`,
    // Set-Cookie only on some paths: not statically known.
    `export default {\n  async fetch(req, env) {\n    const res = new Response('x', { headers: { 'Cache-Control': 'max-age=60' } });\n    if (env.DEBUG) res.headers.set('Set-Cookie', 'debug=1');\n    await caches.default.put(req.url, res.clone());\n    return res;\n  },\n};`,
    // GET routes, a GET Request and Hono's cache() middleware (another rule's business).
    `app.get('/items', async (c) => {\n  const key = new Request(c.req.url, { method: 'GET' });\n  await caches.default.put(key, Response.json([], { headers: { Vary: 'Accept-Encoding' } }));\n  return c.json([]);\n});\napp.get('*', cache({ cacheName: 'pages', cacheControl: 'no-store' }));`,
    // Cache-Control computed at runtime: unknown, so Set-Cookie may be exempted.
    `export const onRequestGet = async ({ request, env }) => {\n  const res = new Response('x', { headers: { 'Set-Cookie': 'a=b', 'Cache-Control': env.CC } });\n  await caches.default.put(request, res);\n};`,
    // A TS helper whose cache parameter is not traced.
    `interface Env { CACHE: KVNamespace }\nasync function store(cache: Cache, req: Request) {\n  await cache.put(new Request(req.url, { method: 'POST' }), new Response('x', { status: 206 }));\n}`,
  ],
  invalid: [
    {
      name: 'POST Request built inline as the key',
      code: `export default {
  async fetch(request) {
    const cache = caches.default;
    await cache.put(new Request(request.url, { method: 'POST', body: '{}' }), new Response('x'));
  },
};`,
      errors: [{
        messageId: 'nonGetRequest', line: 4, column: 21, severity: 'error', message: "method: 'POST' at line 4",
        suggestions: [{
          title: 'Use a GET cache key: new Request(request.url)',
          output: `export default {
  async fetch(request) {
    const cache = caches.default;
    await cache.put(new Request(request.url), new Response('x'));
  },
};`,
        }],
      }],
    },
    {
      name: 'incoming request inside a POST branch',
      code: `export default {
  async fetch(request, env, ctx) {
    if (request.method === 'POST' && env.CACHE_POSTS) {
      const res = Response.json(await request.clone().json());
      ctx.waitUntil(caches.default.put(request, res.clone()));
      return res;
    }
    return fetch(request);
  },
};`,
      errors: [{
        messageId: 'nonGetRequest', line: 5, column: 40, message: "request.method === 'POST' at line 3",
        suggestions: [{
          output: `export default {
  async fetch(request, env, ctx) {
    if (request.method === 'POST' && env.CACHE_POSTS) {
      const res = Response.json(await request.clone().json());
      ctx.waitUntil(caches.default.put(new Request(request.url), res.clone()));
      return res;
    }
    return fetch(request);
  },
};`,
        }],
      }],
    },
    {
      name: 'early return for GET: what follows is not GET',
      code: `addEventListener('fetch', (event) => event.respondWith(handle(event.request)));
async function handle(req) {
  if (req.method === 'GET') return fetch(req);
  const res = new Response('ok');
  await caches.default.put(req, res.clone());
  return res;
}`,
      errors: [{
        messageId: 'nonGetRequest', line: 5, column: 28, message: 'non-GET request',
        suggestions: [{
          output: `addEventListener('fetch', (event) => event.respondWith(handle(event.request)));
async function handle(req) {
  if (req.method === 'GET') return fetch(req);
  const res = new Response('ok');
  await caches.default.put(new Request(req.url), res.clone());
  return res;
}`,
        }],
      }],
    },
    {
      name: 'Hono POST route caching c.req.raw',
      code: `app.post('/search', async (c) => {
  const res = Response.json({ hits: [] });
  c.executionCtx.waitUntil(caches.default.put(c.req.raw, res.clone()));
  return res;
});`,
      errors: [{
        messageId: 'nonGetRequest', line: 3, column: 47, message: "app.post('/search') at line 1",
        suggestions: [{
          output: `app.post('/search', async (c) => {
  const res = Response.json({ hits: [] });
  c.executionCtx.waitUntil(caches.default.put(new Request(c.req.raw.url), res.clone()));
  return res;
});`,
        }],
      }],
    },
    {
      name: 'Pages Function onRequestPost',
      filename: 'functions/api/[id].ts',
      code: `export const onRequestPost: PagesFunction = async ({ request }) => {
  const cache = await caches.open('api');
  await cache.put(request, new Response('saved'));
  return new Response('saved');
};`,
      errors: [{
        messageId: 'nonGetRequest', line: 3, column: 19, message: 'onRequestPost',
        suggestions: [{
          output: `export const onRequestPost: PagesFunction = async ({ request }) => {
  const cache = await caches.open('api');
  await cache.put(new Request(request.url), new Response('saved'));
  return new Response('saved');
};`,
        }],
      }],
    },
    {
      name: 'status 206 and Vary: * both throw',
      code: `export default {
  async fetch(req, env) {
    const obj = await env.BUCKET.get('video', { range: req.headers });
    const res = new Response(obj.body, { status: 206 });
    res.headers.set('Vary', '*');
    await caches.default.put(req.url, res.clone());
    return res;
  },
};`,
      errors: [
        { messageId: 'partialContent', line: 6, column: 39, severity: 'error', message: 'set at line 4' },
        { messageId: 'varyStar', line: 6, column: 39, severity: 'error', message: 'set at line 5' },
      ],
    },
    {
      name: 'Set-Cookie with a literal Cache-Control: suggestion adds the token form private=Set-Cookie',
      code: `export default {
  async fetch(req, env, ctx) {
    const res = new Response('home', {
      headers: { 'Cache-Control': 'public, max-age=600', 'Set-Cookie': 'visited=1' },
    });
    ctx.waitUntil(caches.default.put(req.url, res.clone()));
    return res;
  },
};`,
      errors: [{
        messageId: 'setCookie', line: 6, column: 47, severity: 'warn', message: 'set at line 4',
        suggestions: [{
          output: `export default {
  async fetch(req, env, ctx) {
    const res = new Response('home', {
      headers: { 'Cache-Control': 'private=Set-Cookie, public, max-age=600', 'Set-Cookie': 'visited=1' },
    });
    ctx.waitUntil(caches.default.put(req.url, res.clone()));
    return res;
  },
};`,
        }],
      }],
    },
    {
      name: 'Set-Cookie with a double-quoted Cache-Control constant',
      code: `const CACHE_CONTROL = "public, max-age=300";
export default {
  async fetch(req) {
    const res = Response.json({ ok: true }, { headers: { "Cache-Control": CACHE_CONTROL } });
    res.headers.append("Set-Cookie", "sid=" + crypto.randomUUID());
    await caches.default.put(req.url, res.clone());
    return res;
  },
};`,
      errors: [{
        messageId: 'setCookie', line: 6, column: 39, message: 'set at line 5',
        suggestions: [{
          output: `const CACHE_CONTROL = "private=Set-Cookie, public, max-age=300";
export default {
  async fetch(req) {
    const res = Response.json({ ok: true }, { headers: { "Cache-Control": CACHE_CONTROL } });
    res.headers.append("Set-Cookie", "sid=" + crypto.randomUUID());
    await caches.default.put(req.url, res.clone());
    return res;
  },
};`,
        }],
      }],
    },
    {
      name: 'Set-Cookie without Cache-Control: no suggestion',
      code: `router.get('/p', async (request) => {
  const res = new Response('p', { headers: new Headers([['Set-Cookie', 'a=1']]) });
  await caches.default.put(request, res.clone());
  return res;
});`,
      errors: [{ messageId: 'setCookie', line: 3, column: 37, severity: 'warn' }],
    },
    {
      name: 'no-store set on a copy before the put',
      code: `export default {
  async fetch(req, env, ctx) {
    const upstream = await fetch(req);
    const res = new Response(upstream.body, upstream);
    res.headers.set('Cache-Control', 'no-store');
    ctx.waitUntil(caches.default.put(req.url, res.clone()));
    return res;
  },
};`,
      errors: [{ messageId: 'notStored', line: 6, column: 47, severity: 'warn', message: "Cache-Control 'no-store' (set at line 5) has 'no-store'" }],
    },
    {
      name: 'max-age=0 without s-maxage, and an unqualified private',
      code: `const { CACHE } = env;
export default {
  async fetch(req) {
    await caches.default.put(req.url, new Response('a', { headers: { 'cache-control': 'public, max-age=0' } }));
    await caches.default.put(req.url, new Response('b', { headers: { 'cache-control': 'private, max-age=60' } }));
    return new Response('ok');
  },
};`,
      errors: [
        { messageId: 'notStored', line: 4, column: 39, message: "'max-age=0' without s-maxage" },
        { messageId: 'notStored', line: 5, column: 39, message: "an unqualified 'private'" },
      ],
    },
    {
      name: 'switch on the method: PUT/POST case',
      code: `export default {
  async fetch(request) {
    switch (request.method) {
      case 'GET':
        return (await caches.default.match(request)) ?? fetch(request);
      case 'PUT':
      case 'POST':
        await caches.default.put(request, new Response(await request.text()));
        return new Response('stored');
    }
  },
};`,
      errors: [{
        messageId: 'nonGetRequest', line: 8, column: 34, message: 'PUT/POST request',
        suggestions: [{
          output: `export default {
  async fetch(request) {
    switch (request.method) {
      case 'GET':
        return (await caches.default.match(request)) ?? fetch(request);
      case 'PUT':
      case 'POST':
        await caches.default.put(new Request(request.url), new Response(await request.text()));
        return new Response('stored');
    }
  },
};`,
        }],
      }],
    },
    {
      name: 'no-cache="Set-Cookie" is documented only for Workers Cache: no exemption for the Cache API',
      code: `app.get('/home', async (c) => {\n  const res = new Response('x', { headers: [['set-cookie', 'a=b'], ['cache-control', 'no-cache="set-cookie", s-maxage=60']] });\n  await caches.default.put(c.req.raw, res.clone());\n  return res;\n});`,
      errors: [{ messageId: 'setCookie', line: 3, column: 39, message: 'no-cache="Set-Cookie"', suggestions: [
        { title: /private=Set-Cookie/, output: `app.get('/home', async (c) => {\n  const res = new Response('x', { headers: [['set-cookie', 'a=b'], ['cache-control', 'private=Set-Cookie, no-cache="set-cookie", s-maxage=60']] });\n  await caches.default.put(c.req.raw, res.clone());\n  return res;\n});` },
      ] }],
    },
    {
      name: 'a 304 is silently discarded',
      code: `app.get('/x', async (c) => {\n  const res = new Response(null, { status: 304 });\n  await caches.default.put(c.req.raw, res);\n  return res;\n});`,
      errors: [{ messageId: 'notModified', line: 3, column: 39, severity: 'warn', message: 'set at line 2' }],
    },
    {
      name: 'the incoming request with no GET guard: throws for non-GET methods',
      code: `export default {\n  async fetch(request, env, ctx) {\n    const res = await fetch(request);\n    ctx.waitUntil(caches.default.put(request, res.clone()));\n    return res;\n  },\n};`,
      errors: [{ messageId: 'unguardedIncoming', line: 4, column: 38, severity: 'warn', message: "'request' is the incoming request", suggestions: [
        { title: 'Use a GET cache key: new Request(request.url)', output: `export default {\n  async fetch(request, env, ctx) {\n    const res = await fetch(request);\n    ctx.waitUntil(caches.default.put(new Request(request.url), res.clone()));\n    return res;\n  },\n};` },
      ] }],
    },
    {
      name: 'a Request copied from the incoming one keeps its method',
      code: `addEventListener('fetch', (event) => {\n  const key = new Request(event.request.url, event.request);\n  event.waitUntil(caches.default.put(key, new Response('x')));\n});`,
      errors: [{ messageId: 'unguardedIncoming', line: 3, column: 38, message: "'key' copies the incoming request's method", suggestions: [
        { output: `addEventListener('fetch', (event) => {\n  const key = new Request(event.request.url, event.request);\n  event.waitUntil(caches.default.put(new Request(key.url), new Response('x')));\n});` },
      ] }],
    },
    {
      name: 'itty-router json() is followed',
      code: `import { AutoRouter, json } from 'itty-router';\nconst router = AutoRouter();\nrouter.get('/me', async (request) => {\n  const res = json({ ok: true }, { headers: { 'Set-Cookie': 'sid=1', 'Cache-Control': 'max-age=60' } });\n  await caches.default.put(request, res.clone());\n  return res;\n});`,
      errors: [{ messageId: 'setCookie', line: 5, column: 37, suggestions: [
        { output: `import { AutoRouter, json } from 'itty-router';\nconst router = AutoRouter();\nrouter.get('/me', async (request) => {\n  const res = json({ ok: true }, { headers: { 'Set-Cookie': 'sid=1', 'Cache-Control': 'private=Set-Cookie, max-age=60' } });\n  await caches.default.put(request, res.clone());\n  return res;\n});` },
      ] }],
    },
    {
      name: 'createResponse() from itty-router is followed',
      code: `import { createResponse } from 'itty-router';\nconst html = createResponse('text/html');\napp.get('/p', async (c) => {\n  const res = html('<p>x</p>', { status: 206 });\n  await caches.default.put(c.req.raw, res.clone());\n  return res;\n});`,
      errors: [{ messageId: 'partialContent', line: 5, column: 39 }],
    },
    {
      name: 'a response variable reassigned after cache.match() is followed',
      code: `export default {\n  async fetch(request, env, ctx) {\n    if (request.method !== 'GET') return fetch(request);\n    let response = await caches.default.match(request);\n    if (!response) {\n      response = new Response('x', { headers: { 'Cache-Control': 'private, max-age=60' } });\n      ctx.waitUntil(caches.default.put(request, response.clone()));\n    }\n    return response;\n  },\n};`,
      errors: [{ messageId: 'notStored', line: 7, column: 49, message: "an unqualified 'private'" }],
    },
  ],
});
