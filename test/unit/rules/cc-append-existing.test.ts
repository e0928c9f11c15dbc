// Table tests for cc-append-existing.
import rule from '../../../server/src/rules/cache-control/cc-append-existing';
import { runRuleTests } from '../../harness/rule-tester';

runRuleTests(rule, {
  valid: [
    { name: 'set replaces the origin value', code: `export default {
  async fetch(request) {
    let res = await fetch(request);
    res = new Response(res.body, res);
    res.headers.set('Cache-Control', 'public, max-age=300');
    return res;
  },
};` },
    { name: 'a response the code built: cc-duplicate-directive sees both values', code: `export default {
  async fetch(req, env) {
    const res = new Response(await env.KV.get('k'), { headers: { 'Content-Type': 'text/html' } });
    res.headers.append('Cache-Control', 'max-age=60');
    return res;
  },
};` },
    { name: 'delete first: nothing inherited remains', code: `addEventListener('fetch', (event) => event.respondWith(handle(event.request)));
async function handle(request) {
  const upstream = await fetch(request);
  const res = new Response(upstream.body, upstream);
  res.headers.delete('Cache-Control');
  res.headers.append('Cache-Control', 's-maxage=120');
  return res;
}` },
    { name: 'other headers may be appended', code: `export async function onRequest(context) {
  const res = await context.next();
  res.headers.append('Vary', 'Accept-Encoding');
  return res;
}`, filename: 'functions/_middleware.ts' },
    { name: 'Hono append before next(): the handler sets its own value later', code: `app.use('*', async (c, next) => {
  c.header('Cache-Control', 'no-store', { append: true });
  await next();
});` },
    { name: 'a fetch() response itself: the append throws, cache-immutable-headers reports it', code: `export default {
  async fetch(request) {
    const res = await fetch(request);
    res.headers.append('Cache-Control', 'max-age=10');
    return res;
  },
};` },
    { name: 'new Response with an init object copies nothing', code: `router.get('/feed', async (request) => {
  const upstream = await fetch('https://origin.example/feed');
  const res = new Response(upstream.body, { status: upstream.status });
  res.headers.append('Cache-Control', 'public, max-age=60');
  return res;
});` },
  ],
  invalid: [
    {
      name: 'service worker: copy of the origin response',
      code: `addEventListener('fetch', (event) => event.respondWith(handle(event)));
async function handle(event) {
  const cache = caches.default;
  let response = await cache.match(event.request);
  if (!response) {
    response = await fetch(event.request);
    response = new Response(response.body, response);
    response.headers.append('Cache-Control', 's-maxage=120');
    event.waitUntil(cache.put(event.request, response.clone()));
  }
  return response;
}`,
      errors: [{ messageId: 'append', line: 8, column: 5, message: 'appended to a fetch() response', suggestions: [{ title: 'Use set() instead of append()', output: `addEventListener('fetch', (event) => event.respondWith(handle(event)));
async function handle(event) {
  const cache = caches.default;
  let response = await cache.match(event.request);
  if (!response) {
    response = await fetch(event.request);
    response = new Response(response.body, response);
    response.headers.set('Cache-Control', 's-maxage=120');
    event.waitUntil(cache.put(event.request, response.clone()));
  }
  return response;
}` }] }],
    },
    {
      name: 'module worker: a cache.match() copy',
      code: `export default {
  async fetch(request) {
    const hit = await caches.default.match(request);
    if (hit) {
      const res = new Response(hit.body, hit);
      res.headers.append('Cache-Control', 'max-age=30');
      return res;
    }
    return fetch(request);
  },
};`,
      errors: [{ messageId: 'append', line: 6, message: 'cache.match()', suggestions: [{ output: `export default {
  async fetch(request) {
    const hit = await caches.default.match(request);
    if (hit) {
      const res = new Response(hit.body, hit);
      res.headers.set('Cache-Control', 'max-age=30');
      return res;
    }
    return fetch(request);
  },
};` }] }],
    },
    {
      name: 'Pages Functions middleware: the page response from next()',
      filename: 'functions/_middleware.ts',
      code: `export const onRequest: PagesFunction = async ({ next }) => {
  const response = await next();
  response.headers.append('CDN-Cache-Control', 'max-age=600');
  return response;
};`,
      errors: [{ messageId: 'append', line: 3, message: 'CDN-Cache-Control appended to a next() response', suggestions: [{ output: `export const onRequest: PagesFunction = async ({ next }) => {
  const response = await next();
  response.headers.set('CDN-Cache-Control', 'max-age=600');
  return response;
};` }] }],
    },
    {
      name: 'Hono middleware after next()',
      code: `app.use('/static/*', async (c, next) => {
  await next();
  c.header('Cache-Control', 'public, max-age=3600', { append: true });
});`,
      errors: [{ messageId: 'append', line: 3, column: 3, suggestions: [{ title: 'Replace the value (drop { append: true })', output: `app.use('/static/*', async (c, next) => {
  await next();
  c.header('Cache-Control', 'public, max-age=3600');
});` }] }],
    },
    {
      name: 'Hono middleware: c.res after next()',
      code: `app.use(async (c, next) => {
  await next();
  c.res.headers.append('cache-control', 'max-age=60');
});`,
      errors: [{ messageId: 'append', line: 3, suggestions: [{ output: `app.use(async (c, next) => {
  await next();
  c.res.headers.set('cache-control', 'max-age=60');
});` }] }],
    },
    {
      name: 'itty-router: new Headers copied from the upstream response',
      code: `const CC = 'Cache-Control';
router.get('/img/:id', async (request) => {
  const upstream = await fetch(\`https://img.example/\${request.params.id}\`);
  const headers = new Headers(upstream.headers);
  headers.append(CC, 'public, max-age=86400');
  return new Response(upstream.body, { headers });
});`,
      errors: [{ messageId: 'append', line: 5, suggestions: [{ output: `const CC = 'Cache-Control';
router.get('/img/:id', async (request) => {
  const upstream = await fetch(\`https://img.example/\${request.params.id}\`);
  const headers = new Headers(upstream.headers);
  headers.set(CC, 'public, max-age=86400');
  return new Response(upstream.body, { headers });
});` }] }],
    },
    {
      name: 'class method: a service binding response copied',
      code: `export class Proxy {
  constructor(private env: Env) {}
  async handle(request: Request) {
    const origin = await this.env.ASSETS.fetch(request);
    const copy = new Response(origin.body, origin.clone());
    copy.headers.append('Cache-Control', 'max-age=60');
    return copy;
  }
}`,
      errors: [{ messageId: 'append', line: 6, suggestions: [{ output: `export class Proxy {
  constructor(private env: Env) {}
  async handle(request: Request) {
    const origin = await this.env.ASSETS.fetch(request);
    const copy = new Response(origin.body, origin.clone());
    copy.headers.set('Cache-Control', 'max-age=60');
    return copy;
  }
}` }] }],
    },
  ],
});
