// kv-expiration-below-minimum on the shapes real projects use (issue 6): bindings from Env types, wrangler.* variants, class fields,
// call shapes and helper parameters; values from ternaries, fallbacks and request input; TTLs through helpers.
import rule from '../../../server/src/rules/kv/kv-expiration-below-minimum';
import { runRuleTests } from '../../harness/rule-tester';
import { NO_WRANGLER } from '../../harness/virtual-project';

runRuleTests(rule, {
  valid: [
    // A fresh deadline at creation is not a running-down lifetime: nothing compares it with a small number.
    `export async function create(env, id, expiresAt: Date) {\n  await env.SESSIONS.put(id, '1', { expirationTtl: Math.floor((expiresAt.getTime() - Date.now()) / 1000) });\n}`,
    `export default {\n  async fetch(request, env) {\n    const { ttl } = await request.json();\n    if (typeof ttl !== 'number' || ttl < 60) return new Response('bad ttl', { status: 400 });\n    await env.KV.put('k', 'v', { expirationTtl: ttl });\n    return new Response('ok');\n  },\n};`,
    `export default {\n  async fetch(request, env) {\n    const body = await request.json();\n    await env.LINKS.put(body.slug, body.url, { expirationTtl: Math.max(60, Number(body.ttl) || 0) });\n    return new Response('ok');\n  },\n};`,
    `export class Room {\n  constructor(state) { this.state = state; }\n  async save(request) {\n    const { ttl } = await request.json();\n    await this.state.storage.put('k', 'v', { expirationTtl: ttl });\n  }\n}`,
    `export async function upload(env, request) {\n  await env.BUCKET.put('k', request.body, { customMetadata: { ttl: request.headers.get('x-ttl') } });\n}`,
    { code: `import { KvCache } from './cache';\nexport async function save(env) {\n  await new KvCache(env.SESSIONS).set('k', 'v', 3600);\n}`, files: { 'src/cache.ts': `export class KvCache {\n  constructor(private kv: KVNamespace) {}\n  async set(key: string, value: string, ttl: number) {\n    await this.kv.put(key, value, { expirationTtl: ttl });\n  }\n}\n` } },
  ],
  invalid: [
    {
      name: "wrapper class imported from another file, method called with 30",
      files: {
        "src/cache.ts": `export class KvCache {
  constructor(private kv: KVNamespace) {}
  async set(key: string, value: string, ttl: number) {
    await this.kv.put(key, value, { expirationTtl: ttl });
  }
}
`,
      },
      code: `import { KvCache } from './cache';
export default {
  async fetch(request, env) {
    const cache = new KvCache(env.SESSIONS);
    await cache.set('k', 'v', 30);
    return new Response('ok');
  },
};`,
      errors: [
        {
          messageId: 'throughCall', line: 5, column: 31, severity: 'error', message: "30 becomes expirationTtl through KvCache.set() in ./cache, which passe",
          suggestions: [{ title: "Pass 60", output: `import { KvCache } from './cache';
export default {
  async fetch(request, env) {
    const cache = new KvCache(env.SESSIONS);
    await cache.set('k', 'v', 60);
    return new Response('ok');
  },
};` }],
        },
      ],
    },
    {
      name: "short-URL API: TTL from the request body, no config at all",
      files: {
        [NO_WRANGLER]: ``,
      },
      code: `export default {
  async fetch(request, env) {
    const body = await request.json();
    await env.LINKS.put(body.slug, body.url, { expirationTtl: Number(body.ttl), metadata: { created: Date.now() } });
    return new Response('ok');
  },
};`,
      errors: [
        {
          messageId: 'requestInput', line: 4, column: 63, severity: 'warn', message: "`Number(body.ttl)` (expirationTtl on LINKS.put()) comes from the reque",
          suggestions: [{ title: "Clamp with Math.max(60, Number(body.ttl))", output: `export default {
  async fetch(request, env) {
    const body = await request.json();
    await env.LINKS.put(body.slug, body.url, { expirationTtl: Math.max(60, Number(body.ttl)), metadata: { created: Date.now() } });
    return new Response('ok');
  },
};` }],
        },
      ],
    },
    {
      name: "Hono: TTL from the query string with a safe default",
      code: `import { Hono } from 'hono';
const app = new Hono();
app.post('/paste', async (c) => {
  const ttl = Number(c.req.query('ttl') ?? 3600);
  await c.env.PASTES.put(crypto.randomUUID(), await c.req.text(), { expirationTtl: ttl });
  return c.text('ok');
});
export default app;`,
      errors: [
        {
          messageId: 'requestInput', line: 5, column: 84, severity: 'warn', message: "`ttl` (expirationTtl on PASTES.put()) comes from the query parameter t",
          suggestions: [{ title: "Clamp with Math.max(60, ttl)", output: `import { Hono } from 'hono';
const app = new Hono();
app.post('/paste', async (c) => {
  const ttl = Number(c.req.query('ttl') ?? 3600);
  await c.env.PASTES.put(crypto.randomUUID(), await c.req.text(), { expirationTtl: Math.max(60, ttl) });
  return c.text('ok');
});
export default app;` }],
        },
      ],
    },
    {
      name: "same-file helper with an options parameter",
      code: `async function remember(env, key, value, { ttl }) {
  await env.KV.put(key, value, { expirationTtl: ttl });
}
export async function login(env, id) {
  await remember(env, 'session:' + id, '1', { ttl: 45 });
}`,
      errors: [
        {
          messageId: 'throughCall', line: 5, column: 52, severity: 'error', message: "45 becomes expirationTtl through KV.put() on line 2",
          suggestions: [{ title: "Pass 60", output: `async function remember(env, key, value, { ttl }) {
  await env.KV.put(key, value, { expirationTtl: ttl });
}
export async function login(env, id) {
  await remember(env, 'session:' + id, '1', { ttl: 60 });
}` }],
        },
      ],
    },
    {
      name: "binding declared only in wrangler.staging.toml",
      files: {
        "wrangler.staging.toml": `name = "app-staging"
main = "src/index.ts"
compatibility_date = "2025-06-01"

[[kv_namespaces]]
binding = "STORE"
id = "00000000000000000000000000000009"
`,
      },
      code: `export default {
  async fetch(request, env) {
    await env.STORE.put('k', 'v', { expirationTtl: 30 });
    return new Response('ok');
  },
};`,
      errors: [
        {
          messageId: 'ttlBelowMinimum', line: 3, column: 52, severity: 'error', message: "expirationTtl: 30 on STORE.put() is below KV's 60 s minimum",
          suggestions: [{ title: "Use expirationTtl: 60", output: `export default {
  async fetch(request, env) {
    await env.STORE.put('k', 'v', { expirationTtl: 60 });
    return new Response('ok');
  },
};` }],
        },
      ],
    },
    {
      name: "Pages Function: header TTL destructured from context",
      filename: "functions/cache/[key].ts",
      files: {
        [NO_WRANGLER]: ``,
      },
      code: `export async function onRequestPut({ request, env, params }) {
  const ttl = parseInt(request.headers.get('x-ttl'));
  await env.DATA.put(String(params.key), await request.text(), { expirationTtl: ttl, metadata: {} });
  return new Response(null, { status: 204 });
}`,
      errors: [
        {
          messageId: 'requestInput', line: 3, column: 81, severity: 'warn', message: "`ttl` (expirationTtl on DATA.put()) comes from the request header x-tt",
          suggestions: [{ title: "Clamp with Math.max(60, ttl)", output: `export async function onRequestPut({ request, env, params }) {
  const ttl = parseInt(request.headers.get('x-ttl'));
  await env.DATA.put(String(params.key), await request.text(), { expirationTtl: Math.max(60, ttl), metadata: {} });
  return new Response(null, { status: 204 });
}` }],
        },
      ],
    },
      {
      name: "remaining session lifetime checked only against 0",
      code: `export async function touch(env, session) {
  const left = Math.floor((session.expiresAt - Date.now()) / 1000);
  if (left > 0) await env.SESSIONS.put(session.id, JSON.stringify(session), { expirationTtl: left });
}`,
      errors: [
        {
          messageId: 'passThrough', line: 3, column: 94, severity: 'warn', message: "`left` (expirationTtl on SESSIONS.put()) can be 1 (a remaining lifetime",
          suggestions: [{ title: "Clamp with Math.max(60, left)", output: `export async function touch(env, session) {
  const left = Math.floor((session.expiresAt - Date.now()) / 1000);
  if (left > 0) await env.SESSIONS.put(session.id, JSON.stringify(session), { expirationTtl: Math.max(60, left) });
}` }],
        },
      ],
    },
    {
      name: "body through a validation helper, capped only from above, passed to a helper",
      code: `async function claim(kv, id, seconds) {
  await kv.put('lease:' + id, '1', { expirationTtl: seconds });
}
export default {
  async fetch(request, env) {
    const parsed = await validateRequestBody(request, ClaimSchema);
    const seconds = Math.min(parsed.data.leaseSeconds || 300, 600);
    await claim(env.KV, parsed.data.id, seconds);
    return new Response('ok');
  },
};`,
      errors: [
        {
          messageId: 'inputThroughCall', line: 8, column: 41, severity: 'warn', message: "`seconds` from the request body becomes expirationTtl",
        },
      ],
    },
    {
      name: "option typed through a namespace member: Limiter.Options[\"period\"]",
      code: `export namespace Limiter {
  export interface Options { period: 10 | 60 }
}
export class Limiter {
  #period: Limiter.Options['period'];
  constructor(private kv: KVNamespace, options?: Limiter.Options) {
    this.#period = options?.period ?? 60;
  }
  async hit(key: string) {
    const period = this.#period;
    await this.kv.put(key, '1', { expirationTtl: period });
  }
}`,
      errors: [
        {
          messageId: 'passThrough', line: 11, column: 50, severity: 'warn', message: "`period` (expirationTtl on kv.put()) can be 10 (the field's type Limit",
          suggestions: [{ title: "Clamp with Math.max(60, period)", output: `export namespace Limiter {
  export interface Options { period: 10 | 60 }
}
export class Limiter {
  #period: Limiter.Options['period'];
  constructor(private kv: KVNamespace, options?: Limiter.Options) {
    this.#period = options?.period ?? 60;
  }
  async hit(key: string) {
    const period = this.#period;
    await this.kv.put(key, '1', { expirationTtl: Math.max(60, period) });
  }
}` }],
        },
      ],
    },

  ],
});
