// Table tests for cc-conflicting-directives.
import rule from '../../../server/src/rules/cache-control/cc-conflicting-directives';
import { runRuleTests } from '../../harness/rule-tester';

runRuleTests(rule, {
  valid: [
    { name: 'the classic "never cache" idiom: max-age=0 agrees with no-store', code: `export default { fetch: () => new Response('x', { headers: { 'Cache-Control': 'no-store, no-cache, must-revalidate, max-age=0' } }) };` },
    { name: 'qualified private only keeps Set-Cookie out of shared caches', code: `app.get('/x', (c) => { c.header('Cache-Control', 'public, private="Set-Cookie", s-maxage=600'); return c.text('x'); });` },
    { name: 'qualified no-cache with immutable', code: `addEventListener('fetch', (e) => e.respondWith(new Response('x', { headers: { 'cache-control': 'no-cache="Set-Cookie", max-age=31536000, immutable' } })));` },
    `res.headers.set('Cache-Control', 'no-store, must-understand');`,
    `res.headers.set('Cache-Control', 'private, no-cache, max-age=0');`,
    { name: 'separate _headers rules are headers-cache-control-merge territory', code: `/*\n  Cache-Control: no-store\n/assets/*\n  Cache-Control: public, max-age=31536000, immutable\n`, filename: 'public/_headers' },
    `router.get('/a/*', () => json(data, { headers: { 'cache-control': 'public, max-age=31536000, immutable' } }));`,
    { code: `export const onRequestGet = async ({ env }) => new Response(await env.SESSIONS.get('me'), { headers: { 'Cache-Control': 'private, max-age=60' } });`, filename: 'functions/api/me.ts' },
    { name: 'different headers do not conflict', code: `const headers = { 'Cache-Control': 'public, max-age=60', 'CDN-Cache-Control': 'no-store' };` },
    `res.headers.set('Cache-Control', 'no-store, s-maxage=0');`,
    { name: 'no-cache with a zero max-age agrees', code: `res.headers.set('Cache-Control', 'no-cache, max-age=0');` },
    { name: 'set replaces the earlier value', code: `export default { async fetch() { const res = new Response('x', { headers: { 'Cache-Control': 'private' } }); res.headers.set('Cache-Control', 'public, s-maxage=60'); return res; } };` },
  ],
  invalid: [
    {
      code: `export default { fetch: () => new Response('x', { headers: { 'Cache-Control': 'public, private, max-age=60' } }) };`,
      errors: [{ messageId: 'publicPrivate', line: 1, column: 88, message: `'public' and 'private' contradict`, suggestions: [
        { title: `Remove 'public'`, output: `export default { fetch: () => new Response('x', { headers: { 'Cache-Control': 'private, max-age=60' } }) };` },
        { title: `Remove 'private'`, output: `export default { fetch: () => new Response('x', { headers: { 'Cache-Control': 'public, max-age=60' } }) };` },
      ] }],
    },
    {
      code: `addEventListener('fetch', (e) => e.respondWith(new Response('x', { headers: { 'cache-control': 'max-age=3600, no-store' } })));`,
      errors: [{ messageId: 'noStore', line: 1, column: 111, message: `'max-age=3600' has no effect next to 'no-store'`, suggestions: [
        { title: `Remove 'max-age=3600'`, output: `addEventListener('fetch', (e) => e.respondWith(new Response('x', { headers: { 'cache-control': 'no-store' } })));` },
        { title: `Remove 'no-store'`, output: `addEventListener('fetch', (e) => e.respondWith(new Response('x', { headers: { 'cache-control': 'max-age=3600' } })));` },
      ] }],
    },
    {
      code: `/*\n  Cache-Control: no-cache\n  Cache-Control: public, max-age=31536000, immutable\n`,
      filename: 'public/_headers',
      errors: [{ messageId: 'noCacheMaxAge', line: 3, column: 26, suggestions: [
        { output: `/*\n  Cache-Control: public, max-age=31536000, immutable\n` },
        { output: `/*\n  Cache-Control: no-cache\n  Cache-Control: public, immutable\n` },
      ] }, { messageId: 'noCacheImmutable', line: 3, column: 44, message: 'joined with ", "', suggestions: [
        { title: `Remove 'no-cache'`, output: `/*\n  Cache-Control: public, max-age=31536000, immutable\n` },
        { title: `Remove 'immutable'`, output: `/*\n  Cache-Control: no-cache\n  Cache-Control: public, max-age=31536000\n` },
      ] }],
    },
    {
      name: 'edge-only pair on a Worker response with Workers Cache off: info',
      code: `app.get('/me', (c) => {\n  c.header('Cache-Control', 'private, s-maxage=600');\n  return c.json({});\n});`,
      errors: [{ messageId: 'privateSMaxage', line: 2, column: 39, severity: 'info', suggestions: [
        { output: `app.get('/me', (c) => {\n  c.header('Cache-Control', 's-maxage=600');\n  return c.json({});\n});` },
        { output: `app.get('/me', (c) => {\n  c.header('Cache-Control', 'private');\n  return c.json({});\n});` },
      ] }],
    },
    {
      code: `res.headers.set('Cache-Control', 'no-store, public, immutable');`,
      errors: [
        { messageId: 'noStore', column: 45, message: `'public'`, suggestions: [
          { output: `res.headers.set('Cache-Control', 'public, immutable');` },
          { output: `res.headers.set('Cache-Control', 'no-store, immutable');` },
        ] },
        { messageId: 'noStore', column: 53, message: `'immutable'`, suggestions: [
          { output: `res.headers.set('Cache-Control', 'public, immutable');` },
          { output: `res.headers.set('Cache-Control', 'no-store, public');` },
        ] },
      ],
    },
    {
      name: 'appended directive conflicting with the init value; single-member values cannot be removed',
      code: `export default {\n  async fetch() {\n    const res = new Response('x', { headers: { 'Cache-Control': 'private' } });\n    res.headers.append('Cache-Control', 's-maxage=60');\n    return res;\n  },\n};`,
      errors: [{ messageId: 'privateSMaxage', line: 4, column: 42, message: 'appended to one header' }],
    },
    {
      code: `router.get('/err', () => json(err, { status: 500, headers: { 'cache-control': 'no-store, stale-if-error=300' } }));`,
      errors: [{ messageId: 'noStore', column: 90, suggestions: [
        { output: `router.get('/err', () => json(err, { status: 500, headers: { 'cache-control': 'stale-if-error=300' } }));` },
        { output: `router.get('/err', () => json(err, { status: 500, headers: { 'cache-control': 'no-store' } }));` },
      ] }],
    },
    {
      code: `const NO_CACHE = 'no-store, stale-while-revalidate=60';\nexport const onRequestGet = async ({ env }) => {\n  const { CACHE } = env;\n  return new Response(await CACHE.get('x'), { headers: { 'Cache-Control': NO_CACHE } });\n};`,
      filename: 'functions/api/[id].ts',
      errors: [{ messageId: 'noStore', line: 1, column: 29, suggestions: [
        { output: `const NO_CACHE = 'stale-while-revalidate=60';\nexport const onRequestGet = async ({ env }) => {\n  const { CACHE } = env;\n  return new Response(await CACHE.get('x'), { headers: { 'Cache-Control': NO_CACHE } });\n};` },
        { output: `const NO_CACHE = 'no-store';\nexport const onRequestGet = async ({ env }) => {\n  const { CACHE } = env;\n  return new Response(await CACHE.get('x'), { headers: { 'Cache-Control': NO_CACHE } });\n};` },
      ] }],
    },
    {
      code: `interface Env { CACHE: KVNamespace }\nfunction cached(body: string): Response {\n  return new Response(body, { headers: { 'CDN-Cache-Control': 'private, s-maxage=60' } });\n}`,
      files: { 'wrangler.toml': 'name = "app"\nmain = "src/index.ts"\ncompatibility_date = "2025-06-01"\n' },
      errors: [{ messageId: 'privateSMaxage', line: 3, column: 73, message: 'CDN-Cache-Control', suggestions: [
        { output: `interface Env { CACHE: KVNamespace }\nfunction cached(body: string): Response {\n  return new Response(body, { headers: { 'CDN-Cache-Control': 's-maxage=60' } });\n}` },
        { output: `interface Env { CACHE: KVNamespace }\nfunction cached(body: string): Response {\n  return new Response(body, { headers: { 'CDN-Cache-Control': 'private' } });\n}` },
      ] }],
    },
    {
      name: "RFC 9111 §4.2.1's own example: no-cache with max-age",
      code: `app.get('/feed', (c) => {\n  c.header('Cache-Control', 'no-cache, max-age=3600');\n  return c.json([]);\n});`,
      errors: [{ messageId: 'noCacheMaxAge', line: 2, column: 40, message: 'every use is revalidated', suggestions: [
        { title: `Remove 'no-cache'`, output: `app.get('/feed', (c) => {\n  c.header('Cache-Control', 'max-age=3600');\n  return c.json([]);\n});` },
        { title: `Remove 'max-age=3600'`, output: `app.get('/feed', (c) => {\n  c.header('Cache-Control', 'no-cache');\n  return c.json([]);\n});` },
      ] }],
    },
    {
      name: 'public=1 is "public takes no argument", not a conflict with no-store',
      code: `res.headers.set('Cache-Control', 'no-store, public=1');`,
      errors: [{ messageId: 'publicArgument', column: 45, message: 'public takes no argument', suggestions: [
        { title: "Write 'public'", output: `res.headers.set('Cache-Control', 'no-store, public');` },
      ] }],
    },
    {
      name: 'the same pair with Workers Cache enabled: warning',
      code: `app.get('/me', (c) => {\n  c.header('Cache-Control', 'private, s-maxage=600');\n  return c.json({});\n});`,
      files: { 'wrangler.toml': 'name = "app"\nmain = "src/index.ts"\ncompatibility_date = "2026-08-01"\n\n[cache]\nenabled = true\n' },
      errors: [{ messageId: 'privateSMaxage', severity: 'warn', suggestions: [
        { output: `app.get('/me', (c) => {\n  c.header('Cache-Control', 's-maxage=600');\n  return c.json({});\n});` },
        { output: `app.get('/me', (c) => {\n  c.header('Cache-Control', 'private');\n  return c.json({});\n});` },
      ] }],
    },
  ],
});
