// Table tests for cc-delta-seconds.
import rule from '../../../server/src/rules/cache-control/cc-delta-seconds';
import { runRuleTests } from '../../harness/rule-tester';

runRuleTests(rule, {
  valid: [
    `export default { async fetch() { return new Response('ok', { headers: { 'Cache-Control': 'public, max-age=31536000, immutable' } }); } };`,
    `addEventListener('fetch', (e) => e.respondWith(new Response('x', { headers: { 'cache-control': 'max-age=0, s-maxage=86400, stale-while-revalidate=60, stale-if-error=0' } })));`,
    `app.get('/x', (c) => { c.header('Cache-Control', 'public, max-age=60'); return c.text('x'); });`,
    { name: 'bare max-stale is allowed', code: `const init = { headers: new Headers({ 'Cache-Control': 'max-stale, min-fresh=30' }) };` },
    { name: 'qualified no-cache is not a delta', code: `res.headers.set('Cache-Control', 'private, no-cache="Set-Cookie"');` },
    { name: 'constant template parts resolve to digits', code: 'const TTL = 60 * 60;\nres.headers.set(\'Cache-Control\', `public, max-age=${TTL}`);' },
    { name: 'misspelled and colon forms belong to cc-syntax', code: `res.headers.set('Cache-Control', 'max_age=1h, max-age:30m');` },
    { name: 'a unit in CDN-Cache-Control breaks the structured field: cdn-cc-structured-field reports it once', code: `res.headers.set('CDN-Cache-Control', 'stale-if-error=1h, max-age=-1');` },
    { name: 'quoted numbers in CDN-Cache-Control belong to cdn-cc-structured-field', code: `res.headers.set('CDN-Cache-Control', 'max-age="60", s-maxage=1.5');` },
    { name: 'other headers are not Cache-Control', code: `// Cache-Control is set by the origin\nres.headers.set('Surrogate-Control', 'max-age=1h');` },
    { code: `/assets/*\n  Cache-Control: public, max-age=31536000, immutable\n  X-Max-Age: 1h\n`, filename: 'public/_headers' },
    { code: `export const onRequestGet = async ({ env }) => new Response(await env.KV.get('k'), { headers: { 'Cache-Control': 's-maxage=600' } });`, filename: 'functions/api/[id].ts' },
    `router.get('/x', () => json(data, { headers: { 'cache-control': 'max-age=300' } }));`,
  ],
  invalid: [
    {
      code: `export default { async fetch() { return new Response('ok', { headers: { 'Cache-Control': 'public, max-age="60"' } }); } };`,
      errors: [{ messageId: 'quoted', line: 1, column: 107, severity: 'warn', message: `'max-age="60"' quotes its number, which RFC 9111 forbids: strict parsers may drop it.` }],
      output: `export default { async fetch() { return new Response('ok', { headers: { 'Cache-Control': 'public, max-age=60' } }); } };`,
    },
    {
      code: `/*\n  Cache-Control: public, max-age="3600"\n`,
      filename: 'public/_headers',
      errors: [{ messageId: 'quoted', line: 2, column: 34 }],
      output: `/*\n  Cache-Control: public, max-age=3600\n`,
    },
    {
      code: `app.get('/x', (c) => { c.header('Cache-Control', 'public, max-age=1h'); return c.text('x'); });`,
      errors: [{ messageId: 'unit', line: 1, column: 67, severity: 'error', message: 'has a unit, but Cache-Control takes plain seconds', suggestions: [
        { title: `Convert '1h' to 3600 seconds`, output: `app.get('/x', (c) => { c.header('Cache-Control', 'public, max-age=3600'); return c.text('x'); });` },
      ] }],
    },
    {
      code: `export const onRequestGet = async ({ env }) => {\n  const { CACHE } = env;\n  return new Response(await CACHE.get('page'), { headers: { 'Cache-Control': 's-maxage=30m, stale-while-revalidate=2d' } });\n};`,
      filename: 'functions/api/[id].ts',
      errors: [
        { messageId: 'unit', line: 3, column: 88, suggestions: [{ output: `export const onRequestGet = async ({ env }) => {\n  const { CACHE } = env;\n  return new Response(await CACHE.get('page'), { headers: { 'Cache-Control': 's-maxage=1800, stale-while-revalidate=2d' } });\n};` }] },
        { messageId: 'unit', line: 3, column: 116, suggestions: [{ output: `export const onRequestGet = async ({ env }) => {\n  const { CACHE } = env;\n  return new Response(await CACHE.get('page'), { headers: { 'Cache-Control': 's-maxage=30m, stale-while-revalidate=172800' } });\n};` }] },
      ],
    },
    {
      code: `addEventListener('fetch', (event) => {\n  event.respondWith(new Response('x', { headers: { 'cache-control': 'max-age=1.5' } }));\n});`,
      errors: [{ messageId: 'decimal', line: 2, column: 78, message: 'is not a whole number', suggestions: [
        { title: 'Round down to 1', output: `addEventListener('fetch', (event) => {\n  event.respondWith(new Response('x', { headers: { 'cache-control': 'max-age=1' } }));\n});` },
      ] }],
    },
    {
      name: 'a quoted decimal is an error, not the quoted-number warning',
      code: `res.headers.set('Cache-Control', 'max-age="1.5"');`,
      errors: [{ messageId: 'decimal', column: 43, severity: 'error', suggestions: [{ output: `res.headers.set('Cache-Control', 'max-age=1');` }] }],
    },
    {
      code: `router.get('/feed', () => json(feed, { headers: { 'cache-control': 'public, s-maxage=-1' } }));`,
      errors: [{ messageId: 'negative', line: 1, column: 86, suggestions: [
        { title: 'Use 0', output: `router.get('/feed', () => json(feed, { headers: { 'cache-control': 'public, s-maxage=0' } }));` },
      ] }],
    },
    {
      code: `/api/*\n  Cache-Control: private, max-age=\n`,
      filename: 'public/_headers',
      errors: [{ messageId: 'empty', line: 2, column: 27 }],
    },
    {
      name: 'a bare max-age has no value',
      code: `const headers = new Headers([['Cache-Control', 'public, max-age']]);`,
      errors: [{ messageId: 'empty', line: 1, column: 57, endColumn: 64 }],
    },
    {
      code: `const CACHE_FOREVER = 'public, max-age=forever';\nexport default { fetch: () => new Response('x', { headers: { 'Cache-Control': CACHE_FOREVER } }) };`,
      errors: [{ messageId: 'notNumber', line: 1, column: 40 }],
    },
    {
      name: 'a unit after an interpolated constant is reported but cannot be rewritten in place',
      code: 'const TTL = 3600;\nres.headers.set(\'Cache-Control\', `public, max-age=${TTL}s`);',
      errors: [{ messageId: 'unit', line: 2, column: 34, message: `'max-age=3600s'` }],
    },
    {
      code: `app.get('*', cache({ cacheName: 'pages', cacheControl: 'max-age=90s' }));`,
      errors: [{ messageId: 'unit', column: 65, suggestions: [{ output: `app.get('*', cache({ cacheName: 'pages', cacheControl: 'max-age=90' }));` }] }],
    },
  ],
});
