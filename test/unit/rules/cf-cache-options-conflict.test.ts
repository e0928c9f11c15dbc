// Table tests for cf-cache-options-conflict.
import rule from '../../../server/src/rules/fetch/cf-cache-options-conflict';
import { runRuleTests } from '../../harness/rule-tester';

runRuleTests(rule, {
  valid: [
    // cacheControl alone.
    `export default {
  async fetch(request) {
    return fetch(request, { cf: { cacheControl: 'public, max-age=300' } });
  },
};`,
    // cacheTtl and cacheEverything without cacheControl.
    `addEventListener('fetch', (event) => {
  event.respondWith(fetch(event.request, { cf: { cacheTtl: 300, cacheEverything: true } }));
});`,
    // The cache option alone, in a Request.
    `export const onRequestGet = async ({ request }) => {
  const upstream = new Request(request.url, { cache: 'no-store', headers: request.headers });
  return fetch(upstream);
};`,
    // A local function named fetch is not the Fetch API.
    `function fetch(url: string, init: { cf: { cacheControl: string; cacheTtl: number } }) { return init.cf.cacheTtl; }
export const ttl = fetch('/a', { cf: { cacheControl: 'max-age=60', cacheTtl: 60 } });`,
    // A service binding's fetch is not checked, and cacheTtl set to undefined is not set.
    `import { Hono } from 'hono';
const app = new Hono();
app.get('/x', async (c) => {
  await c.env.API.fetch(c.req.raw, { cf: { cacheControl: 'max-age=60', cacheTtl: 60 } });
  return fetch(c.req.raw, { cf: { cacheControl: 'max-age=60', cacheTtl: undefined } });
});
export default app;`,
    // Options that are not known statically.
    `export default {
  async fetch(request, env) {
    const cf = env.CF_OPTIONS;
    return fetch(request, { cache: 'no-store', cf });
  },
};`,
  ],
  invalid: [
    {
      name: 'module worker: cacheControl with cacheTtl inline',
      code: `export default {
  async fetch(request) {
    return fetch(request, { cf: { cacheControl: 'public, max-age=60', cacheTtl: 60 } });
  },
};`,
      errors: [{ messageId: 'withCacheTtl', line: 3, column: 35, severity: 'error', message: 'cf.cacheTtl (line 3)' }],
    },
    {
      name: 'service worker: cache option with cf.cacheControl',
      code: `addEventListener('fetch', (event) => {
  event.respondWith(fetch(event.request, {
    cache: 'no-store',
    cf: { cacheControl: 'no-store' },
  }));
});`,
      errors: [{ messageId: 'withCacheMode', line: 4, column: 11, message: 'cache option (line 3)' }],
    },
    {
      name: 'new Request with both options, Pages Function',
      code: `export const onRequest = async ({ request }) => {
  const req = new Request(request.url, { cache: 'no-cache', cf: { cacheControl: 'max-age=0' } });
  return fetch(req);
};`,
      errors: [{ messageId: 'withCacheMode', line: 2, column: 67, message: 'new Request()' }],
    },
    {
      name: 'Hono: options built in a const, cf from another const',
      code: `import { Hono } from 'hono';
const CF = { cacheControl: 'public, max-age=600', cacheTtl: 600 };
const OPTIONS = { cf: CF };
const app = new Hono();
app.get('/img/*', (c) => fetch(c.req.raw, OPTIONS));
export default app;`,
      errors: [{ messageId: 'withCacheTtl', line: 5, column: 43, message: 'line 2' }],
    },
    {
      name: 'spread of a const cf object adds cacheTtl',
      code: `const EDGE = { cacheTtl: 3600, cacheEverything: true };
export default {
  async fetch(request: Request): Promise<Response> {
    return fetch(request, { cf: { ...EDGE, cacheControl: 'public, max-age=3600' } });
  },
};`,
      errors: [{ messageId: 'withCacheTtl', line: 4, column: 44, message: 'cf.cacheTtl (line 1)' }],
    },
    {
      name: 'spread of const request options adds the cache mode; globalThis.fetch',
      code: `const NO_STORE: RequestInit = { cache: 'no-store' };
export async function load(url: string) {
  return globalThis.fetch(url, { ...NO_STORE, cf: { cacheControl: 'no-store' } } as RequestInit);
}`,
      errors: [{ messageId: 'withCacheMode', line: 3, column: 53 }],
    },
  ],
});
