// Table tests for cache-put-body-reuse.
import rule from '../../../server/src/rules/cache-api/cache-put-body-reuse';
import { runRuleTests } from '../../harness/rule-tester';

runRuleTests(rule, {
  valid: [
    // The documented pattern: put a clone, return the original.
    `export default {
  async fetch(request, env, ctx) {
    const response = await fetch(request);
    ctx.waitUntil(caches.default.put(request, response.clone()));
    return response;
  },
};`,
    // Clone first, put the copy.
    `export default {
  async fetch(req, env, ctx) {
    const res = await fetch(req);
    const copy = res.clone();
    await caches.default.put(req, copy);
    return res;
  },
};`,
    // Only status and headers are read after the put: the body is not touched.
    `export default {
  async fetch(req) {
    const res = await fetch(req);
    await caches.default.put(req, res);
    return new Response(null, { status: res.status, headers: res.headers });
  },
};`,
    // The put and the return are in exclusive branches.
    `addEventListener('fetch', (event) => event.respondWith(handle(event.request)));
async function handle(request) {
  const res = await fetch(request);
  if (request.method === 'GET') {
    await caches.default.put(request, res);
  } else {
    return res;
  }
  return caches.default.match(request);
}`,
    // The branch with the put returns before the later use.
    `app.get('/feed', async (c) => {
  const res = await fetch('https://origin.example/feed');
  if (res.ok) {
    await caches.default.put(c.req.raw, res);
    return c.text('stored');
  }
  return res;
});`,
    // A body read on a clone before the put, and an error path that reads and throws.
    `export const onRequestGet = async ({ request }) => {
  const res = await fetch(request);
  if (!res.ok) {
    const message = await res.text();
    throw new Error(message);
  }
  const preview = await res.clone().text();
  await (await caches.open('pages')).put(request, res);
  return new Response(preview);
};`,
    // A fresh Response per use.
    `export default {
  async fetch(req, env) {
    const body = await env.CACHE.get('page');
    await caches.default.put(req, new Response(body));
    return new Response(body);
  },
};`,
    // Reassigned between the put and the return: a different Response is returned.
    `export default {
  async fetch(req) {
    let res = await fetch(req);
    await caches.default.put(req, res);
    res = await caches.default.match(req);
    return res;
  },
};`,
    // Responses without a body (redirects, 204s) cannot have their body used up.
    `export default {
  async fetch(req, env, ctx) {
    const moved = Response.redirect('https://example.com/new', 301);
    ctx.waitUntil(caches.default.put(req, moved));
    const empty = new Response(null, { status: 204 });
    await caches.default.put(new Request(req.url + '?empty'), empty);
    return req.url.endsWith('/old') ? moved : empty;
  },
};`,
    // A put on a non-Cache API object is not this rule's business.
    `export default { async fetch(req, env) { const res = await fetch(req); await env.BUCKET.put('k', res.body); return new Response('ok'); } };`,
  ],
  invalid: [
    {
      name: 'module worker: await put then return',
      code: `export default {
  async fetch(request) {
    const cache = caches.default;
    const response = new Response('hello');
    await cache.put(request, response);
    return response;
  },
};`,
      errors: [{ messageId: 'usedAfterPut', line: 5, column: 30, severity: 'error', message: 'returned at line 6' }],
      output: `export default {
  async fetch(request) {
    const cache = caches.default;
    const response = new Response('hello');
    await cache.put(request, response.clone());
    return response;
  },
};`,
    },
    {
      name: 'ctx.waitUntil(put) then return, miss path of a read-through',
      code: `export default {
  async fetch(request, env, ctx) {
    let res = await caches.default.match(request);
    if (!res) {
      res = await fetch(request);
      ctx.waitUntil(caches.default.put(request, res));
    }
    return res;
  },
};`,
      errors: [{ messageId: 'usedAfterPut', line: 6, column: 49 }],
      output: `export default {
  async fetch(request, env, ctx) {
    let res = await caches.default.match(request);
    if (!res) {
      res = await fetch(request);
      ctx.waitUntil(caches.default.put(request, res.clone()));
    }
    return res;
  },
};`,
    },
    {
      name: 'service worker: event.waitUntil then return from a helper',
      code: `addEventListener('fetch', (event) => event.respondWith(handle(event)));
async function handle(event) {
  const response = await fetch(event.request);
  event.waitUntil(caches.default.put(event.request, response));
  return response;
}`,
      errors: [{ messageId: 'usedAfterPut', line: 4, column: 53 }],
      output: `addEventListener('fetch', (event) => event.respondWith(handle(event)));
async function handle(event) {
  const response = await fetch(event.request);
  event.waitUntil(caches.default.put(event.request, response.clone()));
  return response;
}`,
    },
    {
      name: 'Hono: body re-wrapped after the put',
      code: `app.get('/img/:id', async (c) => {
  const upstream = await fetch(\`https://origin.example/\${c.req.param('id')}\`);
  c.executionCtx.waitUntil(caches.default.put(c.req.raw, upstream));
  return new Response(upstream.body, upstream);
});`,
      errors: [{ messageId: 'usedAfterPut', line: 3, column: 58, message: 'its .body is used at line 4' }],
      output: `app.get('/img/:id', async (c) => {
  const upstream = await fetch(\`https://origin.example/\${c.req.param('id')}\`);
  c.executionCtx.waitUntil(caches.default.put(c.req.raw, upstream.clone()));
  return new Response(upstream.body, upstream);
});`,
    },
    {
      name: 'TS helper with a cast: read with .json() after the put',
      code: `async function store(req: Request, res: Response): Promise<unknown> {
  const cache = await caches.open('api');
  await cache.put(req, res as Response);
  return res.json();
}`,
      errors: [{ messageId: 'usedAfterPut', line: 3, column: 24, message: 'read with .json()' }],
      output: `async function store(req: Request, res: Response): Promise<unknown> {
  const cache = await caches.open('api');
  await cache.put(req, res.clone() as Response);
  return res.json();
}`,
    },
    {
      name: 'member expression argument',
      code: `class Handler {
  res?: Response;
  async save(req: Request) {
    await caches.default.put(req, this.res!);
    return this.res;
  }
}`,
      errors: [{ messageId: 'usedAfterPut', line: 4, column: 35 }],
      output: `class Handler {
  res?: Response;
  async save(req: Request) {
    await caches.default.put(req, this.res!.clone());
    return this.res;
  }
}`,
    },
    {
      name: 'body read before the put (suggestion, no fix)',
      code: `export default {
  async fetch(req) {
    const res = await fetch(req);
    const body = await res.text();
    await caches.default.put(req, res);
    return new Response(body);
  },
};`,
      errors: [{
        messageId: 'readBeforePut', line: 5, column: 35, message: 'read with .text() at line 4',
        suggestions: [{
          title: 'Read res.clone().text() instead',
          output: `export default {
  async fetch(req) {
    const res = await fetch(req);
    const body = await res.clone().text();
    await caches.default.put(req, res);
    return new Response(body);
  },
};`,
        }],
      }],
    },
    {
      name: 'itty-router: returned from a ternary after the put',
      code: `router.get('/api/:id', async (request, env, ctx) => {
  const res = Response.json(await env.KV.get(request.params.id, 'json'));
  await caches.default.put(request, res);
  return request.query.raw ? res : Response.json({ ok: true });
});`,
      errors: [{ messageId: 'usedAfterPut', line: 3, column: 37, message: 'returned at line 4' }],
      output: `router.get('/api/:id', async (request, env, ctx) => {
  const res = Response.json(await env.KV.get(request.params.id, 'json'));
  await caches.default.put(request, res.clone());
  return request.query.raw ? res : Response.json({ ok: true });
});`,
    },
    {
      name: 'two caches get the same response',
      code: `export default {
  async fetch(req) {
    const res = await fetch(req);
    const named = await caches.open('v2');
    await caches.default.put(req, res);
    await named.put(req, res.clone());
    return new Response('ok');
  },
};`,
      errors: [{ messageId: 'usedAfterPut', line: 5, column: 35, message: 'cloned at line 6' }],
      output: `export default {
  async fetch(req) {
    const res = await fetch(req);
    const named = await caches.open('v2');
    await caches.default.put(req, res.clone());
    await named.put(req, res.clone());
    return new Response('ok');
  },
};`,
    },
    {
      name: 'promise chain: put and return in the same callback',
      code: `export default {
  fetch(req, env, ctx) {
    return fetch(req).then((res) => {
      ctx.waitUntil(caches.default.put(req, res));
      return res;
    });
  },
};`,
      errors: [{ messageId: 'usedAfterPut', line: 4, column: 45, message: 'returned at line 5' }],
      output: `export default {
  fetch(req, env, ctx) {
    return fetch(req).then((res) => {
      ctx.waitUntil(caches.default.put(req, res.clone()));
      return res;
    });
  },
};`,
    },
  ],
});
