// Table tests for kv-cachettl-below-minimum.
import rule from '../../../server/src/rules/kv/kv-cachettl-below-minimum';
import { runRuleTests } from '../../harness/rule-tester';

const REMOVE = "Remove cacheTtl (KV's default is 60 s)";
const NO_KV_WRANGLER = `name = "app"\nmain = "src/index.ts"\ncompatibility_date = "2025-06-01"\n`;

runRuleTests(rule, {
  valid: [
    // Fractions are truncated by the binding: 30.9 works as 30 (domain.md §0).
    `export default { async fetch(req, env) { return new Response(await env.CACHE.get('k', { cacheTtl: 30.9 })); } };`,
    // The current minimum (30 s since 2026-01-30) and values above it.
    `export default { async fetch(req, env) { return new Response(await env.CACHE.get('k', { cacheTtl: 30 })); } };`,
    `export default { async fetch(req, env) { return Response.json(await env.KV.get('k', { type: 'json', cacheTtl: 45 })); } };`,
    { code: `export default { async fetch(req, env) { return new Response(await env.KV.get('k', { cacheTtl: 60 })); } };`, options: { minimum: 60 } },
    // fetch()'s cf.cacheTtl is the zone cache, not KV: any value is allowed.
    `export default { async fetch(req) { return fetch(req, { cf: { cacheTtl: 5 } }); } };`,
    // BUCKET is an R2 bucket in wrangler.toml, even when a type claims otherwise.
    `interface Env { BUCKET: KVNamespace }\nexport default { async fetch(req: Request, env: Env) { return new Response((await env.BUCKET.get('k', { cacheTtl: 10 })) as any); } };`,
    // A Map or a user object named like a cache is not a KV binding.
    `const cache = new Map(); export function read(k) { return cache.get(k, { cacheTtl: 1 }); }`,
    `class Store { cache = new Map(); read(k) { return this.cache.get(k, { cacheTtl: 5 }); } }`,
    // cacheTtl on put() is not a get() option; unknown values are skipped.
    `export default { async fetch(req, env) { await env.KV.put('k', 'v', { cacheTtl: 10, expirationTtl: 3600 }); return new Response('ok'); } };`,
    `export async function read(env, ttl) { return env.KV.get('k', { cacheTtl: ttl }); }`,
    `export async function read(env) { return env.KV.get('k', { cacheTtl: Math.max(30, 10) > 0 ? 300 : 600 }); }`,
    // A KVNamespace-typed name that the wrangler config does not declare, used correctly.
    { code: `interface Env { PAGES: KVNamespace }\nexport default { async fetch(req: Request, env: Env) { return new Response(await env.PAGES.get('k', { cacheTtl: 300 })); } };`, files: { 'wrangler.toml': NO_KV_WRANGLER } },
  ],
  invalid: [
    {
      name: 'a fraction that truncates below the minimum: the runtime reports the truncated value',
      code: `export default { async fetch(req, env) { return new Response(await env.CACHE.get('k', { cacheTtl: 29.9 })); } };`,
      errors: [{
        messageId: 'belowMinimum', severity: 'error', message: 'cacheTtl: 29.9 on CACHE.get() is below KV\'s 30 s minimum, so the call throws.',
        suggestions: [
          { title: 'Use cacheTtl: 30', output: `export default { async fetch(req, env) { return new Response(await env.CACHE.get('k', { cacheTtl: 30 })); } };` },
          { title: REMOVE, output: `export default { async fetch(req, env) { return new Response(await env.CACHE.get('k')); } };` },
        ],
      }],
    },
    {
      name: 'module syntax, literal',
      code: `export default { async fetch(req, env) { return new Response(await env.CACHE.get('k', { cacheTtl: 10 })); } };`,
      errors: [{
        messageId: 'belowMinimum', line: 1, column: 99, severity: 'error', message: 'cacheTtl: 10 on CACHE.get()',
        suggestions: [
          { title: 'Use cacheTtl: 30', output: `export default { async fetch(req, env) { return new Response(await env.CACHE.get('k', { cacheTtl: 30 })); } };` },
          { title: REMOVE, output: `export default { async fetch(req, env) { return new Response(await env.CACHE.get('k')); } };` },
        ],
      }],
    },
    {
      name: 'option minimum: 60 (older runtimes)',
      code: `export default { async fetch(req, env) { return new Response(await env.KV.get('k', { type: 'text', cacheTtl: 45 })); } };`,
      options: { minimum: 60 },
      errors: [{
        messageId: 'belowMinimum', line: 1, column: 110, message: "below KV's 60 s minimum",
        suggestions: [
          { title: 'Use cacheTtl: 60', output: `export default { async fetch(req, env) { return new Response(await env.KV.get('k', { type: 'text', cacheTtl: 60 })); } };` },
          { title: REMOVE, output: `export default { async fetch(req, env) { return new Response(await env.KV.get('k', { type: 'text' })); } };` },
        ],
      }],
    },
    {
      name: 'getWithMetadata in a Hono handler (c.env)',
      code: `app.get('/p/:id', async (c) => {\n  const { value, metadata } = await c.env.KV.getWithMetadata(c.req.param('id'), { cacheTtl: 20, type: 'json' });\n  return c.json({ value, metadata });\n});`,
      errors: [{
        messageId: 'belowMinimum', line: 2, column: 93, message: 'KV.getWithMetadata()',
        suggestions: [
          { output: `app.get('/p/:id', async (c) => {\n  const { value, metadata } = await c.env.KV.getWithMetadata(c.req.param('id'), { cacheTtl: 30, type: 'json' });\n  return c.json({ value, metadata });\n});` },
          { output: `app.get('/p/:id', async (c) => {\n  const { value, metadata } = await c.env.KV.getWithMetadata(c.req.param('id'), { type: 'json' });\n  return c.json({ value, metadata });\n});` },
        ],
      }],
    },
    {
      name: 'destructured env with an alias',
      code: `export default {\n  async fetch(req, env) {\n    const { SESSIONS: sessions } = env;\n    return new Response(await sessions.get('s', { cacheTtl: 0 }));\n  },\n};`,
      errors: [{
        messageId: 'belowMinimum', line: 4, column: 61, message: 'SESSIONS.get()',
        suggestions: [
          { output: `export default {\n  async fetch(req, env) {\n    const { SESSIONS: sessions } = env;\n    return new Response(await sessions.get('s', { cacheTtl: 30 }));\n  },\n};` },
          { output: `export default {\n  async fetch(req, env) {\n    const { SESSIONS: sessions } = env;\n    return new Response(await sessions.get('s'));\n  },\n};` },
        ],
      }],
    },
    {
      name: 'service-worker syntax with a global binding',
      code: `addEventListener('fetch', (event) => {\n  event.respondWith(CACHE.get(new URL(event.request.url).pathname, { cacheTtl: 15 }).then((v) => new Response(v)));\n});`,
      errors: [{
        messageId: 'belowMinimum', line: 2, column: 80,
        suggestions: [
          { output: `addEventListener('fetch', (event) => {\n  event.respondWith(CACHE.get(new URL(event.request.url).pathname, { cacheTtl: 30 }).then((v) => new Response(v)));\n});` },
          { output: `addEventListener('fetch', (event) => {\n  event.respondWith(CACHE.get(new URL(event.request.url).pathname).then((v) => new Response(v)));\n});` },
        ],
      }],
    },
    {
      name: 'KVNamespace-typed parameter of a helper, no wrangler binding',
      code: `export async function cached(store: KVNamespace, key: string) {\n  return store.get(key, { cacheTtl: 5 });\n}`,
      files: { 'wrangler.toml': NO_KV_WRANGLER },
      errors: [{
        messageId: 'belowMinimum', line: 2, column: 37, message: 'store.get()',
        suggestions: [
          { output: `export async function cached(store: KVNamespace, key: string) {\n  return store.get(key, { cacheTtl: 30 });\n}` },
          { output: `export async function cached(store: KVNamespace, key: string) {\n  return store.get(key);\n}` },
        ],
      }],
    },
    {
      name: 'const options object (reported and edited where the value is written)',
      code: `const READ_OPTS = { type: 'json', cacheTtl: 10 } as const;\nexport const onRequestGet = async ({ env, params }) => Response.json(await env.KV.get(params.id, READ_OPTS));`,
      filename: 'functions/api/[id].ts',
      errors: [{
        messageId: 'belowMinimum', line: 1, column: 45,
        suggestions: [
          { output: `const READ_OPTS = { type: 'json', cacheTtl: 30 } as const;\nexport const onRequestGet = async ({ env, params }) => Response.json(await env.KV.get(params.id, READ_OPTS));` },
          { output: `const READ_OPTS = { type: 'json' } as const;\nexport const onRequestGet = async ({ env, params }) => Response.json(await env.KV.get(params.id, READ_OPTS));` },
        ],
      }],
    },
    {
      name: 'shorthand property from a constant',
      code: `const cacheTtl = 10;\nexport default { async fetch(req, env) { return new Response(await env.KV.get('k', { cacheTtl })); } };`,
      errors: [{
        messageId: 'belowMinimum', line: 2, column: 86, message: 'cacheTtl: 10',
        suggestions: [
          { output: `const cacheTtl = 10;\nexport default { async fetch(req, env) { return new Response(await env.KV.get('k', { cacheTtl: 30 })); } };` },
          { output: `const cacheTtl = 10;\nexport default { async fetch(req, env) { return new Response(await env.KV.get('k')); } };` },
        ],
      }],
    },
    {
      name: 'itty-router, one branch of a conditional',
      code: `router.get('/feed', async (req, env) => {\n  const body = await env.CACHE.get('feed', { cacheTtl: req.query.fresh ? 1 : 3600 });\n  return new Response(body);\n});`,
      errors: [{
        messageId: 'belowMinimum', line: 2, column: 74, message: 'cacheTtl: 1 ',
        suggestions: [
          { output: `router.get('/feed', async (req, env) => {\n  const body = await env.CACHE.get('feed', { cacheTtl: req.query.fresh ? 30 : 3600 });\n  return new Response(body);\n});` },
        ],
      }],
    },
    {
      name: 'constant arithmetic and a spread of a base object',
      code: `const BASE = { type: 'json' };\nconst HALF_MINUTE = 60 / 4;\nexport default { async fetch(req, env) { return Response.json(await env.CACHE.get('k', { ...BASE, cacheTtl: HALF_MINUTE })); } };`,
      errors: [{
        messageId: 'belowMinimum', line: 3, column: 109, message: 'cacheTtl: 15',
        suggestions: [
          { output: `const BASE = { type: 'json' };\nconst HALF_MINUTE = 60 / 4;\nexport default { async fetch(req, env) { return Response.json(await env.CACHE.get('k', { ...BASE, cacheTtl: 30 })); } };` },
          { output: `const BASE = { type: 'json' };\nconst HALF_MINUTE = 60 / 4;\nexport default { async fetch(req, env) { return Response.json(await env.CACHE.get('k', { ...BASE })); } };` },
        ],
      }],
    },
  ],
});
