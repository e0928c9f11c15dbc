// Table tests for cc-immutable-misuse.
import rule from '../../../server/src/rules/cache-control/cc-immutable-misuse';
import { runRuleTests } from '../../harness/rule-tester';

runRuleTests(rule, {
  valid: [
    { name: 'fingerprinted build output', code: `/assets/*\n  Cache-Control: public, max-age=31536000, immutable\n`, filename: 'public/_headers' },
    { name: 'HTML revalidates', code: `/*\n  Cache-Control: public, max-age=0, must-revalidate\n/_astro/*\n  Cache-Control: public, max-age=31536000, immutable\n`, filename: 'dist/_headers' },
    { name: 'a short max-age on index.html', code: `/index.html\n  Cache-Control: public, max-age=300\n`, filename: 'public/_headers' },
    { name: 'a hashed asset from a Worker', code: `export default {
  async fetch(request, env) {
    const obj = await env.BUCKET.get(new URL(request.url).pathname.slice(1));
    return new Response(obj.body, { headers: { 'Content-Type': 'application/javascript', 'Cache-Control': 'public, max-age=31536000, immutable' } });
  },
};` },
    { name: 'HTML with a short TTL (service worker)', code: `addEventListener('fetch', (event) => event.respondWith(new Response('<h1>hi</h1>', {
  headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'public, max-age=60' },
})));` },
    { name: 'Hono: c.html with a short TTL', code: `app.get('/', (c) => {
  c.header('Cache-Control', 'public, max-age=120');
  return c.html('<h1>home</h1>');
});` },
    { name: 'Pages Function: JSON for a year is not HTML', filename: 'functions/api/[id].ts', code: `export const onRequestGet = async ({ env, params }) => new Response(await env.KV.get(params.id), {
  headers: { 'Content-Type': 'application/json', 'Cache-Control': 'public, max-age=31536000' },
});` },
  ],
  invalid: [
    {
      name: '_headers: immutable on every page',
      filename: 'public/_headers',
      code: `/*\n  Cache-Control: public, max-age=31536000, immutable\n`,
      errors: [{ messageId: 'html', line: 2, column: 44, message: 'every page (/*)' }],
    },
    {
      name: '_headers: a year on index.html',
      filename: 'public/_headers',
      code: `/index.html\n  Cache-Control: public, max-age=31536000\n`,
      errors: [{ messageId: 'html', line: 2, column: 26, message: 'the HTML path /index.html' }],
    },
    {
      name: '_headers: immutable without max-age (info)',
      filename: 'public/_headers',
      code: `/fonts/*\n  Cache-Control: public, immutable\n`,
      errors: [{ messageId: 'noLifetime', severity: 'info', line: 2, suggestions: [{ output: `/fonts/*\n  Cache-Control: public, max-age=31536000, immutable\n` }] }],
    },
    {
      name: 'module worker: HTML response made immutable',
      code: `const HTML_HEADERS = { 'Content-Type': 'text/html;charset=UTF-8', 'Cache-Control': 'public, max-age=86400, immutable' };
export default {
  async fetch() {
    return new Response(render(), { headers: HTML_HEADERS });
  },
};`,
      errors: [{ messageId: 'html', line: 1, column: 108, message: 'an HTML response' }],
    },
    {
      name: 'Hono: c.header then c.html',
      code: `app.get('/about', (c) => {
  c.header('Cache-Control', 'public, max-age=31536000');
  return c.html(aboutPage());
});`,
      errors: [{ messageId: 'html', line: 2, column: 38 }],
    },
    {
      name: 'itty-router: headers.set on an HTML response',
      code: `router.get('/', async () => {
  const res = new Response(page, { headers: { 'content-type': 'text/html' } });
  res.headers.set('Content-Type', 'text/html; charset=utf-8');
  res.headers.set('Cache-Control', 'immutable, max-age=604800');
  return res;
});`,
      errors: [{ messageId: 'html', line: 4, column: 37 }],
    },
    {
      name: 'Pages Function: immutable alone on an image (info)',
      filename: 'functions/img/[key].ts',
      code: `export const onRequestGet = async ({ env, params }) => {
  const obj = await env.IMAGES.get(params.key);
  return new Response(obj.body, { headers: { 'Cache-Control': 'public, immutable' } });
};`,
      errors: [{ messageId: 'noLifetime', severity: 'info', line: 3, suggestions: [{ output: `export const onRequestGet = async ({ env, params }) => {
  const obj = await env.IMAGES.get(params.key);
  return new Response(obj.body, { headers: { 'Cache-Control': 'public, max-age=31536000, immutable' } });
};` }] }],
    },
  ],
});
