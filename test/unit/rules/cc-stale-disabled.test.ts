// Table tests for cc-stale-disabled.
import rule from '../../../server/src/rules/cache-control/cc-stale-disabled';
import { runRuleTests } from '../../harness/rule-tester';

/** Workers Cache on: the Worker's own responses reach Cloudflare's cache (domain.md A6, §0). */
const WC = { 'wrangler.toml': 'name = "app"\nmain = "src/index.ts"\ncompatibility_date = "2026-08-01"\n\n[cache]\nenabled = true\n' };

runRuleTests(rule, {
  valid: [
    `export default { fetch: () => new Response('x', { headers: { 'Cache-Control': 'public, max-age=600, stale-while-revalidate=60' } }) };`,
    { name: 'stale-if-error=0 only says "surface errors"', code: `app.get('/x', (c) => { c.header('Cache-Control', 'public, s-maxage=600, stale-if-error=0'); return c.text('x'); });` },
    { name: 'the static-assets default has no stale directive', code: `/*\n  Cache-Control: public, max-age=0, must-revalidate\n`, filename: 'public/_headers' },
    `addEventListener('fetch', (e) => e.respondWith(new Response('x', { headers: { 'cache-control': 's-maxage=600, stale-while-revalidate=0' } })));`,
    { name: 'edge TTL moved to CDN-Cache-Control', code: `const headers = { 'Cache-Control': 'public, max-age=60, stale-while-revalidate=300', 'CDN-Cache-Control': 'max-age=600' };` },
    { name: 'different _headers rules', code: `/*\n  Cache-Control: must-revalidate\n/blog/*\n  Cache-Control: max-age=60, stale-while-revalidate=600\n`, filename: 'public/_headers' },
    `router.get('/x', () => json(data, { headers: { 'cache-control': 'max-age=60, stale-if-error=86400' } }));`,
    { code: `export const onRequestGet = async ({ env }) => new Response(await env.KV.get('k'), { headers: { 'Cache-Control': 'public, max-age=300, stale-while-revalidate=600, stale-if-error=86400' } });`, filename: 'functions/api/[id].ts' },
    { name: 'Workers Cache off: s-maxage next to stale-* on a Worker response is edge-only, Cloudflare never caches it', code: `export default { fetch: () => new Response('x', { headers: { 'Cache-Control': 'public, s-maxage=600, stale-while-revalidate=60' } }) };` },
    { name: '_headers values are browser-facing: proxy-revalidate binds shared caches only', code: `/*\n  Cache-Control: public, max-age=60, stale-while-revalidate=30\n  Cache-Control: proxy-revalidate\n`, filename: 'public/_headers' },
    { name: 'Workers Cache off: a CDN header next to Cache-Control stale directives is edge-only', code: `export default { fetch: () => new Response('x', { headers: { 'Cache-Control': 'max-age=60, stale-while-revalidate=300', 'CDN-Cache-Control': 'max-age=600' } }) };` },
    { name: 'no-cache outside an edge context', code: `res.headers.set('Cache-Control', 'no-cache, stale-while-revalidate=60');` },
    { name: 'stale directives inside the CDN header itself', code: `export default { fetch: () => new Response('x', { headers: { 'Cache-Control': 'max-age=60', 'CDN-Cache-Control': 'max-age=600, stale-while-revalidate=300' } }) };`, files: WC },
    { name: 'set replaces the init value', code: `export default { async fetch() { const res = new Response('x', { headers: { 'Cache-Control': 's-maxage=600' } }); res.headers.set('Cache-Control', 'max-age=600, stale-while-revalidate=60'); return res; } };` },
  ],
  invalid: [
    {
      code: `export default { fetch: () => new Response('x', { headers: { 'Cache-Control': 'public, s-maxage=600, stale-while-revalidate=60' } }) };`,
      files: WC,
      errors: [{ messageId: 'disabled', line: 1, column: 102, message: `is ignored by Cloudflare (Workers Cache is on): 's-maxage=600' in Cache-Control turns it off`, suggestions: [
        { title: 'Use max-age instead of s-maxage', output: `export default { fetch: () => new Response('x', { headers: { 'Cache-Control': 'public, max-age=600, stale-while-revalidate=60' } }) };` },
      ] }],
    },
    {
      name: 'with max-age already set, s-maxage cannot simply be renamed',
      code: `res.headers.set('Cache-Control', 'public, max-age=60, s-maxage=600, stale-while-revalidate=60, stale-if-error=86400');`,
      files: WC,
      errors: [
        { messageId: 'disabled', column: 69, message: "'s-maxage=600' in Cache-Control turns it off" },
        { messageId: 'disabled', column: 96, message: `'stale-if-error=86400'` },
      ],
    },
    {
      code: `app.get('/posts', (c) => {\n  c.header('Cache-Control', 'public, max-age=0, must-revalidate, stale-while-revalidate=60');\n  return c.json([]);\n});`,
      errors: [{ messageId: 'disabledAnyCache', line: 2, column: 66, message: 'forbids every cache to serve stale', suggestions: [
        { title: `Remove 'must-revalidate'`, output: `app.get('/posts', (c) => {\n  c.header('Cache-Control', 'public, max-age=0, stale-while-revalidate=60');\n  return c.json([]);\n});` },
      ] }],
    },
    {
      code: `addEventListener('fetch', (e) => e.respondWith(new Response('x', { headers: { 'cache-control': 'public, s-maxage=600, must-revalidate, stale-if-error=300' } })));`,
      files: WC,
      errors: [{ messageId: 'disabled', column: 136, message: `'s-maxage=600' and 'must-revalidate' in`, suggestions: [
        { title: `Use max-age instead of s-maxage and remove 'must-revalidate'`, output: `addEventListener('fetch', (e) => e.respondWith(new Response('x', { headers: { 'cache-control': 'public, max-age=600, stale-if-error=300' } })));` },
      ] }],
    },
    {
      name: '_headers: must-revalidate forbids stale copies in browsers too',
      code: `/*\n  Cache-Control: public, max-age=60, stale-while-revalidate=30\n  Cache-Control: must-revalidate\n`,
      filename: 'public/_headers',
      errors: [{ messageId: 'disabledAnyCache', line: 2, column: 38, message: 'joined with ", "', suggestions: [
        { title: `Remove 'must-revalidate'`, output: `/*\n  Cache-Control: public, max-age=60, stale-while-revalidate=30\n` },
      ] }],
    },
    {
      code: `res.headers.set('CDN-Cache-Control', 'stale-while-revalidate=60, s-maxage=600');`,
      files: WC,
      errors: [{ messageId: 'disabled', column: 39, message: 'CDN-Cache-Control', suggestions: [
        { output: `res.headers.set('CDN-Cache-Control', 'stale-while-revalidate=60, max-age=600');` },
      ] }],
    },
    {
      code: `router.get('/x', () => json(data, { headers: { 'cache-control': 'public, must-revalidate, proxy-revalidate, stale-if-error=60, max-age=60' } }));`,
      files: WC,
      errors: [{ messageId: 'disabled', column: 109, suggestions: [
        { title: `Remove 'must-revalidate' and remove 'proxy-revalidate'`, output: `router.get('/x', () => json(data, { headers: { 'cache-control': 'public, stale-if-error=60, max-age=60' } }));` },
      ] }],
    },
    {
      name: 'stale directive appended to a response that already has s-maxage',
      files: WC,
      code: `export default {\n  async fetch(req, env) {\n    const res = new Response(await env.CACHE.get('k'), { headers: { 'Cache-Control': 's-maxage=600' } });\n    res.headers.append('Cache-Control', 'stale-while-revalidate=60');\n    return res;\n  },\n};`,
      errors: [{ messageId: 'disabled', line: 4, column: 42, message: 'appended to one header', suggestions: [
        { output: `export default {\n  async fetch(req, env) {\n    const res = new Response(await env.CACHE.get('k'), { headers: { 'Cache-Control': 'max-age=600' } });\n    res.headers.append('Cache-Control', 'stale-while-revalidate=60');\n    return res;\n  },\n};` },
      ] }],
    },
    {
      code: 'const EDGE_TTL = 600;\nconst CC = `public, s-maxage=${EDGE_TTL}, stale-while-revalidate=30`;\nexport const onRequestGet = async ({ env }) => {\n  const { CACHE } = env;\n  return new Response(await CACHE.get(\'x\'), { headers: { \'Cache-Control\': CC } });\n};',
      filename: 'functions/api/[id].ts',
      files: WC,
      errors: [{ messageId: 'disabled', line: 2, column: 43, suggestions: [
        { output: 'const EDGE_TTL = 600;\nconst CC = `public, max-age=${EDGE_TTL}, stale-while-revalidate=30`;\nexport const onRequestGet = async ({ env }) => {\n  const { CACHE } = env;\n  return new Response(await CACHE.get(\'x\'), { headers: { \'Cache-Control\': CC } });\n};' },
      ] }],
    },
    {
      name: 'Workers Cache off: must-revalidate still disables stale serving in browsers (no mention of Cloudflare)',
      code: `export default { fetch: () => new Response('x', { headers: { 'Cache-Control': 'max-age=60, must-revalidate, stale-while-revalidate=30' } }) };`,
      errors: [{ messageId: 'disabledAnyCache', column: 109, message: /^(?!.*Cloudflare)/, suggestions: [
        { output: `export default { fetch: () => new Response('x', { headers: { 'Cache-Control': 'max-age=60, stale-while-revalidate=30' } }) };` },
      ] }],
    },
    {
      name: 'no-cache disables SWR on the zone cache (hedged, info)',
      code: `res.headers.set('Cache-Control', 'no-cache, stale-while-revalidate=60');`,
      files: WC,
      errors: [{ messageId: 'disabledNoCache', severity: 'info', column: 45, suggestions: [
        { title: `Remove 'no-cache'`, output: `res.headers.set('Cache-Control', 'stale-while-revalidate=60');` },
      ] }],
    },
    {
      name: 'cache.put in the file makes the value reach a Cloudflare cache',
      code: `export default { async fetch(req) {\n  const res = new Response('x', { headers: { 'Cache-Control': 's-maxage=600, stale-if-error=60' } });\n  await caches.default.put(new Request(req.url), res.clone());\n  return res;\n} };`,
      errors: [{ messageId: 'disabled', line: 2, column: 78, message: '(stored with cache.put)', suggestions: [
        { output: `export default { async fetch(req) {\n  const res = new Response('x', { headers: { 'Cache-Control': 'max-age=600, stale-if-error=60' } });\n  await caches.default.put(new Request(req.url), res.clone());\n  return res;\n} };` },
      ] }],
    },
    {
      name: 'Cache-Control stale directives next to a CDN header never reach Cloudflare',
      code: `export default { fetch: () => new Response('x', { headers: { 'Cache-Control': 'public, max-age=60, stale-while-revalidate=300', 'CDN-Cache-Control': 'max-age=600' } }) };`,
      files: WC,
      errors: [{ messageId: 'cdnOverrides', column: 100, message: 'the response also sets CDN-Cache-Control, which wins' }],
    },
    {
      name: 'the same with headers.set on one response',
      code: `export default { async fetch() {\n  const res = new Response('x');\n  res.headers.set('Cache-Control', 'max-age=60, stale-if-error=86400');\n  res.headers.set('Cloudflare-CDN-Cache-Control', 'max-age=600');\n  return res;\n} };`,
      files: WC,
      errors: [{ messageId: 'cdnOverrides', line: 3, column: 49, message: 'Cloudflare-CDN-Cache-Control' }],
    },
    {
      name: "Hono's cache() middleware stores responses with cache.put: the value reaches a Cloudflare cache",
      code: `app.get('*', cache({ cacheName: 'pages', cacheControl: 'max-age=60, proxy-revalidate, stale-if-error=600' }));`,
      errors: [{ messageId: 'disabled', column: 87, message: 'stored with cache.put', suggestions: [
        { output: `app.get('*', cache({ cacheName: 'pages', cacheControl: 'max-age=60, stale-if-error=600' }));` },
      ] }],
    },
  ],
});
