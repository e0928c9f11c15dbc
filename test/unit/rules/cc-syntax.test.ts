// Table tests for cc-syntax.
import rule from '../../../server/src/rules/cache-control/cc-syntax';
import { runRuleTests } from '../../harness/rule-tester';

runRuleTests(rule, {
  valid: [
    `export default { fetch() { return new Response('ok', { headers: { 'Cache-Control': 'public, max-age=31536000, immutable' } }); } };`,
    `const CC = 'private, no-cache="Set-Cookie"'; addEventListener('fetch', (e) => e.respondWith(new Response('x', { headers: { 'cache-control': CC } })));`,
    `app.get('/x', (c) => { c.header('Cache-Control', 'max-age=60,s-maxage=120'); return c.text('x'); });`,
    { code: `/*\n  Cache-Control: public, max-age=0, must-revalidate\n`, filename: 'public/_headers' },
    `const h = new Headers(); h.set('X-Cache', 'public; max-age=60');`,
    `res.headers.set('Cache-Control', 'Max-Age=60, Public');`,
    `return json(data, { headers: { 'CDN-Cache-Control': 'max-age=3600, x-custom-extension' } });`,
    { name: "';' in a CDN header starts a parameter: cdn-cc-structured-field suggests ',' instead of fixing it", code: `addEventListener('fetch', (event) => {\n  event.respondWith(new Response('x', { headers: { 'Cloudflare-CDN-Cache-Control': 'max-age=60;stale-if-error=600' } }));\n});` },
    { name: 'CDN header grammar belongs to cdn-cc-structured-field', code: `res.headers.set('CDN-Cache-Control', 'max-age:60, max-age = 60,, no-cache="a');` },
    { code: `export const onRequestGet = async ({ env }) => new Response(await env.KV.get('x'), { headers: { 'Cache-Control': 'public, max-age=60, stale-while-revalidate=30' } });`, filename: 'functions/api/x.ts' },
    'function withCaching(res: Response, seconds: number) { res.headers.set(\'Cache-Control\', `public, max-age=${seconds}`); return res; }',
    `const CC = { 'Cache-Control': 'private="Set-Cookie", max-age=600' };\nexport default { fetch: () => new Response('x', { headers: { ...CC } }) };`,
  ],
  invalid: [
    {
      code: `return new Response(body, { headers: { 'Cache-Control': 'public; max-age=31536000; immutable' } });`,
      errors: [{ messageId: 'semicolon', line: 1, column: 64, severity: 'warn' }, { messageId: 'semicolon', line: 1, column: 82 }],
      output: `return new Response(body, { headers: { 'Cache-Control': 'public, max-age=31536000, immutable' } });`,
    },
    {
      code: `const CACHE = \`max_age=\${60 * 60}\`;\nexport default { fetch() { return new Response('x', { headers: { 'Cache-Control': CACHE } }); } };`,
      errors: [{ messageId: 'unknownDirective', line: 1, column: 16, severity: 'error', suggestions: [{ title: "Rename 'max_age' to 'max-age'", output: `const CACHE = \`max-age=\${60 * 60}\`;\nexport default { fetch() { return new Response('x', { headers: { 'Cache-Control': CACHE } }); } };` }] }],
    },
    {
      code: `/assets/*\n  Cache-Control: max-age:0\n`,
      filename: 'public/_headers',
      errors: [{ messageId: 'colon', line: 2, column: 25 }],
      output: `/assets/*\n  Cache-Control: max-age=0\n`,
    },
    {
      code: `app.use('*', async (c, next) => { await next(); c.header('Cache-Control', 's-max-age=600 , max-age = 60'); });`,
      errors: [
        { messageId: 'unknownDirective', line: 1, column: 76, suggestions: [{ output: `app.use('*', async (c, next) => { await next(); c.header('Cache-Control', 's-maxage=600 , max-age = 60'); });` }] },
        { messageId: 'spacedEquals', line: 1, column: 99 },
      ],
      output: `app.use('*', async (c, next) => { await next(); c.header('Cache-Control', 's-max-age=600 , max-age=60'); });`,
    },
    {
      code: `const headers = new Headers([['cache-control', 'public, max-age=60,']]);`,
      errors: [{ messageId: 'emptyMember', line: 1, column: 67 }],
      output: `const headers = new Headers([['cache-control', 'public, max-age=60']]);`,
    },
    {
      code: `router.get('/v2/*', () => json(blob, { headers: { 'cache-control': 'public, max-age=31536000; immutable' } }));`,
      errors: [{ messageId: 'semicolon', line: 1, column: 93 }],
      output: `router.get('/v2/*', () => json(blob, { headers: { 'cache-control': 'public, max-age=31536000, immutable' } }));`,
    },
    {
      code: `app.get('*', cache({ cacheName: 'pages', cacheControl: 'max-age=3600, stale-while-revalidation=60' }));`,
      errors: [{ messageId: 'unknownDirective', column: 71, suggestions: [{ output: `app.get('*', cache({ cacheName: 'pages', cacheControl: 'max-age=3600, stale-while-revalidate=60' }));` }] }],
    },
    {
      name: 'misspelled names in a CDN header are still cc-syntax\'s',
      code: `res.headers.set('CDN-Cache-Control', 's-max-age=600; public');`,
      errors: [{ messageId: 'unknownDirective', column: 39, suggestions: [{ output: `res.headers.set('CDN-Cache-Control', 's-maxage=600; public');` }] }],
    },
    {
      code: `const BASE = 'public, ';\nfunction cached(body: string) {\n  return new Response(body, { headers: { 'Cache-Control': BASE + 'smaxage=300' } });\n}`,
      errors: [{ messageId: 'unknownDirective', line: 3, column: 67, suggestions: [{ title: "Rename 'smaxage' to 's-maxage'", output: `const BASE = 'public, ';\nfunction cached(body: string) {\n  return new Response(body, { headers: { 'Cache-Control': BASE + 's-maxage=300' } });\n}` }] }],
    },
    {
      code: `res.headers.set('Cache-Control', 'private, no-cache="Set-Cookie');`,
      errors: [{ messageId: 'unbalancedQuote', severity: 'error' }],
    },
  ],
});
