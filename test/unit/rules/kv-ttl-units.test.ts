// Table tests for kv-ttl-units.
import rule, { saysMilliseconds } from '../../../server/src/rules/kv/kv-ttl-units';
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { runRuleTests } from '../../harness/rule-tester';

const NO_KV_WRANGLER = `name = "app"\nmain = "src/index.ts"\ncompatibility_date = "2025-06-01"\n`;

it('splits names into words before looking for milliseconds', () => {
  for (const name of ['ttlMs', 'TTL_MS', 'cacheMillis', 'timeoutMS', 'CACHE_TTL_IN_MILLISECONDS', 'maxAgeMsec', 'ms']) assert.ok(saysMilliseconds(name), name);
  for (const name of ['items', 'terms', 'msgTtl', 'TTL', 'seconds', 'mySeconds']) assert.ok(!saysMilliseconds(name), name);
});

runRuleTests(rule, {
  valid: [
    // Seconds, including the large ones the catalogue says are not milliseconds.
    `export default { async fetch(req, env) { await env.KV.put('k', 'v', { expirationTtl: 86400 }); return new Response('ok'); } };`,
    `export default { async fetch(req, env) { await env.KV.put('k', 'v', { expirationTtl: 31_536_000 }); await env.KV.put('j', 'v', { expirationTtl: 2_592_000 }); return new Response('ok'); } };`,
    `export default { async fetch(req, env) { return new Response(await env.CACHE.get('k', { cacheTtl: 3_600_000 })); } };`,
    // Converted correctly.
    `export async function remember(env, key, value) { await env.KV.put(key, value, { expiration: Math.floor(Date.now() / 1000) + 3600 }); }`,
    `const now = Math.floor(Date.now() / 1000);\nexport async function remember(env, key, value) { await env.KV.put(key, value, { expiration: now + 86400 }); }`,
    `export async function remember(env, key, value) { await env.KV.put(key, value, { expiration: Math.floor((Date.now() + 3_600_000) / 1000) }); }`,
    `const TTL_MS = 5 * 60 * 1000;\nexport async function read(env) { return env.KV.get('k', { cacheTtl: TTL_MS / 1000 }); }`,
    `export async function read(env, ttlMs) { return env.KV.get('k', { cacheTtl: Math.ceil(ttlMs / 1000) }); }`,
    // Ten years in seconds is a multiple of 60,000 and over a year: not milliseconds (domain.md §0; the old heuristic flagged it).
    `export async function save(env) { await env.KV.put('k', 'v', { expirationTtl: 10 * 365 * 24 * 60 * 60 }); await env.KV.put('j', 'v', { expirationTtl: 315360000 }); }`,
    `export default { async fetch(req, env) { await env.KV.put('k', 'v', { expirationTtl: 86_400_000 }); return new Response('ok'); } };`,
    // An extra factor is not milliseconds (and below 2^31 it does not throw).
    `export async function save(env) { await env.KV.put('k', 'v', { expirationTtl: 30 * 24 * 60 * 60 * 60 }); }`,
    // Fractions are truncated by the binding: 90.5 works as 90; Date.now() / 1000 in expiration is truncated too.
    `export async function read(env) { await env.KV.get('a', { cacheTtl: 90.5 }); await env.KV.put('b', 'v', { expirationTtl: 86400 / 7 }); }`,
    `export async function remember(env, key, value) { await env.KV.put(key, value, { expiration: Date.now() / 1000 + 600 }); }`,
    // The last second before 2038-01-19T03:14:08Z is still accepted.
    `export async function save(env) { await env.KV.put('k', 'v', { expiration: 2_147_483_647 }); }`,
    // Words that merely contain "ms".
    `export async function save(env, items, terms) { await env.KV.put('k', 'v', { expirationTtl: items }); await env.KV.put('t', 'v', { expirationTtl: terms.length * 60 }); }`,
    // An absolute expiration in seconds.
    `export async function save(env) { await env.KV.put('k', 'v', { expiration: 1_893_456_000 }); }`,
    // Not KV: fetch cf.cacheTtl, R2 (BUCKET), a Map.
    `export default { fetch: (req) => fetch(req, { cf: { cacheTtl: 86_400_000 } }) };`,
    `interface Env { BUCKET: KVNamespace }\nexport default { async fetch(req: Request, env: Env) { await env.BUCKET.put('k', 'v', { expiration: Date.now() }); return new Response('ok'); } };`,
    { code: `const m = new Map();\nexport function read(ttlMs) { return m.get('k', { cacheTtl: ttlMs }); }`, files: { 'wrangler.toml': NO_KV_WRANGLER } },
  ],
  invalid: [
    {
      name: '30 days in milliseconds as expirationTtl is past int32: error, throws, /1000 suggested',
      code: `export default { async fetch(req, env) { await env.CACHE.put('home', 'html', { expirationTtl: 30 * 24 * 3600 * 1000 }); return new Response('ok'); } };`,
      errors: [{
        messageId: 'overflow', line: 1, column: 95, severity: 'error', message: 'expirationTtl is 2592000000, above the 32-bit limit KV converts TTLs to, so the call throws. It looks like milliseconds.',
        suggestions: [{ title: 'Divide by 1000: 30 * 24 * 3600', output: `export default { async fetch(req, env) { await env.CACHE.put('home', 'html', { expirationTtl: 30 * 24 * 3600 }); return new Response('ok'); } };` }],
      }],
    },
    {
      name: 'an int32 overflow that is not a whole thousand gets no /1000 suggestion',
      code: `export async function save(env) { await env.KV.put('k', 'v', { expirationTtl: 2_147_483_648 }); }`,
      errors: [{ messageId: 'overflow', line: 1, column: 79, severity: 'error', message: /throws/ }],
    },
    {
      name: 'an absolute expiration after 2038-01-19 throws',
      code: `export async function save(env) { await env.KV.put('k', 'v', { expiration: 2_200_000_000 }); }`,
      errors: [{ messageId: 'overflow', line: 1, column: 76, severity: 'error', message: /expiration is 2200000000, above the 32-bit limit/ }],
    },
    {
      name: 'millisecond arithmetic in a Hono handler (c.env): `* 1000` is milliseconds, /1000 drops it',
      code: `app.get('/feed', async (c) => c.json(await c.env.KV.get('feed', { type: 'json', cacheTtl: 24 * 60 * 60 * 1000 })));`,
      errors: [{
        messageId: 'msFactor', line: 1, column: 91, severity: 'warn', message: 'asks for 1000 days',
        suggestions: [{ output: `app.get('/feed', async (c) => c.json(await c.env.KV.get('feed', { type: 'json', cacheTtl: 24 * 60 * 60 })));` }],
      }],
    },
    {
      name: 'name says milliseconds (SCREAMING_SNAKE const, destructured env)',
      code: `const TTL_MS = 5 * 60 * 1000;\nexport default {\n  async fetch(req, env) {\n    const { SESSIONS } = env;\n    await SESSIONS.put('s', 'v', { expirationTtl: TTL_MS });\n    return new Response('ok');\n  },\n};`,
      errors: [{
        messageId: 'msName', line: 5, column: 51, severity: 'warn', message: '`TTL_MS`',
        suggestions: [{ title: 'Convert to seconds: Math.floor(TTL_MS / 1000)', output: `const TTL_MS = 5 * 60 * 1000;\nexport default {\n  async fetch(req, env) {\n    const { SESSIONS } = env;\n    await SESSIONS.put('s', 'v', { expirationTtl: Math.floor(TTL_MS / 1000) });\n    return new Response('ok');\n  },\n};` }],
      }],
    },
    {
      name: 'camelCase member that says milliseconds, KVNamespace-typed helper',
      code: `export async function read(store: KVNamespace, config: { cacheMillis: number }) {\n  return store.get('k', { cacheTtl: config.cacheMillis });\n}`,
      files: { 'wrangler.toml': NO_KV_WRANGLER },
      errors: [{
        messageId: 'msName', line: 2, column: 37,
        suggestions: [{ output: `export async function read(store: KVNamespace, config: { cacheMillis: number }) {\n  return store.get('k', { cacheTtl: Math.floor(config.cacheMillis / 1000) });\n}` }],
      }],
    },
    {
      name: 'Date.now() + seconds in expiration throws (service worker): error, not "expires late"',
      code: `addEventListener('fetch', (event) => event.waitUntil(KV.put('k', 'v', { expiration: Date.now() + 3600 })));`,
      errors: [{
        messageId: 'msEpoch', line: 1, column: 85, severity: 'error', message: /milliseconds since the epoch: KV takes seconds, so put\(\) throws/,
        suggestions: [
          { title: 'Use seconds: Math.floor(Date.now() / 1000)', output: `addEventListener('fetch', (event) => event.waitUntil(KV.put('k', 'v', { expiration: Math.floor(Date.now() / 1000) + 3600 })));` },
          { title: 'Convert the whole sum: Math.floor((Date.now() + 3600) / 1000)', output: `addEventListener('fetch', (event) => event.waitUntil(KV.put('k', 'v', { expiration: Math.floor((Date.now() + 3600) / 1000) })));` },
        ],
      }],
    },
    {
      name: 'Date.now() + milliseconds offers the whole-sum conversion first (Pages Function)',
      code: `export const onRequestPost = async ({ env }) => {\n  await env.KV.put('k', 'v', { expiration: Date.now() + 3600 * 1000 });\n  return new Response('ok');\n};`,
      filename: 'functions/api/save.ts',
      errors: [{
        messageId: 'msEpoch', line: 2, column: 44, severity: 'error',
        suggestions: [
          { title: /whole sum/, output: `export const onRequestPost = async ({ env }) => {\n  await env.KV.put('k', 'v', { expiration: Math.floor((Date.now() + 3600 * 1000) / 1000) });\n  return new Response('ok');\n};` },
          { title: /Use seconds/, output: `export const onRequestPost = async ({ env }) => {\n  await env.KV.put('k', 'v', { expiration: Math.floor(Date.now() / 1000) + 3600 * 1000 });\n  return new Response('ok');\n};` },
        ],
      }],
    },
    {
      name: 'a const computed from Date.now()',
      code: `export async function remember(env, key, value) {\n  const expiresAt = Date.now() + 3_600_000;\n  await env.KV.put(key, value, { expiration: expiresAt });\n}`,
      errors: [{
        messageId: 'msEpoch', line: 3, column: 46, severity: 'error', message: '`expiresAt`',
        suggestions: [{ output: `export async function remember(env, key, value) {\n  const expiresAt = Date.now() + 3_600_000;\n  await env.KV.put(key, value, { expiration: Math.floor(expiresAt / 1000) });\n}` }],
      }],
    },
    {
      name: 'millisecond offset added to now in seconds lands after 2038, const options object',
      code: `const now = Math.floor(Date.now() / 1000);\nconst OPTS = { expiration: now + 604_800_000 };\nexport default { async fetch(req, env) { await env.KV.put('k', 'v', OPTS); return new Response('ok'); } };`,
      errors: [{
        messageId: 'overflowOffset', line: 2, column: 34, severity: 'error', message: 'the expiration offset is 604800000 s',
        suggestions: [{ output: `const now = Math.floor(Date.now() / 1000);\nconst OPTS = { expiration: now + 604800 };\nexport default { async fetch(req, env) { await env.KV.put('k', 'v', OPTS); return new Response('ok'); } };` }],
      }],
    },
  ],
});
