// Table tests for cf-ineffective-option.
import rule from '../../../server/src/rules/fetch/cf-ineffective-option';
import { runRuleTests } from '../../harness/rule-tester';

runRuleTests(rule, {
  valid: [
    // GET subrequest with cacheTtl alone; cacheTags works on every plan.
    `export default {
  async fetch(request) {
    return fetch(request, { cf: { cacheTtl: 300, cacheTags: ['blog'] } });
  },
};`,
    // cacheEverything without cacheTtl is not redundant; cacheTtlByStatus does not imply it.
    `addEventListener('fetch', (event) => {
  event.respondWith(fetch(event.request, { cf: { cacheEverything: true, cacheTtlByStatus: { '200-299': 60 } } }));
});`,
    // A GET-only branch after an early return for POST.
    `export default {
  async fetch(request) {
    if (request.method === 'POST') return fetch(request);
    return fetch(request, { cf: { cacheTtl: 60 } });
  },
};`,
    // ctx.exports with the supported options.
    `import { WorkerEntrypoint } from 'cloudflare:workers';
export default class extends WorkerEntrypoint {
  async fetch(request: Request) {
    return this.ctx.exports.Renderer.fetch(request, { cf: { cacheControl: 'max-age=60', cacheKey: 'page' } });
  }
}`,
    // The method is not known; cacheTtl with a variable value next to cacheEverything.
    `export const onRequest = async ({ request, env }) => fetch(env.ORIGIN, { method: request.method, cf: { cacheTtl: env.TTL, cacheEverything: true } });`,
  ],
  invalid: [
    {
      name: 'POST subrequest with cacheTtl',
      code: `export async function submit(body: string) {
  return fetch('https://api.example.com/search', { method: 'POST', body, cf: { cacheTtl: 600 } });
}`,
      errors: [{ messageId: 'nonGet', line: 2, column: 80, severity: 'warn', message: 'cf.cacheTtl does nothing on this POST request' }],
    },
    {
      name: 'Hono POST route forwarding its request',
      code: `import { Hono } from 'hono';
const app = new Hono();
app.post('/graphql', (c) => fetch(c.req.raw, { cf: { cacheTtlByStatus: { '200-299': 60 } } }));
export default app;`,
      errors: [{ messageId: 'nonGet', line: 3, column: 54, message: 'POST' }],
    },
    {
      name: 'cacheKey is Enterprise only (template style, service worker)',
      code: `async function handleRequest(request) {
  const url = new URL(request.url);
  return fetch(request, { cf: { cacheTtl: 5, cacheKey: url.origin + url.pathname } });
}
addEventListener('fetch', (event) => event.respondWith(handleRequest(event.request)));`,
      errors: [{ messageId: 'enterpriseOnly', line: 3, column: 46, severity: 'info' }],
    },
    {
      name: 'redundant cacheEverything next to cacheTtl, removal suggestion',
      code: `export default {
  async fetch(request) {
    return fetch(request, { cf: { cacheEverything: true, cacheTtl: 300 } });
  },
};`,
      errors: [{
        messageId: 'redundant', line: 3, column: 35, severity: 'info',
        suggestions: [{ title: 'Remove cacheEverything', output: `export default {
  async fetch(request) {
    return fetch(request, { cf: { cacheTtl: 300 } });
  },
};` }],
      }],
    },
    {
      name: 'ctx.exports fetch with cacheTtl and cacheEverything (options in a const)',
      code: `const EDGE = { cf: { cacheTtl: 3600, cacheEverything: true } };
export default {
  async fetch(request, env, ctx) {
    return ctx.exports.Api.fetch(request, EDGE);
  },
};`,
      errors: [
        { messageId: 'onExports', line: 1, column: 22, message: 'cf.cacheTtl is not supported on ctx.exports fetches' },
        { messageId: 'onExports', line: 1, column: 38, message: 'cf.cacheEverything' },
        { messageId: 'redundant', line: 1, column: 38, suggestions: [{ output: `const EDGE = { cf: { cacheTtl: 3600 } };
export default {
  async fetch(request, env, ctx) {
    return ctx.exports.Api.fetch(request, EDGE);
  },
};` }] },
      ],
    },
    {
      name: 'new Request with PUT in a class method',
      code: `export class Store {
  save(key: string, value: string) {
    return fetch(new Request('https://store.example.com/' + key, { method: 'PUT', body: value }), { cf: { cacheEverything: true } });
  }
}`,
      errors: [{ messageId: 'nonGet', line: 3, column: 107, message: 'PUT' }],
    },
  ],
});
