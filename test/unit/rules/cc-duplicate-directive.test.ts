// Table tests for cc-duplicate-directive.
import rule from '../../../server/src/rules/cache-control/cc-duplicate-directive';
import { runRuleTests } from '../../harness/rule-tester';

runRuleTests(rule, {
  valid: [
    `export default { fetch: () => new Response('x', { headers: { 'Cache-Control': 'public, max-age=60, s-maxage=600, stale-while-revalidate=30, stale-if-error=60' } }) };`,
    { name: 'two _headers rules are merged by headers-cache-control-merge, not here', code: `/*\n  Cache-Control: no-cache\n/assets/*\n  Cache-Control: public, max-age=31536000\n`, filename: 'public/_headers' },
    { name: 'Cache-Control and CDN-Cache-Control are different headers', code: `/assets/*\n  Cache-Control: max-age=60\n  CDN-Cache-Control: max-age=86400\n`, filename: 'public/_headers' },
    { name: 'Hono c.header without append replaces the value', code: `app.get('/x', (c) => { c.header('Cache-Control', 'max-age=60'); c.header('Cache-Control', 'max-age=300'); return c.text('x'); });` },
    { name: 'headers.set replaces the init value', code: `export default { async fetch() { const res = new Response('x', { headers: { 'Cache-Control': 'max-age=60' } }); res.headers.set('Cache-Control', 'max-age=300'); return res; } };` },
    { name: 'append in the other branch', code: `addEventListener('fetch', (e) => { const h = new Headers(); if (e.request.url.endsWith('.css')) h.set('Cache-Control', 'max-age=60'); else h.append('Cache-Control', 'max-age=300'); e.respondWith(new Response('x', { headers: h })); });` },
    { name: 'delete before append starts a new value', code: `export default { async fetch(req, env) { const res = new Response(await env.CACHE.get('k'), { headers: { 'Cache-Control': 'max-age=60' } }); res.headers.delete('Cache-Control'); res.headers.append('Cache-Control', 'max-age=300'); return res; } };` },
    { name: 'different qualified directives', code: `res.headers.set('Cache-Control', 'no-cache="Set-Cookie", private="Authorization"');` },
    { code: `export const onRequestGet = async ({ env }) => new Response(await env.KV.get('k'), { headers: [['Cache-Control', 'max-age=60'], ['Vary', 'Accept'], ['CDN-Cache-Control', 'max-age=600']] });`, filename: 'functions/api/[id].ts' },
    { name: 'append to another variable', code: `const a = new Headers({ 'Cache-Control': 'public' });\nconst b = new Headers();\nb.append('Cache-Control', 'public');` },
  ],
  invalid: [
    {
      code: `export default { fetch: () => new Response('x', { headers: { 'Cache-Control': 'public, max-age=60, public' } }) };`,
      errors: [{ messageId: 'same', line: 1, column: 100, message: `'public' appears twice in Cache-Control` }],
      output: `export default { fetch: () => new Response('x', { headers: { 'Cache-Control': 'public, max-age=60' } }) };`,
    },
    {
      code: `res.headers.set('Cache-Control', 'Public, max-age=60, public');`,
      errors: [{ messageId: 'same', line: 1, column: 55 }],
      output: `res.headers.set('Cache-Control', 'Public, max-age=60');`,
    },
    {
      code: `addEventListener('fetch', (e) => e.respondWith(new Response('x', { headers: { 'cache-control': 'max-age=60, public, max-age=0' } })));`,
      errors: [{ messageId: 'different', line: 1, column: 117, message: /repeats 'max-age=60'.*caches disagree on which value applies/, suggestions: [
        { title: `Keep the first ('max-age=60')`, output: `addEventListener('fetch', (e) => e.respondWith(new Response('x', { headers: { 'cache-control': 'max-age=60, public' } })));` },
        { title: `Keep the last ('max-age=0')`, output: `addEventListener('fetch', (e) => e.respondWith(new Response('x', { headers: { 'cache-control': 'public, max-age=0' } })));` },
      ] }],
    },
    {
      code: `/assets/*\n  Cache-Control: public, max-age=31536000\n  Cache-Control: immutable, max-age=31536000\n  X-Frame-Options: DENY\n`,
      filename: 'public/_headers',
      errors: [{ messageId: 'same', line: 3, column: 29, message: 'joined with ", "' }],
      output: `/assets/*\n  Cache-Control: public, max-age=31536000\n  Cache-Control: immutable\n  X-Frame-Options: DENY\n`,
    },
    {
      code: `/assets/*\n  Cache-Control: public, max-age=60\n  Cache-Control: max-age=3600\n`,
      filename: 'public/_headers',
      errors: [{ messageId: 'different', line: 3, column: 18, suggestions: [
        { title: `Keep the first ('max-age=60')`, output: `/assets/*\n  Cache-Control: public, max-age=60\n` },
        { title: `Keep the last ('max-age=3600')`, output: `/assets/*\n  Cache-Control: public\n  Cache-Control: max-age=3600\n` },
      ] }],
    },
    {
      code: `export default {\n  async fetch(req, env) {\n    const res = new Response(await env.CACHE.get('page'), { headers: { 'Cache-Control': 'public, max-age=60' } });\n    res.headers.append('Cache-Control', 'max-age=300');\n    return res;\n  },\n};`,
      errors: [{ messageId: 'different', line: 4, column: 42, message: 'appended to one header', suggestions: [
        { title: `Keep the last ('max-age=300')`, output: `export default {\n  async fetch(req, env) {\n    const res = new Response(await env.CACHE.get('page'), { headers: { 'Cache-Control': 'public' } });\n    res.headers.append('Cache-Control', 'max-age=300');\n    return res;\n  },\n};` },
      ] }],
    },
    {
      code: `function withCache(body: string) {\n  const headers = new Headers({ 'Cache-Control': 'public' });\n  headers.append('cache-control', 'public, immutable');\n  return new Response(body, { headers });\n}`,
      errors: [{ messageId: 'same', line: 3, column: 36 }],
      output: `function withCache(body: string) {\n  const headers = new Headers({ 'Cache-Control': 'public' });\n  headers.append('cache-control', 'immutable');\n  return new Response(body, { headers });\n}`,
    },
    {
      name: 'a sole appended copy cannot be removed without emptying the call',
      code: `export default { async fetch() { const res = new Response('x'); res.headers.set('Cache-Control', 'max-age=60'); res.headers.append('Cache-Control', 'max-age=60'); return res; } };`,
      errors: [{ messageId: 'same', line: 1, column: 150 }],
    },
    {
      code: `app.get('/x', async (c) => {\n  c.header('Cache-Control', 'public, max-age=60');\n  c.header('Cache-Control', 'max-age=120', { append: true });\n  return c.text('x');\n});`,
      errors: [{ messageId: 'different', line: 3, column: 30, suggestions: [
        { title: `Keep the last ('max-age=120')`, output: `app.get('/x', async (c) => {\n  c.header('Cache-Control', 'public');\n  c.header('Cache-Control', 'max-age=120', { append: true });\n  return c.text('x');\n});` },
      ] }],
    },
    {
      code: `router.get('/x', () => json(data, { headers: new Headers([['cache-control', 'public, max-age=60'], ['cache-control', 'max-age=60, immutable']]) }));`,
      errors: [{ messageId: 'same', line: 1, column: 119 }],
      output: `router.get('/x', () => json(data, { headers: new Headers([['cache-control', 'public, max-age=60'], ['cache-control', 'immutable']]) }));`,
    },
    {
      code: `const CC = 'private="Set-Cookie", max-age=60, private="Authorization"';\nres.headers.set('Cache-Control', CC);`,
      errors: [{ messageId: 'different', line: 1, column: 47, suggestions: [
        { output: `const CC = 'private="Set-Cookie", max-age=60';\nres.headers.set('Cache-Control', CC);` },
        { output: `const CC = 'max-age=60, private="Authorization"';\nres.headers.set('Cache-Control', CC);` },
      ] }],
    },
  ],
});
