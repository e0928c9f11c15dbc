// Table tests for cdn-cc-structured-field: RFC 9213 structured-field semantics (domain.md §0), severity by edge context.
import rule from '../../../server/src/rules/cache-control/cdn-cc-structured-field';
import { runRuleTests } from '../../harness/rule-tester';

/** Workers Cache on: the Worker's own responses are cached by Cloudflare (domain.md A6). */
const WC = { 'wrangler.toml': 'name = "app"\nmain = "src/index.ts"\ncompatibility_date = "2026-08-01"\n\n[cache]\nenabled = true\n' };

runRuleTests(rule, {
  valid: [
    { code: `export default { fetch: () => new Response('x', { headers: { 'CDN-Cache-Control': 'public, max-age=3600, stale-while-revalidate=60' } }) };`, files: WC },
    { name: 'Cache-Control is not a structured field', code: `res.headers.set('Cache-Control', 'Max-Age="60"; public');` },
    { name: 'RFC 9213 §3.1: "none" avoids an empty value', code: `res.headers.set('Cloudflare-CDN-Cache-Control', 'none');`, files: WC },
    { name: 'qualified no-cache is a String list', code: `app.get('/x', (c) => { c.header('CDN-Cache-Control', 'no-cache="Set-Cookie", max-age=60'); return c.text('x'); });`, files: WC },
    { name: 'OWS after commas is allowed, bare max-stale is Boolean', code: `const h = new Headers({ 'cdn-cache-control': 'max-age=60,s-maxage=120,   must-revalidate' });` },
    { code: `/assets/*\n  CDN-Cache-Control: max-age=31536000, immutable\n`, filename: 'public/_headers' },
  ],
  invalid: [
    {
      name: 'uppercase key: the whole field is ignored (warning with Workers Cache on)',
      code: `export default { fetch: () => new Response('x', { headers: { 'CDN-Cache-Control': 'Max-Age=3600, public' } }) };`,
      files: WC,
      errors: [{ messageId: 'parseError', severity: 'warn', column: 84, message: 'uppercase directive name', suggestions: [
        { title: 'Lowercase the directive names', output: `export default { fetch: () => new Response('x', { headers: { 'CDN-Cache-Control': 'max-age=3600, public' } }) };` },
      ] }],
    },
    {
      name: 'the same value without Workers Cache or cache.put is info: Cloudflare never caches this response',
      code: `export default { fetch: () => new Response('x', { headers: { 'CDN-Cache-Control': 'Max-Age=3600, public' } }) };`,
      errors: [{ messageId: 'parseError', severity: 'info', suggestions: [
        { output: `export default { fetch: () => new Response('x', { headers: { 'CDN-Cache-Control': 'max-age=3600, public' } }) };` },
      ] }],
    },
    {
      name: 'a quoted max-age is valid SF that drops only that directive',
      code: `res.headers.set('CDN-Cache-Control', 'public, max-age="60"');`,
      files: WC,
      errors: [{ messageId: 'dropped', severity: 'warn', column: 47, message: 'caches drop this directive', suggestions: [
        { title: 'Write max-age=60', output: `res.headers.set('CDN-Cache-Control', 'public, max-age=60');` },
      ] }],
    },
    {
      name: 'a decimal and a negative lifetime are dropped; cache.put in the file makes it a warning',
      code: `export default { async fetch(req) {\n  const res = new Response('x', { headers: { 'CDN-Cache-Control': 'max-age=1.5, stale-if-error=-1' } });\n  await caches.default.put(new Request(req.url), res.clone());\n  return res;\n} };`,
      errors: [
        { messageId: 'dropped', severity: 'warn', line: 2, column: 68, suggestions: [{ output: `export default { async fetch(req) {\n  const res = new Response('x', { headers: { 'CDN-Cache-Control': 'max-age=1, stale-if-error=-1' } });\n  await caches.default.put(new Request(req.url), res.clone());\n  return res;\n} };` }] },
        { messageId: 'dropped', severity: 'warn', line: 2, column: 81, message: 'is not a non-negative integer' },
      ],
    },
    {
      name: "';' starts a parameter: suggestion only, never a fix",
      code: `res.headers.set('Cloudflare-CDN-Cache-Control', 'public; max-age=600');`,
      files: WC,
      errors: [{ messageId: 'parameter', column: 56, message: "'max-age=600' a parameter of 'public'", suggestions: [
        { title: "Replace ';' with ','", output: `res.headers.set('Cloudflare-CDN-Cache-Control', 'public, max-age=600');` },
      ] }],
    },
    {
      name: 'a unit is junk after an Integer: the whole field is ignored',
      code: `app.get('/feed', (c) => {\n  c.header('CDN-Cache-Control', 'max-age=1h');\n  return c.text('x');\n});`,
      files: WC,
      errors: [{ messageId: 'parseError', line: 2, column: 43, message: 'units are not allowed' }],
    },
    {
      name: 'an empty value is ignored',
      code: `res.headers.set('CDN-Cache-Control', '');`,
      files: WC,
      errors: [{ messageId: 'parseError', message: 'the value is empty' }],
    },
    {
      name: "':' instead of '=' and a trailing comma are parse errors",
      code: `res.headers.set('CDN-Cache-Control', 'max-age:60');\nres.headers.set('CDN-Cache-Control', 'max-age=60,');`,
      files: WC,
      errors: [{ messageId: 'parseError', line: 1, message: '":" instead of "="' }, { messageId: 'parseError', line: 2, message: 'trailing comma' }],
    },
    {
      name: '_headers values are browser-facing: info',
      code: `/*\n  CDN-Cache-Control: max-age="86400"\n`,
      filename: 'public/_headers',
      errors: [{ messageId: 'dropped', severity: 'info', line: 2, column: 22, suggestions: [{ output: `/*\n  CDN-Cache-Control: max-age=86400\n` }] }],
    },
    {
      name: 'a token lifetime is valid SF but dropped (no suggestion); a bare max-age too',
      code: `res.headers.set('CDN-Cache-Control', 'max-age=forever, s-maxage');`,
      files: WC,
      errors: [{ messageId: 'dropped', column: 39, message: "'max-age=forever'" }, { messageId: 'dropped', column: 56, message: "'s-maxage'" }],
    },
    {
      name: 'a dropped directive and its parameter are two problems, in source order',
      code: `res.headers.set('CDN-Cache-Control', 'max-age=1.5;immutable');`,
      files: WC,
      errors: [
        { messageId: 'dropped', column: 39, suggestions: [{ output: `res.headers.set('CDN-Cache-Control', 'max-age=1;immutable');` }] },
        { messageId: 'parameter', column: 50, message: "'immutable' a parameter of 'max-age=1.5'", suggestions: [{ output: `res.headers.set('CDN-Cache-Control', 'max-age=1.5,immutable');` }] },
      ],
    },
  ],
});
