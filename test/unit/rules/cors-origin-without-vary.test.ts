// Table tests for cors-origin-without-vary.
import rule from '../../../server/src/rules/cors/cors-origin-without-vary';
import { runRuleTests } from '../../harness/rule-tester';

const WORKERS_CACHE = `name = "app"
main = "src/index.ts"
compatibility_date = "2026-08-01"

[cache]
enabled = true
`;

runRuleTests(rule, {
  valid: [
    // Reflected origin with Vary: Origin on a cacheable response.
    `export default {
  async fetch(request) {
    const origin = request.headers.get('Origin') ?? '*';
    return new Response('{}', {
      headers: { 'Access-Control-Allow-Origin': origin, 'Vary': 'Origin', 'Cache-Control': 'public, max-age=300' },
    });
  },
};`,
    // Reflected origin on a response that is not cacheable, Workers Cache off.
    `addEventListener('fetch', (event) => event.respondWith(handle(event.request)));
async function handle(request) {
  const res = new Response('{}', { headers: { 'Cache-Control': 'private, no-store' } });
  res.headers.set('Access-Control-Allow-Origin', request.headers.get('origin') || '');
  return res;
}`,
    // A constant origin needs no Vary, even when cacheable.
    `import { AutoRouter, cors } from 'itty-router';
const { preflight, corsify } = cors({ origin: 'https://app.example.com' });
const router = AutoRouter({ before: [preflight], finally: [corsify] });
router.get('/feed', () => new Response('[]', { headers: { 'Cache-Control': 'public, max-age=60' } }));
export default router;`,
    // Hono's cors() adds Vary: Origin itself.
    `import { Hono } from 'hono';
import { cors } from 'hono/cors';
const app = new Hono();
app.use('*', cors({ origin: (o) => o }));
app.get('/x', (c) => { c.header('Cache-Control', 'public, max-age=600'); return c.text('x'); });
export default app;`,
    // Reflection in a helper; the cacheable header is set in another function.
    {
      code: `export function corsHeaders(request) {
  return { 'Access-Control-Allow-Origin': request.headers.get('Origin') ?? '' };
}
export const onRequestGet = async ({ request }) => {
  return new Response('ok', { headers: { ...corsHeaders(request), 'Cache-Control': 's-maxage=60' } });
};`,
      filename: 'functions/api/ok.ts',
    },
  ],
  invalid: [
    {
      name: 'module worker: reflected ACAO next to public max-age',
      code: `export default {
  async fetch(request) {
    const origin = request.headers.get('Origin') ?? '*';
    return new Response('{}', {
      headers: { 'Access-Control-Allow-Origin': origin, 'Cache-Control': 'public, max-age=300' },
    });
  },
};`,
      errors: [{
        messageId: 'noVary', line: 5, column: 49, severity: 'warn', message: "'public, max-age=300', line 5",
        suggestions: [{ title: "Add 'Vary': 'Origin'", output: `export default {
  async fetch(request) {
    const origin = request.headers.get('Origin') ?? '*';
    return new Response('{}', {
      headers: { 'Access-Control-Allow-Origin': origin, 'Vary': 'Origin', 'Cache-Control': 'public, max-age=300' },
    });
  },
};` }],
      }],
    },
    {
      name: 'itty-router cors({ origin: true }) with a cacheable route',
      code: `import { AutoRouter, cors } from 'itty-router';
const { preflight, corsify } = cors({ origin: true });
const router = AutoRouter({ before: [preflight], finally: [corsify] });
router.get('/feed', () => new Response('[]', { headers: { 'Cache-Control': 'public, max-age=60' } }));
export default router;`,
      errors: [{ messageId: 'noVary', line: 2, column: 47, message: 'cors({ origin: true }) lacks Vary: Origin' }],
    },
    {
      name: 'itty-router allow-list with Workers Cache on',
      code: `import { Router, cors } from 'itty-router';
const { preflight, corsify } = cors({ origin: ['https://a.example', 'https://b.example'] });
const router = Router({ before: [preflight], finally: [corsify] });
router.get('/data', () => Response.json({ ok: true }));
export default { fetch: router.fetch };`,
      files: { 'wrangler.toml': WORKERS_CACHE },
      errors: [{ messageId: 'noVary', line: 2, column: 47, message: 'Workers Cache is on' }],
    },
    {
      name: 'service worker: allow-list pick, stored with cache.put()',
      code: `const ALLOWED = ['https://a.example', 'https://b.example'];
addEventListener('fetch', (event) => event.respondWith(handle(event)));
async function handle(event) {
  const origin = event.request.headers.get('Origin');
  const res = new Response(await render(), { headers: { 'Content-Type': 'text/html' } });
  res.headers.set('Access-Control-Allow-Origin', ALLOWED.includes(origin) ? origin : ALLOWED[0]);
  event.waitUntil(caches.default.put(event.request, res.clone()));
  return res;
}`,
      errors: [{
        messageId: 'noVary', line: 6, column: 50, message: 'cache.put() at line 7',
        suggestions: [{ title: "Append 'Vary: Origin'", output: `const ALLOWED = ['https://a.example', 'https://b.example'];
addEventListener('fetch', (event) => event.respondWith(handle(event)));
async function handle(event) {
  const origin = event.request.headers.get('Origin');
  const res = new Response(await render(), { headers: { 'Content-Type': 'text/html' } });
  res.headers.set('Access-Control-Allow-Origin', ALLOWED.includes(origin) ? origin : ALLOWED[0]);
  res.headers.append('Vary', 'Origin');
  event.waitUntil(caches.default.put(event.request, res.clone()));
  return res;
}` }],
      }],
    },
    {
      name: 'Hono handler reflecting by hand with c.header and s-maxage',
      code: `import { Hono } from 'hono';
const app = new Hono();
app.get('/api/config', (c) => {
  c.header('Access-Control-Allow-Origin', c.req.header('Origin') ?? '*');
  c.header('Cache-Control', 's-maxage=3600');
  return c.json({ theme: 'dark' });
});
export default app;`,
      errors: [{
        messageId: 'noVary', line: 4, column: 43, message: "'s-maxage=3600', line 5",
        suggestions: [{ title: "Append 'Vary: Origin'", output: `import { Hono } from 'hono';
const app = new Hono();
app.get('/api/config', (c) => {
  c.header('Access-Control-Allow-Origin', c.req.header('Origin') ?? '*');
  c.header('Vary', 'Origin', { append: true });
  c.header('Cache-Control', 's-maxage=3600');
  return c.json({ theme: 'dark' });
});
export default app;` }],
      }],
    },
    {
      name: "itty-router credentials: true with the default '*' reflects the origin",
      code: `import { AutoRouter, cors } from 'itty-router';
const { preflight, corsify } = cors({ credentials: true });
export default AutoRouter({ before: [preflight], finally: [corsify] })
  .get('/me/avatar', () => new Response(null, { status: 302, headers: { Location: '/a.png', 'Cache-Control': 'max-age=86400' } }));`,
      errors: [{ messageId: 'noVary', line: 2, column: 52, message: 'cors({ credentials: true })' }],
    },
  ],
});
