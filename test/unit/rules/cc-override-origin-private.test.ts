// Table tests for cc-override-origin-private.
import rule from '../../../server/src/rules/cache-control/cc-override-origin-private';
import { runRuleTests } from '../../harness/rule-tester';

/** Workers Cache on: the Worker's own responses are stored by Cloudflare (domain.md A6). */
const WC = { 'wrangler.toml': 'name = "app"\nmain = "src/index.ts"\ncompatibility_date = "2026-08-01"\n\n[cache]\nenabled = true\n' };

runRuleTests(rule, {
  valid: [
    { name: 'max-age alone on a Worker response with no cache storing it: browsers only', code: `export default {
  async fetch(request) {
    let res = await fetch(request);
    res = new Response(res.body, res);
    res.headers.set('Cache-Control', 'max-age=1500');
    return res;
  },
};` },
    { name: 'static files are the same for everyone', code: `export default {
  async fetch(request) {
    const url = new URL(request.url);
    if (/\\.(?:css|js|png)$/.test(url.pathname)) {
      const res = new Response((await fetch(request)).body);
      const copy = new Response(res.body, await fetch(request));
      copy.headers.set('Cache-Control', 'public, max-age=31536000, immutable');
      return copy;
    }
    return fetch(request);
  },
};` },
    { name: 'a helper named for static assets', code: `async function serveStaticAsset(request) {
  const upstream = await fetch(request);
  const headers = new Headers(upstream.headers);
  headers.set('Cache-Control', 'public, max-age=31536000');
  return new Response(upstream.body, { headers });
}
addEventListener('fetch', (event) => event.respondWith(serveStaticAsset(event.request)));` },
    { name: 'a URL fetched without the client headers (domain.md §F)', code: `export default {
  async fetch(request) {
    const url = new URL(request.url);
    return fetch(\`https://api.example\${url.pathname}\`, { cf: { cacheTtl: 300, cacheEverything: true } });
  },
};` },
    { name: 'the origin Cache-Control is checked first', code: `export default {
  async fetch(request) {
    let res = await fetch(request);
    res = new Response(res.body, res);
    const origin = res.headers.get('Cache-Control') ?? '';
    if (!origin.includes('private') && !origin.includes('no-store')) res.headers.set('Cache-Control', 'public, max-age=3600');
    return res;
  },
};` },
    { name: 'the caller bypasses requests with cookies', code: `addEventListener('fetch', (event) => event.respondWith(handle(event.request)));
async function handle(request) {
  if (request.headers.has('Cookie') || request.headers.has('Authorization')) return fetch(request);
  return cached(request);
}
async function cached(request) {
  let res = await fetch(request);
  res = new Response(res.body, res);
  res.headers.set('Cache-Control', 'public, s-maxage=600');
  return res;
}` },
    { name: 'private caching only', code: `export default {
  async fetch(request) {
    let res = await fetch(request);
    res = new Response(res.body, res);
    res.headers.set('Cache-Control', 'private, max-age=60');
    return res;
  },
};` },
    { name: 'explicit headers replace the client ones', code: `router.get('/feed', async (request) => {
  const upstream = await fetch(request.url, { headers: { accept: 'application/json' } });
  const res = new Response(upstream.body, upstream);
  res.headers.set('Cache-Control', 'public, max-age=300');
  return res;
});` },
    { name: 'cacheTtl 0 or negative does not force caching', code: `export default { fetch: (request) => fetch(request, { cf: { cacheTtl: -1 } }) };` },
    { name: 'Hono: the cookie is read with getCookie', code: `app.get('/page/*', async (c) => {
  if (getCookie(c, 'session')) return fetch(c.req.raw);
  const r = await fetch(c.req.raw);
  return new Response(r.body, { status: r.status, headers: { 'Cache-Control': 'public, max-age=600' } });
});` },
  ],
  invalid: [
    {
      name: 'service worker: append s-maxage on the forwarded request\'s response',
      code: `addEventListener('fetch', (event) => event.respondWith(handleRequest(event)));
async function handleRequest(event) {
  const request = event.request;
  const cache = caches.default;
  let response = await cache.match(request);
  if (!response) {
    response = await fetch(request);
    response = new Response(response.body, response);
    response.headers.append('Cache-Control', 's-maxage=120');
    event.waitUntil(cache.put(request, response.clone()));
  }
  return response;
}`,
      errors: [{ messageId: 'override', line: 9, column: 46, message: "'s-maxage=120'", suggestions: [{ output: `addEventListener('fetch', (event) => event.respondWith(handleRequest(event)));
async function handleRequest(event) {
  const request = event.request;
  const cache = caches.default;
  let response = await cache.match(request);
  if (!response) {
    response = await fetch(request);
    response = new Response(response.body, response);
    if (!/private|no-store/i.test(response.headers.get('Cache-Control') ?? '') && !response.headers.has('Set-Cookie')) response.headers.append('Cache-Control', 's-maxage=120');
    event.waitUntil(cache.put(request, response.clone()));
  }
  return response;
}` }] }],
    },
    {
      name: 'module worker: set public on a copy',
      code: `export default {
  async fetch(request, env, ctx) {
    let res = await fetch(request);
    res = new Response(res.body, res);
    res.headers.set('Cache-Control', 'public, max-age=3600');
    return res;
  },
};`,
      errors: [{ messageId: 'override', line: 5, message: "'public'", suggestions: [{ title: /Only when the origin/, output: `export default {
  async fetch(request, env, ctx) {
    let res = await fetch(request);
    res = new Response(res.body, res);
    if (!/private|no-store/i.test(res.headers.get('Cache-Control') ?? '') && !res.headers.has('Set-Cookie')) res.headers.set('Cache-Control', 'public, max-age=3600');
    return res;
  },
};` }] }],
    },
    {
      name: 'helper: the request comes from the caller; logging the origin value is no check',
      code: `addEventListener('fetch', (event) => {
  let request = event.request;
  event.respondWith(getOrigin(request));
});
async function getOrigin(request) {
  let originResponse = await fetch(request);
  originResponse = new Response(originResponse.body, originResponse);
  originResponse.headers.delete('Set-Cookie');
  console.log('before: ' + JSON.stringify(originResponse.headers.get('Cache-Control')));
  originResponse.headers.set('Cache-Control', 'public, s-maxage=604800, max-age=0');
  return originResponse;
}`,
      errors: [{ messageId: 'override', line: 10, suggestions: [{ output: `addEventListener('fetch', (event) => {
  let request = event.request;
  event.respondWith(getOrigin(request));
});
async function getOrigin(request) {
  let originResponse = await fetch(request);
  originResponse = new Response(originResponse.body, originResponse);
  originResponse.headers.delete('Set-Cookie');
  console.log('before: ' + JSON.stringify(originResponse.headers.get('Cache-Control')));
  if (!/private|no-store/i.test(originResponse.headers.get('Cache-Control') ?? '') && !originResponse.headers.has('Set-Cookie')) originResponse.headers.set('Cache-Control', 'public, s-maxage=604800, max-age=0');
  return originResponse;
}` }] }],
    },
    {
      name: 'cf.cacheTtl on the incoming request',
      code: `export default {
  async fetch(request) {
    return fetch(request, { cf: { cacheTtl: 300, cacheEverything: true } });
  },
};`,
      errors: [{ messageId: 'cfTtl', line: 3, column: 35, message: 'cf.cacheTtl caches' }],
    },
    {
      name: 'Hono: new Response around the forwarded body',
      code: `app.get('/api/*', async (c) => {
  const r = await fetch(c.req.raw);
  return new Response(r.body, { status: r.status, headers: { 'Cache-Control': 'public, max-age=600' } });
});`,
      errors: [{ messageId: 'override', line: 3, column: 79 }],
    },
    {
      name: 'itty-router: the client headers forwarded explicitly, Workers Cache on',
      files: WC,
      code: `router.get('/feed', async (request) => {
  const upstream = await fetch('https://origin.example/feed', { headers: request.headers });
  const res = new Response(upstream.body, upstream);
  res.headers.set('Cache-Control', 'max-age=300');
  return res;
});`,
      errors: [{ messageId: 'override', line: 4, message: "'max-age=300'", suggestions: [{ output: `router.get('/feed', async (request) => {
  const upstream = await fetch('https://origin.example/feed', { headers: request.headers });
  const res = new Response(upstream.body, upstream);
  if (!/private|no-store/i.test(res.headers.get('Cache-Control') ?? '') && !res.headers.has('Set-Cookie')) res.headers.set('Cache-Control', 'max-age=300');
  return res;
});` }] }],
    },
    {
      name: 'Pages Function: a Request copied from the incoming one, cacheTtlByStatus',
      filename: 'functions/[[path]].ts',
      code: `export const onRequestGet: PagesFunction = async ({ request }) => {
  const url = new URL(request.url);
  const upstream = new Request('https://origin.example' + url.pathname, request);
  return fetch(upstream, { cf: { cacheTtlByStatus: { '200-299': 86400, '404': 1 } } });
};`,
      errors: [{ messageId: 'cfTtl', line: 4, message: 'cf.cacheTtlByStatus' }],
    },
    {
      name: 'class: CDN-Cache-Control on a copy',
      code: `export default class Proxy {
  async fetch(request: Request) {
    const origin = await fetch(request);
    const res = new Response(origin.body, origin);
    res.headers.set('CDN-Cache-Control', 's-maxage=86400');
    return res;
  }
}`,
      errors: [{ messageId: 'override', line: 5, suggestions: [{ output: `export default class Proxy {
  async fetch(request: Request) {
    const origin = await fetch(request);
    const res = new Response(origin.body, origin);
    if (!/private|no-store/i.test(res.headers.get('Cache-Control') ?? '') && !res.headers.has('Set-Cookie')) res.headers.set('CDN-Cache-Control', 's-maxage=86400');
    return res;
  }
}` }] }],
    },
    {
      name: "a client header forwarded as Authorization, cf.cacheTtl forces caching",
      code: `export default {
  async fetch(request: Request) {
    const key = request.headers.get('x-api-key') ?? '';
    return fetch('https://api.example.com/me', { headers: { Authorization: \`Bearer \${key}\` }, cf: { cacheTtl: 300 } });
  },
};`,
      errors: [{ messageId: 'cfTtl', line: 4, message: 'cf.cacheTtl caches a response' }],
    },
  ],
});
