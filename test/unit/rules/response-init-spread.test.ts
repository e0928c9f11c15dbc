// Table tests for response-init-spread.
import rule from '../../../server/src/rules/cache-api/response-init-spread';
import { runRuleTests } from '../../harness/rule-tester';

runRuleTests(rule, {
  valid: [
    // The Response itself as the init keeps status and statusText.
    `export default {
  async fetch(request) {
    const res = await fetch(request);
    const out = new Response(res.body, res);
    out.headers.set('Cache-Control', 'public, max-age=600');
    return out;
  },
};`,
    // Spread with an explicit status after it.
    `export default {
  async fetch(request) {
    const res = await fetch(request);
    return new Response(res.body, { ...res, status: res.status, statusText: res.statusText, headers: { 'X-Proxy': '1' } });
  },
};`,
    // A plain object literal spread.
    `const BASE = { status: 200, headers: { 'Content-Type': 'text/html' } };
addEventListener('fetch', (event) => {
  event.respondWith(new Response('<p>hi</p>', { ...BASE, headers: { ...BASE.headers, 'Cache-Control': 'no-store' } }));
});`,
    // An unknown value (from a helper) is not assumed to be a Response.
    `import { Hono } from 'hono';
import { initFor } from './init';
const app = new Hono();
app.get('/page', async (c) => {
  const init = await initFor(c.req.path);
  return new Response('ok', { ...init, headers: { 'Cache-Control': 'public, max-age=60' } });
});
export default app;`,
    // A parameter named like options, and a variable holding a plain object.
    `export const onRequestGet = async ({ request }) => {
  const meta = { statusText: 'OK' };
  const build = (opts) => new Response('x', { ...opts, headers: { 'Cache-Control': 'no-cache' } });
  return new Response(await request.text(), { ...meta }) && build({ status: 201 });
};`,
    // A local class named Response is not the runtime's.
    `class Response { constructor(public body: string, public init: object) {} }
const res = { status: 404 };
export const page = new Response('x', { ...res });`,
  ],
  invalid: [
    {
      name: 'module worker: fetched response spread with new headers',
      code: `export default {
  async fetch(request) {
    const response = await fetch(request);
    return new Response(response.body, { ...response, headers: { 'Cache-Control': 'public, max-age=14400' } });
  },
};`,
      errors: [{
        messageId: 'spreadResponse', line: 4, column: 12, severity: 'error', message: '...response (line 4) spreads a Response (from fetch())',
        suggestions: [{
          title: 'Add status: response.status, statusText: response.statusText',
          output: `export default {
  async fetch(request) {
    const response = await fetch(request);
    return new Response(response.body, { ...response, status: response.status, statusText: response.statusText, headers: { 'Cache-Control': 'public, max-age=14400' } });
  },
};`,
        }],
      }],
    },
    {
      name: 'service worker: cache.match() result spread',
      code: `addEventListener('fetch', (event) => event.respondWith(handle(event.request)));
async function handle(request) {
  const cached = await caches.default.match(request);
  if (cached) return new Response(cached.body, { ...cached });
  return fetch(request);
}`,
      errors: [{
        messageId: 'spreadResponse', line: 4, column: 22, message: 'from cache.match()',
        suggestions: [{
          output: `addEventListener('fetch', (event) => event.respondWith(handle(event.request)));
async function handle(request) {
  const cached = await caches.default.match(request);
  if (cached) return new Response(cached.body, { ...cached, status: cached.status, statusText: cached.statusText });
  return fetch(request);
}`,
        }],
      }],
    },
    {
      name: 'Hono: init built in a const from a typed parameter',
      code: `import { Hono } from 'hono';
function withCors(res: Response): Response {
  const init = { ...res, headers: { 'Access-Control-Allow-Origin': '*' } };
  return new Response(res.body, init);
}
const app = new Hono();
app.get('/api/*', async (c) => withCors(await fetch(c.req.raw)));
export default app;`,
      errors: [{
        messageId: 'spreadResponse', line: 4, column: 10, message: '...res (line 3) spreads a Response (typed Response)',
        suggestions: [{
          output: `import { Hono } from 'hono';
function withCors(res: Response): Response {
  const init = { ...res, status: res.status, statusText: res.statusText, headers: { 'Access-Control-Allow-Origin': '*' } };
  return new Response(res.body, init);
}
const app = new Hono();
app.get('/api/*', async (c) => withCors(await fetch(c.req.raw)));
export default app;`,
        }],
      }],
    },
    {
      name: 'Pages Function: ASSETS binding response, untyped parameter named res in a helper',
      code: `const cacheable = (res) => new Response(res.body, { ...res, headers: { 'Cache-Control': 'public, max-age=31536000' } });
export const onRequest = async (context) => {
  const asset = await context.env.ASSETS.fetch(context.request);
  return new Response(asset.body, { ...asset }) && cacheable(asset);
};`,
      errors: [
        { messageId: 'spreadResponse', line: 1, column: 28, message: 'parameter named res', suggestions: [{ output: `const cacheable = (res) => new Response(res.body, { ...res, status: res.status, statusText: res.statusText, headers: { 'Cache-Control': 'public, max-age=31536000' } });
export const onRequest = async (context) => {
  const asset = await context.env.ASSETS.fetch(context.request);
  return new Response(asset.body, { ...asset }) && cacheable(asset);
};` }] },
        { messageId: 'spreadResponse', line: 4, column: 10, message: 'from context.env.ASSETS.fetch()', suggestions: [{ output: `const cacheable = (res) => new Response(res.body, { ...res, headers: { 'Cache-Control': 'public, max-age=31536000' } });
export const onRequest = async (context) => {
  const asset = await context.env.ASSETS.fetch(context.request);
  return new Response(asset.body, { ...asset, status: asset.status, statusText: asset.statusText }) && cacheable(asset);
};` }] },
      ],
    },
    {
      name: 'spread of a fetch call directly: no suggestion (it would fetch again)',
      code: `export default {
  async fetch(request: Request): Promise<Response> {
    return new Response('proxied', { ...(await fetch(request)), headers: { 'Cache-Control': 'max-age=60' } });
  },
};`,
      errors: [{ messageId: 'spreadResponse', line: 3, column: 12, message: 'from fetch()' }],
    },
    {
      name: 'new Response() and a cast',
      code: `export default {
  async fetch(request, env) {
    const base = new Response('fallback', { status: 503 });
    const upstream = (await env.KV.get('page', 'json')) as Response;
    const a = new Response('x', { ...base });
    const b = new Response('y', { ...upstream, headers: { 'Cache-Control': 'public, max-age=60' } });
    return request.url.endsWith('/a') ? a : b;
  },
};`,
      errors: [
        { messageId: 'spreadResponse', line: 5, column: 15, message: 'from new Response()', suggestions: [{ output: `export default {
  async fetch(request, env) {
    const base = new Response('fallback', { status: 503 });
    const upstream = (await env.KV.get('page', 'json')) as Response;
    const a = new Response('x', { ...base, status: base.status, statusText: base.statusText });
    const b = new Response('y', { ...upstream, headers: { 'Cache-Control': 'public, max-age=60' } });
    return request.url.endsWith('/a') ? a : b;
  },
};` }] },
        { messageId: 'spreadResponse', line: 6, column: 15, message: 'cast to Response', suggestions: [{ output: `export default {
  async fetch(request, env) {
    const base = new Response('fallback', { status: 503 });
    const upstream = (await env.KV.get('page', 'json')) as Response;
    const a = new Response('x', { ...base });
    const b = new Response('y', { ...upstream, status: upstream.status, statusText: upstream.statusText, headers: { 'Cache-Control': 'public, max-age=60' } });
    return request.url.endsWith('/a') ? a : b;
  },
};` }] },
      ],
    },
  ],
});
