// Table tests for cf-cache-personalized.
import rule from '../../../server/src/rules/fetch/cf-cache-personalized';
import { runRuleTests } from '../../harness/rule-tester';

runRuleTests(rule, {
  valid: [
    // A URL built without the client's headers.
    `export default {
  async fetch(request) {
    const url = new URL(request.url);
    return fetch(\`https://origin.example.com\${url.pathname}\`, { cf: { cacheTtl: 300, cacheEverything: true } });
  },
};`,
    // Guarded: only anonymous visitors reach the cached fetch.
    `export default {
  async fetch(request) {
    if (request.headers.get('Cookie')?.includes('session=')) return fetch(request);
    return fetch(request, { cf: { cacheTtl: 60 } });
  },
};`,
    // Credentials stripped before forwarding (service worker).
    `addEventListener('fetch', (event) => event.respondWith(handle(event.request)));
async function handle(request) {
  const upstream = new Request(request);
  upstream.headers.delete('Cookie');
  upstream.headers.delete('Authorization');
  return fetch(upstream, { cf: { cacheTtl: 600 } });
}`,
    // cacheEverything alone keeps Set-Cookie and respects the origin's headers; negative TTLs do not cache.
    `import { Hono } from 'hono';
const app = new Hono();
app.get('/page/*', (c) => fetch(c.req.raw, { cf: { cacheEverything: true } }));
app.get('/api/*', (c) => fetch(c.req.raw, { cf: { cacheTtlByStatus: { '200-299': -1, '404': 1 } } }));
app.get('/live/*', (c) => fetch(c.req.raw, { cf: { cacheTtl: 0 } }));
export default app;`,
    // A helper whose local callers pass a constructed request, not the client's.
    `async function cached(req: Request) {
  return fetch(req, { cf: { cacheTtl: 3600 } });
}
export default {
  async fetch(request: Request) {
    return cached(new Request('https://api.example.com/feed'));
  },
};`,
    // A service binding's fetch is not the zone cache.
    `export const onRequest = async ({ request, env }) => env.BACKEND.fetch(request, { cf: { cacheTtl: 60 } });`,
    // Exported helper with no local callers: who passes what cannot be known.
    `export async function proxy(request: Request) {
  return fetch(request, { cf: { cacheTtl: 120 } });
}`,
    // The Worker's own credential, not the client's.
    `export default {
  async fetch(request: Request, env: { API_KEY: string }) {
    return fetch('https://api.example.com/catalog', { headers: { Authorization: \`Bearer \${env.API_KEY}\` }, cf: { cacheTtl: 600 } });
  },
};`,
    // Explicit init headers replace the forwarded request's own (Fetch standard), so its Cookie is not sent.
    `export default {
  async fetch(request: Request) {
    return fetch(request, { headers: { Accept: 'text/html' }, cf: { cacheTtl: 300 } });
  },
};`,
  ],
  invalid: [
    {
      name: 'module worker forwards the request with cacheTtl',
      code: `export default {
  async fetch(request) {
    return fetch(request, { cf: { cacheTtl: 300, cacheEverything: true } });
  },
};`,
      errors: [{ messageId: 'personalized', line: 3, column: 18, severity: 'warn', message: "cf.cacheTtl caches a fetch of the client's request (request): others may get this response." }],
    },
    {
      name: 'service worker: helper called with event.request (template style)',
      code: `async function handleRequest(request) {
  const response = await fetch(request, {
    cf: {
      cacheTtl: 5,
      cacheEverything: true,
    },
  });
  return new Response(response.body, response);
}
addEventListener('fetch', (event) => {
  event.respondWith(handleRequest(event.request));
});`,
      errors: [{ messageId: 'personalized', line: 2, column: 32 }],
    },
    {
      name: 'options in a conditional const, cacheTtlByStatus covering 200',
      code: `export default {
  async fetch(request: Request, env: { TTL: string }) {
    const ttl = Number(env.TTL);
    const init = ttl > 0 ? { cf: { cacheTtlByStatus: { '200-299': ttl, '404': 1, '500-599': 0 }, cacheEverything: true } } : {};
    return fetch(request, init);
  },
};`,
      errors: [{ messageId: 'personalized', line: 5, column: 18, message: 'cf.cacheTtlByStatus' }],
    },
    {
      name: 'Pages Function forwards the request headers',
      filename: 'functions/api/[[path]].ts',
      code: `export const onRequestGet = async ({ request }) => {
  const url = new URL(request.url);
  url.hostname = 'backend.example.com';
  return fetch(url.toString(), { headers: request.headers, cf: { cacheTtl: 86400 } });
};`,
      errors: [{ messageId: 'personalized', line: 4, column: 34, message: "cf.cacheTtl caches a fetch with the client's headers (request.headers):" }],
    },
    {
      name: 'Hono: a copy of c.req.raw',
      code: `import { Hono } from 'hono';
const app = new Hono();
app.get('/docs/*', async (c) => {
  const upstream = new Request(c.req.raw);
  return fetch(upstream, { cf: { cacheTtl: 3600 } });
});
export default app;`,
      errors: [{ messageId: 'personalized', line: 5, column: 16, message: '(upstream)' }],
    },
    {
      name: 'itty-router handler, cf options in a const object with a spread',
      code: `import { AutoRouter } from 'itty-router';
const EDGE = { cacheTtl: 900, cacheEverything: true };
const router = AutoRouter();
router.get('/blog/*', (request) => fetch(request, { cf: { ...EDGE } }));
export default router;`,
      errors: [{ messageId: 'personalized', line: 4, column: 42 }],
    },
    {
      name: 'class method forwarding an Authorization header',
      code: `export default class extends WorkerEntrypoint {
  async fetch(request: Request) {
    const token = request.headers.get('x-api-key') ?? '';
    return fetch('https://api.example.com/me', { headers: { Authorization: \`Bearer \${token}\` }, cf: { cacheTtl: 60 } });
  }
}`,
      errors: [{ messageId: 'personalized', line: 4, column: 61, message: 'a fetch with the request header x-api-key as Authorization:' }],
    },
    {
      name: 'service worker: a clone of the incoming request',
      code: `addEventListener('fetch', (event) => {
  event.respondWith(fetch(event.request.clone(), { cf: { cacheTtl: 120 } }));
});`,
      errors: [{ messageId: 'personalized', line: 2, column: 27, message: "of the client's request (event.request.clone())" }],
    },
    {
      name: 'a Request built with the client headers',
      code: `export default {
  async fetch(request: Request) {
    const upstream = new Request('https://origin.example.com/feed', { headers: request.headers });
    return fetch(upstream, { cf: { cacheTtl: 600 } });
  },
};`,
      errors: [{ messageId: 'personalized', line: 4, column: 18, message: '(upstream)' }],
    },
    {
      name: 'helper across callers: one passes the client request, another a constructed one',
      code: `async function cached(req: Request) {
  return fetch(req, { cf: { cacheTtl: 3600 } });
}
export default {
  async fetch(request: Request) {
    if (new URL(request.url).pathname === '/feed') return cached(new Request('https://api.example.com/feed'));
    return cached(request);
  },
};`,
      errors: [{ messageId: 'personalized', line: 2, column: 16, message: '(req)' }],
    },
  ],
});
