// Table tests for wrangler-compat-date-cache.
import rule, { todayUtc } from '../../../server/src/rules/wrangler/wrangler-compat-date-cache';
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { runRuleTests } from '../../harness/rule-tester';

// The suggested date is today's (UTC) at lint time, not a fixed one; the clock is injectable.
const TODAY = todayUtc();
it('todayUtc formats the lint-time date as YYYY-MM-DD (UTC)', () => {
  assert.equal(todayUtc(Date.UTC(2026, 10, 30, 23, 59)), '2026-11-30');
  assert.match(TODAY, /^\d{4}-\d{2}-\d{2}$/);
});

const toml = (date: string, extra = '') => ({ 'wrangler.toml': `name = "app"\nmain = "src/index.ts"\ncompatibility_date = "${date}"\n${extra}` });

runRuleTests(rule, {
  valid: [
    // A deploy script that passes --compatibility-date satisfies "missing" (domain.md §0).
    { filename: 'wrangler.toml', name: 'deploy script passes --compatibility-date', code: `name = "app"\nmain = "src/index.ts"\n`, files: { 'package.json': '{ "scripts": { "deploy": "wrangler deploy --compatibility-date=2025-09-01" } }' } },
    // A vitest pool config infers the date on purpose ("vitest will infer the latest one").
    { filename: 'test/fixture/wrangler.toml', name: 'vitest pool fixture omits the date on purpose', code: `name = "fixture"\nmain = "index.ts"\n`, files: { 'test/fixture/vitest.config.ts': `import { defineWorkersConfig } from '@cloudflare/vitest-pool-workers/config';\nexport default defineWorkersConfig({ test: { poolOptions: { workers: { wrangler: { configPath: './wrangler.toml' } } } } });\n` } },
    // cache: 'no-cache' from 2025-08-07, or with the flag; cf on a Cache API request from 2025-05-19.
    { name: "cache: 'no-cache' on 2025-08-07", files: toml('2025-08-07'), code: `export default { fetch: (req) => fetch(req.url, { cache: 'no-cache' }) };` },
    { name: "cache: 'no-cache' with cache_no_cache_enabled", files: toml('2025-01-01', 'compatibility_flags = ["cache_no_cache_enabled"]\n'), code: `export default { fetch: (req) => fetch(req.url, { cache: 'no-cache' }) };` },
    { name: 'cf on a Cache API request on 2025-05-19', files: toml('2025-05-19'), code: `export default { async fetch(req) { const key = new Request(req.url, { cf: { cacheTtl: 60 } }); return (await caches.default.match(key)) ?? new Response('miss'); } };` },
    { filename: 'wrangler.toml', code: `name = "app"\nmain = "src/index.ts"\ncompatibility_date = "2025-06-01"\n` },
    { filename: 'wrangler.jsonc', code: `{\n  // app\n  "name": "app",\n  "compatibility_date": "2024-01-01",\n}\n` },
    { filename: 'wrangler.toml', name: 'a TOML date literal is not "missing"', code: `name = "app"\ncompatibility_date = 2024-01-01\n` },
    { name: 'cache: no-store with the default 2025-06-01 config', code: `export default { fetch: (req) => fetch(req.url, { cache: 'no-store' }) };` },
    { name: 'old date, but cache_option_enabled', files: toml('2024-06-01', 'compatibility_flags = ["nodejs_compat", "cache_option_enabled"]\n'), code: `export default { async fetch(req) { return fetch(new Request(req.url, { cache: 'no-store' })); } };` },
    { name: 'old date, cf without cache settings (or cacheEverything: false)', files: toml('2024-06-01'), code: `export default { fetch: (req) => fetch(req, { cf: { cacheEverything: false, image: { width: 200 }, resolveOverride: 'origin.example.com' } }) };` },
    { name: 'old date, but request_cf_overrides_cache_rules', files: toml('2025-01-01', 'compatibility_flags = ["request_cf_overrides_cache_rules"]\n'), code: `app.get('/img/*', (c) => fetch(c.req.url, { cf: { cacheTtl: 300 } }));` },
    { name: 'exactly 2025-04-02', files: toml('2025-04-02'), code: `addEventListener('fetch', (e) => e.respondWith(fetch(e.request, { cf: { cacheEverything: true, cacheTtl: 60 } })));` },
    { name: 'reading request.cf, a cache object not passed to fetch, an unresolvable mode', files: toml('2024-01-01'), code: `interface Env { CACHE: KVNamespace }\nexport default { async fetch(req: Request, env: Env) {\n  const ttl = (req as any).cf?.cacheTtl;\n  const opts = { cache: caches.default, cacheTtl: 60 };\n  const mode = await env.CACHE.get('mode');\n  return fetch(req, { cache: mode as RequestCache });\n} };` },
    { name: 'no wrangler config near the file', files: { 'other/wrangler.toml': `name = "other"\ncompatibility_date = "2024-01-01"\n` }, code: `export default { fetch: (req) => fetch(req, { cache: 'no-store', cf: { cacheTtl: 60 } }) };` },
    { filename: 'functions/api/[id].ts', name: 'Pages Function with a recent date', files: { 'wrangler.toml': `name = "site"\npages_build_output_dir = "./dist"\ncompatibility_date = "2025-05-01"\n` }, code: `export const onRequestGet = async ({ params }) => fetch(\`https://api.example.com/items/\${params.id}\`, { cf: { cacheTtl: 120 } });` },
  ],
  invalid: [
    {
      filename: 'wrangler.toml', name: 'missing date (TOML)',
      code: `name = "app"\nmain = "src/index.ts"\n\n[[kv_namespaces]]\nbinding = "CACHE"\nid = "1"\n`,
      errors: [{
        messageId: 'missingDate', line: 1, column: 1, endColumn: 5, severity: 'warn', message: 'No compatibility_date in wrangler.toml: `wrangler deploy` fails in CI and `wrangler dev` picks a default.',
        suggestions: [{ title: /^Add compatibility_date "\d{4}-\d{2}-\d{2}"$/, output: `compatibility_date = "${TODAY}"\nname = "app"\nmain = "src/index.ts"\n\n[[kv_namespaces]]\nbinding = "CACHE"\nid = "1"\n` }],
      }],
    },
    {
      filename: 'wrangler.toml', name: 'missing date, schema comment, first key is a table; custom suggested date',
      options: { suggestedDate: '2026-01-15' },
      code: `#:schema node_modules/wrangler/config-schema.json\n[site]\nbucket = "./public"\n`,
      errors: [{ messageId: 'missingDate', line: 2, column: 2, suggestions: [{ output: `#:schema node_modules/wrangler/config-schema.json\ncompatibility_date = "2026-01-15"\n[site]\nbucket = "./public"\n` }] }],
    },
    {
      filename: 'wrangler.json', name: 'missing date (JSON)',
      code: `{\n  "$schema": "node_modules/wrangler/config-schema.json",\n  "name": "app"\n}\n`,
      errors: [{ messageId: 'missingDate', line: 2, column: 3, message: 'wrangler.json', suggestions: [{ output: `{\n  "compatibility_date": "${TODAY}",\n  "$schema": "node_modules/wrangler/config-schema.json",\n  "name": "app"\n}\n` }] }],
    },
    {
      filename: 'wrangler.jsonc', name: 'missing date in an empty object',
      code: `{}`,
      errors: [{ messageId: 'missingDate', line: 1, column: 1, suggestions: [{ output: `{"compatibility_date": "${TODAY}"}` }] }],
    },
    {
      name: 'module Worker: cache: no-store before 2024-11-11 throws',
      files: toml('2024-09-23'),
      code: `export default {\n  async fetch(request, env, ctx) {\n    return fetch('https://api.example.com/feed', { cache: 'no-store' });\n  },\n};`,
      errors: [{ messageId: 'cacheOptionBeforeDate', line: 3, column: 52, endColumn: 69, severity: 'error', message: 'compatibility_date 2024-09-23 in wrangler.toml' }],
    },
    {
      name: 'service worker: new Request with cache, config in wrangler.jsonc',
      files: { 'wrangler.jsonc': `{ "name": "sw", "main": "src/index.ts", "compatibility_date": "2024-01-01" }` },
      code: `addEventListener('fetch', (event) => {\n  const fresh = new Request(event.request, { cache: 'no-store' });\n  event.respondWith(fetch(fresh));\n});`,
      errors: [{ messageId: 'cacheOptionBeforeDate', line: 2, column: 46, message: 'in wrangler.jsonc' }],
    },
    {
      name: 'Hono: cf cache settings before 2025-04-02',
      files: toml('2025-01-15'),
      code: `import { Hono } from 'hono';\nconst app = new Hono<{ Bindings: { CACHE: KVNamespace } }>();\napp.get('/img/*', async (c) => fetch(c.req.url, { cf: { cacheTtl: 300, cacheEverything: true } }));\nexport default app;`,
      errors: [{ messageId: 'cfBeforeDate', line: 3, column: 57, endColumn: 70, message: '`cf: { cacheTtl, cacheEverything }`' }],
    },
    {
      name: 'itty-router: init object in a const',
      files: toml('2024-12-01'),
      code: `import { Router } from 'itty-router';\nconst ORIGIN_INIT = { cf: { cacheTtlByStatus: { '200-299': 86400, '404': 1 } } };\nconst router = Router();\nrouter.get('/img/*', (req) => fetch(req.url, ORIGIN_INIT));\nexport default { fetch: router.fetch };`,
      errors: [{ messageId: 'cfBeforeDate', line: 2, column: 29 }],
    },
    {
      name: 'helper function; the override flag is disabled',
      files: toml('2025-06-01', 'compatibility_flags = ["no_request_cf_overrides_cache_rules"]\n'),
      code: `async function originFetch(url: string) {\n  return fetch(url, { cf: { cacheEverything: true } });\n}\nexport default { fetch: (req: Request) => originFetch(req.url) };`,
      errors: [{ messageId: 'cfDisabled', line: 2, column: 29, message: 'no_request_cf_overrides_cache_rules' }],
    },
    {
      name: 'an env section with an old date',
      files: toml('2025-06-01', '\n[env.legacy]\ncompatibility_date = "2024-03-01"\n'),
      code: `export default { fetch: (req, env) => { const { CACHE } = env; return fetch(req.url, { cache: 'no-store' }); } };`,
      errors: [{ messageId: 'cacheOptionBeforeDate', message: 'compatibility_date 2024-03-01 in wrangler.toml (env.legacy)' }],
    },
    {
      name: 'cache_option_disabled',
      files: toml('2025-06-01', 'compatibility_flags = ["cache_option_disabled"]\n'),
      code: `export default { fetch: (req) => fetch(req, { cache: 'no-store' }) };`,
      errors: [{ messageId: 'cacheOptionDisabled', line: 1, column: 47, severity: 'error' }],
    },
    {
      filename: 'functions/api/[id].ts', name: 'Pages Function: cf on a Request, both problems',
      files: { 'wrangler.toml': `name = "site"\npages_build_output_dir = "./dist"\ncompatibility_date = "2024-05-01"\n` },
      code: `export const onRequestGet = async ({ params }) => {\n  const req = new Request(\`https://api.example.com/\${params.id}\`, { cache: 'no-store', cf: { cacheTtl: 60 } });\n  return fetch(req);\n};`,
      errors: [{ messageId: 'cacheOptionBeforeDate', line: 2, column: 69 }, { messageId: 'cfBeforeDate', line: 2, column: 94 }],
    },
    {
      name: "cache: 'no-cache' before 2025-08-07 throws (cache_option_enabled is on)",
      files: toml('2025-01-15'),
      code: `export default { fetch: (req) => fetch(req.url, { cache: 'no-cache' }) };`,
      errors: [{ messageId: 'noCacheBeforeDate', line: 1, column: 51, severity: 'error', message: '`cache: \'no-cache\'` throws with compatibility_date 2025-01-15 in wrangler.toml (before 2025-08-07).' }],
    },
    {
      name: "cache: 'reload' is unsupported at any date",
      files: toml('2026-01-01'),
      code: `export default { fetch: (req) => fetch(new Request(req.url, { cache: 'reload' })) };`,
      errors: [{ messageId: 'unsupportedMode', line: 1, column: 63, severity: 'error', message: '`cache: \'reload\'` is not supported by Workers: the request throws.' }],
    },
    {
      name: 'cf on a request passed to the Cache API before 2025-05-19 is ignored (reported once, against the Cache API flag)',
      files: toml('2025-04-20'),
      code: `export default {\n  async fetch(req, env, ctx) {\n    const key = new Request(req.url, { cf: { cacheTtl: 600 } });\n    const res = await fetch(req.url);\n    ctx.waitUntil(caches.default.put(key, res.clone()));\n    return res;\n  },\n};`,
      errors: [{ messageId: 'cacheApiCfBeforeDate', line: 3, column: 46, severity: 'warn', message: '`cf: { cacheTtl }` passed to caches.default.put() is ignored before 2025-05-19 (2025-04-20 in wrangler.toml).' }],
    },
    {
      filename: 'wrangler.toml', name: 'a deploy script without --compatibility-date does not satisfy it',
      files: { 'package.json': '{ "scripts": { "deploy": "wrangler deploy" } }' },
      options: { suggestedDate: '2026-01-15' },
      code: `name = "app"\n`,
      errors: [{ messageId: 'missingDate', suggestions: [{ title: 'Add compatibility_date "2026-01-15"', output: `compatibility_date = "2026-01-15"\nname = "app"\n` }] }],
    },
  ],
});
