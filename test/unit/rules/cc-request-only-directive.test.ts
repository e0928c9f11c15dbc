// Table tests for cc-request-only-directive.
import rule from '../../../server/src/rules/cache-control/cc-request-only-directive';
import { runRuleTests } from '../../harness/rule-tester';

runRuleTests(rule, {
  valid: [
    { name: 'a request header on fetch()', code: `export default { fetch: (request) => fetch('https://origin.example/', { headers: { 'Cache-Control': 'max-stale=60, min-fresh=10' } }) };` },
    { name: 'a new Request', code: `addEventListener('fetch', (event) => event.respondWith(fetch(new Request(event.request.url, { headers: { 'cache-control': 'only-if-cached' } }))));` },
    { name: 'set on the outgoing request copy', code: `export default {
  async fetch(request) {
    const upstream = new Request(request);
    upstream.headers.set('Cache-Control', 'max-stale=30');
    return fetch(upstream);
  },
};` },
    { name: 'response directives only', code: `/*\n  Cache-Control: public, max-age=60, stale-if-error=300\n`, filename: 'public/_headers' },
    { name: 'Hono: a normal response value', code: `app.get('/x', (c) => { c.header('Cache-Control', 'no-store'); return c.text('x'); });` },
  ],
  invalid: [
    {
      name: 'the classic PHP no-cache list in a module worker',
      code: `export default {
  async fetch() {
    return new Response('x', { headers: { 'Cache-Control': 'no-store, no-cache, must-revalidate, post-check=0, pre-check=0' } });
  },
};`,
      errors: [
        { messageId: 'nonStandard', line: 3, column: 98, message: "'post-check=0'" },
        { messageId: 'nonStandard', line: 3, column: 112, message: "'pre-check=0'" },
      ],
      output: `export default {
  async fetch() {
    return new Response('x', { headers: { 'Cache-Control': 'no-store, no-cache, must-revalidate' } });
  },
};`,
    },
    {
      name: '_headers: max-stale in a response',
      filename: 'public/_headers',
      code: `/api/*\n  Cache-Control: max-age=60, max-stale=300\n`,
      errors: [{ messageId: 'requestOnly', line: 2, column: 30, message: 'in a response Cache-Control' }],
      output: `/api/*\n  Cache-Control: max-age=60\n`,
    },
    {
      name: '_headers: the only member removes the line',
      filename: 'dist/_headers',
      code: `/feed.xml\n  Cache-Control: min-fresh=60\n  X-Robots-Tag: noindex\n`,
      errors: [{ messageId: 'requestOnly', line: 2 }],
      output: `/feed.xml\n  X-Robots-Tag: noindex\n`,
    },
    {
      name: 'service worker: headers.set on a response',
      code: `addEventListener('fetch', (event) => event.respondWith(handle()));
async function handle() {
  const res = new Response('ok');
  res.headers.set('Cache-Control', 'public, max-age=300, only-if-cached');
  return res;
}`,
      errors: [{ messageId: 'requestOnly', line: 4, column: 58 }],
      output: `addEventListener('fetch', (event) => event.respondWith(handle()));
async function handle() {
  const res = new Response('ok');
  res.headers.set('Cache-Control', 'public, max-age=300');
  return res;
}`,
    },
    {
      name: 'Hono: c.header',
      code: `app.get('/posts', (c) => {
  c.header('Cache-Control', 'min-fresh=30, max-age=60');
  return c.json([]);
});`,
      errors: [{ messageId: 'requestOnly', line: 2, column: 30 }],
      output: `app.get('/posts', (c) => {
  c.header('Cache-Control', 'max-age=60');
  return c.json([]);
});`,
    },
    {
      name: 'itty-router json() options; a lone member in code has no fix',
      code: `router.get('/x', () => json(data, { headers: { 'CDN-Cache-Control': 'max-stale' } }));`,
      errors: [{ messageId: 'requestOnly', message: 'CDN-Cache-Control' }],
      output: null,
    },
    {
      name: 'a run at the start goes in one piece; CDN header with only request directives has no fix',
      code: `const res = new Response(body);
res.headers.set('Cache-Control', 'pre-check=0, post-check=0, max-age=60');
res.headers.set('Cloudflare-CDN-Cache-Control', 'min-fresh=5, max-stale=9');`,
      errors: [
        { messageId: 'nonStandard', line: 2, column: 35 },
        { messageId: 'nonStandard', line: 2, column: 48 },
        { messageId: 'requestOnly', line: 3, column: 50, message: 'Cloudflare-CDN-Cache-Control' },
        { messageId: 'requestOnly', line: 3, column: 63 },
      ],
      output: `const res = new Response(body);
res.headers.set('Cache-Control', 'max-age=60');
res.headers.set('Cloudflare-CDN-Cache-Control', 'min-fresh=5, max-stale=9');`,
    },
  ],
});
