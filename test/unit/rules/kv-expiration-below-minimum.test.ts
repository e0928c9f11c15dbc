// Table tests for kv-expiration-below-minimum.
import rule from '../../../server/src/rules/kv/kv-expiration-below-minimum';
import { runRuleTests } from '../../harness/rule-tester';

const NO_KV_WRANGLER = `name = "app"\nmain = "src/index.ts"\ncompatibility_date = "2025-06-01"\n`;
const NOW = 'const now = Math.floor(Date.now() / 1000);\n';

runRuleTests(rule, {
  valid: [
    `export async function save(env) { await env.KV.put('k', 'v', { expiration: Date.now() / 1000 + 3600 }); }`,
    // Fractions truncate: 90.5 works as 90; a constant absolute expiration in the future is fine.
    `export async function save(env) { await env.KV.put('k', 'v', { expirationTtl: 90.5 }); await env.KV.put('j', 'v', { expiration: 2_000_000_000 }); }`,
    `export default { async fetch(req, env) { await env.KV.put('k', 'v', { expirationTtl: 60 }); return new Response('ok'); } };`,
    `export default { async fetch(req, env) { await env.KV.put('k', 'v', { expirationTtl: 60 * 60 * 24 }); return new Response('ok'); } };`,
    `${NOW}export async function lock(env) { await env.KV.put('lock', '1', { expiration: now + 60 }); }`,
    `export async function lock(env) { await env.KV.put('lock', '1', { expiration: Math.floor((Date.now() + 120_000) / 1000) }); }`,
    // Clamped or guarded pass-through values (the fixed versions of the real bugs in domain.md §F).
    `export async function set(env, key, value, ttl = 10) { await env.KV.put(key, value, { expirationTtl: Math.max(60, ttl) }); }`,
    `export async function set(env, key, value, ttl = 10) { if (ttl < 60) throw new Error('ttl too short'); await env.KV.put(key, value, { expirationTtl: ttl }); }`,
    `export async function set(env, key, value, ttl: 10 | 60 | 300) { if (ttl <= 59) ttl = 60; await env.KV.put(key, value, { expirationTtl: ttl }); }`,
    `export async function set(env, key, value, ttl = 10) { await env.KV.put(key, value, { expirationTtl: ttl < 60 ? 60 : ttl }); }`,
    `const MIN_TTL = 60;\nexport function storage(env, opts: { ttl?: 10 | 3600 }) {\n  const ttl = Math.max(opts.ttl ?? 0, MIN_TTL);\n  return { set: (k, v) => env.KV.put(k, v, { expirationTtl: ttl }) };\n}`,
    // Nothing says the value can be small: a plain number, an untyped option, a default of an hour.
    `export async function set(env, key, value, ttl: number) { await env.KV.put(key, value, { expirationTtl: ttl }); }`,
    `export async function set(env, key, value, options) { await env.KV.put(key, value, { expirationTtl: options.ttl }); }`,
    `export async function set(env, key, value, ttl = 3600) { await env.KV.put(key, value, { expirationTtl: ttl }); }`,
    // Not KV: R2 (BUCKET in wrangler.toml, even typed as KVNamespace), Durable Object storage, metadata contents.
    `interface Env { BUCKET: KVNamespace }\nexport default { async fetch(req: Request, env: Env) { await env.BUCKET.put('k', 'v', { expirationTtl: 10 }); return new Response('ok'); } };`,
    `export class Counter { constructor(private state) {} async bump() { await this.state.storage.put('n', 1, { expirationTtl: 10 }); } }`,
    `export default { async fetch(req, env) { await env.KV.put('k', 'v', { metadata: { expirationTtl: 10 } }); return new Response('ok'); } };`,
    // Milliseconds are kv-ttl-units' business.
    `export async function lock(env) { await env.KV.put('lock', '1', { expiration: Date.now() + 30 }); }`,
  ],
  invalid: [
    {
      name: 'Date.now() / 1000 + 30 (truncated by the binding) is still only 30 s ahead',
      code: `export async function save(env) { await env.KV.put('k', 'v', { expiration: Date.now() / 1000 + 30 }); }`,
      errors: [{
        messageId: 'expirationTooSoon', severity: 'error', message: /only 30 s in the future/,
        suggestions: [{ output: `export async function save(env) { await env.KV.put('k', 'v', { expiration: Date.now() / 1000 + 60 }); }` }],
      }],
    },
    {
      name: '59.5 truncates to 59 and throws with the truncated value',
      code: `export async function save(env) { await env.KV.put('k', 'v', { expirationTtl: 59.5 }); }`,
      errors: [{
        messageId: 'ttlBelowMinimum', severity: 'error', message: 'expirationTtl: 59.5 on KV.put() is below KV\'s 60 s minimum, so put() throws.',
        suggestions: [{ output: `export async function save(env) { await env.KV.put('k', 'v', { expirationTtl: 60 }); }` }],
      }],
    },
    {
      name: 'a constant absolute expiration in the past throws',
      code: `export async function save(env) { await env.KV.put('k', 'v', { expiration: 1_700_000_000 }); }`,
      errors: [{ messageId: 'expirationPast', line: 1, column: 76, severity: 'error', message: 'expiration: 1700000000 on KV.put() is already in the past (2023-11-14), so put() throws.' }],
    },
    {
      name: 'module syntax, literal',
      code: `export default { async fetch(req, env) { await env.SESSIONS.put('s', 'v', { expirationTtl: 10 }); return new Response('ok'); } };`,
      errors: [{
        messageId: 'ttlBelowMinimum', line: 1, column: 92, severity: 'error', message: 'expirationTtl: 10 on SESSIONS.put()',
        suggestions: [{ title: 'Use expirationTtl: 60', output: `export default { async fetch(req, env) { await env.SESSIONS.put('s', 'v', { expirationTtl: 60 }); return new Response('ok'); } };` }],
      }],
    },
    {
      name: 'service-worker global, constant through a const options object',
      code: `const TTL = 30;\nconst PUT_OPTS = { expirationTtl: TTL, metadata: { v: 1 } };\naddEventListener('fetch', (event) => event.waitUntil(CACHE.put('k', 'v', PUT_OPTS)));`,
      errors: [{
        messageId: 'ttlBelowMinimum', line: 2, column: 35, message: 'expirationTtl: 30 on CACHE.put()',
        suggestions: [{ output: `const TTL = 30;\nconst PUT_OPTS = { expirationTtl: 60, metadata: { v: 1 } };\naddEventListener('fetch', (event) => event.waitUntil(CACHE.put('k', 'v', PUT_OPTS)));` }],
      }],
    },
    {
      name: 'Hono c.env, shorthand and destructured env',
      code: `const expirationTtl = 1;\napp.post('/s', async (c) => {\n  const { KV } = c.env;\n  await KV.put('s', await c.req.text(), { expirationTtl });\n  return c.text('ok');\n});`,
      errors: [{
        messageId: 'ttlBelowMinimum', line: 4, column: 43, message: 'expirationTtl: 1 on KV.put()',
        suggestions: [{ output: `const expirationTtl = 1;\napp.post('/s', async (c) => {\n  const { KV } = c.env;\n  await KV.put('s', await c.req.text(), { expirationTtl: 60 });\n  return c.text('ok');\n});` }],
      }],
    },
    {
      name: 'expiration: const now + 10',
      code: `${NOW}export async function lock(env) {\n  await env.KV.put('lock', '1', { expiration: now + 10 });\n}`,
      errors: [{
        messageId: 'expirationTooSoon', line: 3, column: 47, message: 'only 10 s in the future',
        suggestions: [{ title: 'Expire 60 s from now', output: `${NOW}export async function lock(env) {\n  await env.KV.put('lock', '1', { expiration: now + 60 });\n}` }],
      }],
    },
    {
      name: 'expiration: Math.floor((Date.now() + 30_000) / 1000) in a Pages Function',
      code: `export const onRequestPost = async ({ env }) => {\n  await env.KV.put('job', 'queued', { expiration: Math.floor((Date.now() + 30_000) / 1000) });\n  return new Response('queued');\n};`,
      filename: 'functions/api/jobs.ts',
      errors: [{
        messageId: 'expirationTooSoon', line: 2, column: 51, message: 'only 30 s',
        suggestions: [{ output: `export const onRequestPost = async ({ env }) => {\n  await env.KV.put('job', 'queued', { expiration: Math.floor((Date.now() + 60000) / 1000) });\n  return new Response('queued');\n};` }],
      }],
    },
    {
      name: 'expiration: now, with no offset',
      code: `export default { async fetch(req, env) { await env.CACHE.put('k', 'v', { expiration: Math.floor(Date.now() / 1000) }); return new Response('ok'); } };`,
      errors: [{
        messageId: 'expirationTooSoon', line: 1, column: 86, message: 'only 0 s',
        suggestions: [{ output: `export default { async fetch(req, env) { await env.CACHE.put('k', 'v', { expiration: Math.floor((Date.now() + 60000) / 1000) }); return new Response('ok'); } };` }],
      }],
    },
    {
      name: 'itty-router, one constant branch of a conditional',
      code: `router.post('/otp', async (req, env) => {\n  await env.KV.put('otp:' + req.params.id, '123456', { expirationTtl: env.DEV ? 10 : 300 });\n  return new Response('sent');\n});`,
      errors: [{
        messageId: 'ttlBelowMinimum', line: 2, column: 81,
        suggestions: [{ output: `router.post('/otp', async (req, env) => {\n  await env.KV.put('otp:' + req.params.id, '123456', { expirationTtl: env.DEV ? 60 : 300 });\n  return new Response('sent');\n});` }],
      }],
    },
    {
      name: 'pass-through: parameter default below 60 (warn)',
      code: `export async function setSecondary(env, key: string, value: string, ttl = 10) {\n  await env.KV.put(key, value, { expirationTtl: ttl });\n}`,
      errors: [{
        messageId: 'passThrough', line: 2, column: 49, severity: 'warn', message: 'parameter ttl defaults to 10',
        suggestions: [{ title: 'Clamp with Math.max(60, ttl)', output: `export async function setSecondary(env, key: string, value: string, ttl = 10) {\n  await env.KV.put(key, value, { expirationTtl: Math.max(60, ttl) });\n}` }],
      }],
    },
    {
      name: 'pass-through: numeric literal union, guard that does not bound it (ttl > 0)',
      code: `type Ttl = 10 | 60 | 3600;\nexport async function set(store: KVNamespace, key: string, value: string, ttl: Ttl) {\n  if (ttl > 0) await store.put(key, value, { expirationTtl: ttl });\n}`,
      files: { 'wrangler.toml': NO_KV_WRANGLER },
      errors: [{
        messageId: 'passThrough', line: 3, column: 61, severity: 'warn', message: 'its type Ttl (10 | 60 | 3600) allows 10',
        suggestions: [{ output: `type Ttl = 10 | 60 | 3600;\nexport async function set(store: KVNamespace, key: string, value: string, ttl: Ttl) {\n  if (ttl > 0) await store.put(key, value, { expirationTtl: Math.max(60, ttl) });\n}` }],
      }],
    },
    {
      name: 'pass-through: option member typed with an interface, closure',
      code: `interface Options { ttl?: 10 | 3600 }\nexport function kvStorage(env, opts: Options = {}) {\n  return { set: (k: string, v: string) => env.CACHE.put(k, v, { expirationTtl: opts.ttl ?? 3600 }) };\n}`,
      errors: [{
        messageId: 'passThrough', line: 3, column: 80, severity: 'warn', message: 'its type 10 | 3600 allows 10',
        suggestions: [{ output: `interface Options { ttl?: 10 | 3600 }\nexport function kvStorage(env, opts: Options = {}) {\n  return { set: (k: string, v: string) => env.CACHE.put(k, v, { expirationTtl: Math.max(60, opts.ttl ?? 3600) }) };\n}` }],
      }],
    },
    {
      // domain.md §G: a `??`/`||` fallback below the minimum is a value the code uses, so it counts as a constant.
      name: 'fallback below 60 through a local const is a constant',
      code: `export async function cacheSession(env, session, opts) {\n  const ttl = opts.ttl ?? 30;\n  await env.SESSIONS.put(session.id, JSON.stringify(session), { expirationTtl: ttl });\n}`,
      errors: [{
        messageId: 'ttlBelowMinimum', line: 2, column: 27, severity: 'error', message: 'expirationTtl: 30 on SESSIONS.put()',
        suggestions: [{ output: `export async function cacheSession(env, session, opts) {\n  const ttl = opts.ttl ?? 60;\n  await env.SESSIONS.put(session.id, JSON.stringify(session), { expirationTtl: ttl });\n}` }],
      }],
    },
    {
      name: 'pass-through: a let that starts below 60 and is never clamped',
      code: `export async function f(env, k, v) {\n  let ttl = 10;\n  await env.KV.put(k, v, { expirationTtl: ttl });\n}`,
      errors: [{
        messageId: 'passThrough', line: 3, column: 43, severity: 'warn', message: 'ttl starts as 10',
        suggestions: [{ output: `export async function f(env, k, v) {\n  let ttl = 10;\n  await env.KV.put(k, v, { expirationTtl: Math.max(60, ttl) });\n}` }],
      }],
    },
    {
      name: 'pass-through: destructured option default, expiration offset',
      code: `${NOW}export async function lock(env, key, { seconds = 5 }: { seconds?: number } = {}) {\n  await env.KV.put(key, '1', { expiration: now + seconds });\n}`,
      errors: [{
        messageId: 'passThrough', line: 3, column: 50, severity: 'warn', message: 'parameter seconds defaults to 5',
        suggestions: [{ output: `${NOW}export async function lock(env, key, { seconds = 5 }: { seconds?: number } = {}) {\n  await env.KV.put(key, '1', { expiration: now + Math.max(60, seconds) });\n}` }],
      }],
    },
  ],
});
