// Table tests for kv-cache-no-expiration (off by default; the tester turns it on).
import assert from 'node:assert/strict';
import { it } from 'node:test';
import rule from '../../../server/src/rules/kv/kv-cache-no-expiration';
import { lintFile } from '../../../server/src/engine/linter';
import { runRuleTests } from '../../harness/rule-tester';
import { virtualProject } from '../../harness/virtual-project';

const FOREVER = `export async function page(env: Env, path: string) {
  const cached = await env.CACHE.get(path);
  if (cached) return cached;
  const html = await (await fetch(\`https://origin.example\${path}\`)).text();
  await env.CACHE.put(path, html);
  return html;
}`;

it('is off unless configured', () => {
  const { project } = virtualProject();
  const path = '/project/src/index.ts';
  assert.equal(rule.enabledByDefault, false);
  assert.deepEqual(lintFile({ path, text: FOREVER, rules: [rule], facts: project.factsFor(path) }).problems, []);
  const on = new Map([[rule.id, { severity: 'info' as const }]]);
  assert.equal(lintFile({ path, text: FOREVER, rules: [rule], facts: project.factsFor(path), overrides: on }).problems.length, 1);
});

runRuleTests(rule, {
  valid: [
    {
      name: 'read-through cache whose put sets expirationTtl',
      code: `export default {
  async fetch(req: Request, env: Env) {
    const key = new URL(req.url).pathname;
    const cached = await env.CACHE.get(key);
    if (cached) return new Response(cached);
    const html = await (await fetch(\`https://origin.example\${key}\`)).text();
    await env.CACHE.put(key, html, { expirationTtl: 3600 });
    return new Response(html);
  },
};`,
    },
    {
      name: 'options from a const object with expiration',
      code: `const CACHE_OPTIONS = { expiration: Math.floor(Date.now() / 1000) + 3600 };
export async function cachedPage(env: Env, path: string) {
  const hit = await env.CACHE.get(path);
  if (hit !== null) return hit;
  const page = await render(path);
  await env.CACHE.put(path, page, CACHE_OPTIONS);
  return page;
}`,
    },
    {
      name: 'check-then-set registration is not a cache (no cache names, no fetch)',
      code: `app.post('/signup', async (c) => {
  const { email } = await c.req.json();
  const existing = await c.env.KV.get(\`user:\${email}\`);
  if (existing) return c.json({ error: 'exists' }, 409);
  await c.env.KV.put(\`user:\${email}\`, JSON.stringify({ email }));
  return c.json({ ok: true });
});`,
    },
    {
      name: 'a write that runs on hits as well is not a miss-path fill',
      code: `export async function touch(env: Env, id: string) {
  const cached = await env.CACHE.get(id);
  await env.CACHE.put(id, cached ?? 'new');
  return cached;
}`,
    },
    {
      name: 'constant key that the file also invalidates',
      code: `export default {
  async fetch(req: Request, env: Env) {
    if (req.method === 'POST') {
      await env.CACHE.delete('home');
      return new Response('purged');
    }
    const cached = await env.CACHE.get('home');
    if (cached) return new Response(cached);
    const html = await render();
    await env.CACHE.put('home', html);
    return new Response(html);
  },
};`,
    },
    {
      name: 'options passed in from the caller are unknown: silent',
      code: `export async function remember(kv: KVNamespace, key: string, load: () => Promise<string>, options: KVNamespacePutOptions) {
  const cached = await kv.get(key);
  if (cached) return cached;
  const value = await load();
  await kv.put(key, value, options);
  return value;
}`,
    },
    {
      name: 'a comment on the put says the entry never expires on purpose',
      code: `export async function channels(env: Env, country: string) {
  const key = \`channels_\${country}\`;
  const cached = await env.CACHE.get(key);
  if (cached) return JSON.parse(cached);
  const list = await (await fetch(\`https://api.example.com/channels/\${country}\`)).json();
  // no expiration on purpose: the cron refreshes these keys
  await env.CACHE.put(key, JSON.stringify(list));
  return list;
}`,
    },
  ],
  invalid: [
    {
      name: 'module worker: pages cached per path, forever',
      code: `export default {
  async fetch(req: Request, env: Env) {
    const key = new URL(req.url).pathname;
    const cached = await env.CACHE.get(key);
    if (cached) return new Response(cached, { headers: { 'content-type': 'text/html' } });
    const html = await (await fetch(\`https://origin.example\${key}\`)).text();
    await env.CACHE.put(key, html);
    return new Response(html);
  },
};`,
      errors: [{ messageId: 'growing', line: 7, severity: 'info', message: 'CACHE.put(key) fills a read-through cache' }],
    },
    {
      name: 'Hono: let reassigned in the miss branch, value from fetch',
      code: `app.get('/api/repo/:name', async (c) => {
  const key = \`repo:\${c.req.param('name')}\`;
  let data = await c.env.KV.get(key, 'json');
  if (!data) {
    const res = await fetch(\`https://api.github.com/repos/\${c.req.param('name')}\`);
    data = await res.json();
    await c.env.KV.put(key, JSON.stringify(data), { metadata: { source: 'github' } });
  }
  return c.json(data);
});`,
      errors: [{ messageId: 'growing', line: 7 }],
    },
    {
      name: 'Pages Function: one constant key never refreshes',
      filename: 'functions/index.ts',
      code: `export const onRequestGet: PagesFunction<Env> = async ({ env }) => {
  const cachedFeed = await env.KV.get('feed');
  if (cachedFeed === null) {
    const feed = await (await fetch('https://example.com/feed.xml')).text();
    await env.KV.put('feed', feed);
    return new Response(feed);
  }
  return new Response(cachedFeed);
};`,
      errors: [{ messageId: 'stale', line: 5, message: "KV.put('feed')" }],
    },
    {
      name: 'service worker with a global binding',
      filename: 'src/worker.js',
      code: `addEventListener('fetch', (event) => event.respondWith(handle(event.request)));
async function handle(request) {
  const url = new URL(request.url).searchParams.get('u');
  const hit = await KV.get(url);
  if (hit != null) return new Response(hit);
  const res = await fetch(url);
  const body = await res.text();
  await KV.put(url, body);
  return new Response(body);
}`,
      errors: [{ messageId: 'growing', line: 8 }],
    },
    {
      name: 'helper with the binding and key as parameters',
      code: `export async function getCached(kv: KVNamespace, key: string, load: () => Promise<string>) {
  const value = await kv.get(key);
  if (value) return value;
  const fresh = await load();
  await kv.put(key, fresh);
  return fresh;
}`,
      errors: [{ messageId: 'growing', line: 5, message: 'kv.put(key)' }],
    },
    {
      name: 'class field binding in a wrapper class',
      code: `export class PageCache {
  private store: KVNamespace;
  constructor(env: Env) { this.store = env.CACHE; }
  async page(slug: string) {
    const html = await this.store.get(\`page:\${slug}\`);
    if (html) return html;
    const rendered = await renderPage(slug);
    await this.store.put(\`page:\${slug}\`, rendered, {});
    return rendered;
  }
}`,
      errors: [{ messageId: 'growing', line: 8, message: 'CACHE.put(`page:${slug}`)' }],
    },
  ],
});
