// Table tests for workers-cache-implicit-ttl.
import rule from '../../../server/src/rules/workers-cache/workers-cache-implicit-ttl';
import { runRuleTests } from '../../harness/rule-tester';

const CACHE_ON = { 'wrangler.toml': 'name = "app"\nmain = "src/index.ts"\ncompatibility_date = "2026-08-01"\n\n[cache]\nenabled = true\n' };
const CACHE_ON_IN_ENV = { 'wrangler.jsonc': '{ "name": "app", "main": "src/index.ts", "env": { "production": { "cache": { "enabled": true } } } }' };

runRuleTests(rule, {
  valid: [
    // Workers Cache off (default wrangler config): the Worker's response is never edge-cached.
    { code: `export default {
  async fetch() {
    return new Response('hello');
  },
};` },
    // Every response says how to cache.
    { files: CACHE_ON, code: `export default {
  async fetch(request) {
    const url = new URL(request.url);
    if (url.pathname === '/me') return Response.json({ user: 1 }, { headers: { 'Cache-Control': 'private, no-store' } });
    const res = new Response('home');
    res.headers.set('Cache-Control', 'public, max-age=60');
    return res;
  },
};` },
    // POST branch (not cached), a 302 (never cached) and headers from elsewhere (unknown).
    { files: CACHE_ON, code: `export default {
  async fetch(request, env) {
    if (request.method === 'POST') return new Response('created', { status: 201 });
    if (!request.headers.has('x-ok')) return Response.redirect('https://example.com/login');
    return new Response('x', { headers: env.HEADERS });
  },
};` },
    // Set-Cookie bypasses Workers Cache; a response passed to a helper may get headers there.
    { files: CACHE_ON, code: `addEventListener('fetch', (event) => event.respondWith(handle(event.request)));
function handle(request) {
  if (request.url.endsWith('/login')) return new Response('ok', { headers: { 'Set-Cookie': 'sid=1' } });
  const res = new Response('page');
  addSecurityHeaders(res);
  return res;
}` },
    // Hono with middleware: headers may be set there.
    { files: CACHE_ON, code: `import { Hono } from 'hono';
const app = new Hono();
app.use('*', async (c, next) => { await next(); c.header('Cache-Control', 'no-store'); });
app.get('/', () => new Response('hi'));
export default app;` },
    // Pages Functions are not Workers Cache entry points.
    { files: CACHE_ON, filename: 'functions/index.ts', code: `export const onRequestGet = () => new Response('hi');` },
  ],
  invalid: [
    {
      name: 'module worker returning Response.json with no headers',
      files: CACHE_ON,
      code: `export default {
  async fetch(request, env) {
    const data = await env.DB.prepare('select 1').all();
    return Response.json(data);
  },
};`,
      errors: [{
        messageId: 'implicit', line: 4, column: 12, severity: 'warn', message: 'This 200 has no Cache-Control: Workers Cache (cache.enabled) stores it for 2 h by heuristic.',
        suggestions: [{ title: 'Add Cache-Control: no-store', output: `export default {
  async fetch(request, env) {
    const data = await env.DB.prepare('select 1').all();
    return Response.json(data, { headers: { 'Cache-Control': 'no-store' } });
  },
};` }],
      }],
    },
    {
      name: 'a handler that reads cookies; a 404 with an init (cache enabled in an env)',
      files: CACHE_ON_IN_ENV,
      code: `export default {
  async fetch(request: Request): Promise<Response> {
    const session = request.headers.get('Cookie')?.match(/sid=(\\w+)/)?.[1];
    if (!session) return new Response('not found', { status: 404 });
    return new Response(\`hello \${session}\`, { headers: { 'Content-Type': 'text/plain' } });
  },
};`,
      errors: [
        { messageId: 'readsCookies', line: 4, column: 26, message: 'This 404 reads cookies but has no Cache-Control: Workers Cache serves it to everyone for 3 min.',
          suggestions: [{ output: `export default {
  async fetch(request: Request): Promise<Response> {
    const session = request.headers.get('Cookie')?.match(/sid=(\\w+)/)?.[1];
    if (!session) return new Response('not found', { headers: { 'Cache-Control': 'no-store' }, status: 404 });
    return new Response(\`hello \${session}\`, { headers: { 'Content-Type': 'text/plain' } });
  },
};` }] },
        { messageId: 'readsCookies', line: 5, column: 12,
          suggestions: [{ output: `export default {
  async fetch(request: Request): Promise<Response> {
    const session = request.headers.get('Cookie')?.match(/sid=(\\w+)/)?.[1];
    if (!session) return new Response('not found', { status: 404 });
    return new Response(\`hello \${session}\`, { headers: { 'Cache-Control': 'no-store', 'Content-Type': 'text/plain' } });
  },
};` }] },
      ],
    },
    {
      name: 'service worker through a helper, response in a variable with a known header set',
      files: CACHE_ON,
      code: `addEventListener('fetch', (event) => {
  event.respondWith(handle(event.request));
});
async function handle(request) {
  const res = new Response('<h1>hi</h1>');
  res.headers.set('Content-Type', 'text/html');
  return res;
}`,
      errors: [{ messageId: 'implicit', line: 5, column: 15, suggestions: [{ output: `addEventListener('fetch', (event) => {
  event.respondWith(handle(event.request));
});
async function handle(request) {
  const res = new Response('<h1>hi</h1>', { headers: { 'Cache-Control': 'no-store' } });
  res.headers.set('Content-Type', 'text/html');
  return res;
}` }] }],
    },
    {
      name: 'itty-router GET route without middleware',
      files: CACHE_ON,
      code: `import { Router } from 'itty-router';
const router = Router();
router.get('/health', () => new Response(null, { status: 204 }));
export default { fetch: router.handle };`,
      errors: [{ messageId: 'implicit', line: 3, column: 29, message: 'This 204', suggestions: [{ output: `import { Router } from 'itty-router';
const router = Router();
router.get('/health', () => new Response(null, { headers: { 'Cache-Control': 'no-store' }, status: 204 }));
export default { fetch: router.handle };` }] }],
    },
    {
      name: 'class entry point, conditional return, empty init',
      files: CACHE_ON,
      code: `export default class extends WorkerEntrypoint {
  async fetch(request: Request) {
    return request.url.endsWith('/gone') ? new Response('gone', { status: 410 }) : new Response();
  }
}`,
      errors: [
        { messageId: 'implicit', line: 3, column: 44, message: 'This 410', suggestions: [{ output: `export default class extends WorkerEntrypoint {
  async fetch(request: Request) {
    return request.url.endsWith('/gone') ? new Response('gone', { headers: { 'Cache-Control': 'no-store' }, status: 410 }) : new Response();
  }
}` }] },
        { messageId: 'implicit', line: 3, column: 84, message: 'This 200', suggestions: [{ output: `export default class extends WorkerEntrypoint {
  async fetch(request: Request) {
    return request.url.endsWith('/gone') ? new Response('gone', { status: 410 }) : new Response(null, { headers: { 'Cache-Control': 'no-store' } });
  }
}` }] },
      ],
    },
  ],
});
