// Table tests for kv-n-plus-one.
import rule from '../../../server/src/rules/kv/kv-n-plus-one';
import { runRuleTests } from '../../harness/rule-tester';

const BULK = 'Read all keys with one bulk get() (at most 100 keys per call)';

runRuleTests(rule, {
  valid: [
    {
      name: 'one bulk get of all keys',
      code: `export default {
  async fetch(req: Request, env: Env) {
    const ids: string[] = await req.json();
    const found = await env.CACHE.get(ids, 'json');
    return Response.json([...found.values()]);
  },
};`,
    },
    {
      name: 'the same constant key in a loop is not a key list',
      code: `export async function poll(env: Env) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const ready = await env.KV.get('ready');
    if (ready) console.log('ready');
    await new Promise((r) => setTimeout(r, 100));
  }
}`,
    },
    {
      name: 'following a linked list: each key comes from the previous read',
      code: `export async function chain(env: Env, head: string) {
  const out = [];
  let next: string | null = head;
  while (next) {
    const node = await env.KV.get<{ next: string | null }>(next, 'json');
    out.push(node);
    next = node?.next ?? null;
  }
  return out;
}`,
    },
    {
      name: 'a search that stops at the first hit',
      code: `app.get('/lang', async (c) => {
  for (const lang of c.req.header('accept-language')?.split(',') ?? []) {
    const page = await c.env.KV.get(\`home:\${lang.trim()}\`);
    if (page) return c.html(page);
  }
  return c.html(await c.env.KV.get('home:en') ?? '');
});`,
    },
    {
      name: 'a key that depends on an awaited value computed in the loop',
      code: `export async function load(env: Env, slugs: string[]) {
  for (const slug of slugs) {
    const id = await resolveSlug(slug);
    console.log(await env.KV.get(id));
  }
}`,
    },
    {
      name: 'R2, Durable Object storage and a Map are not KV',
      code: `export class Room {
  constructor(private state: DurableObjectState) {}
  async fetch(req: Request, env: Env) {
    const names: string[] = await req.json();
    const seen = new Map<string, number>();
    for (const n of names) {
      await this.state.storage.get(n);
      await env.BUCKET.get(n);
      seen.get(n);
    }
    return new Response('ok');
  }
}`,
    },
    {
      name: 'get only as a fallback for keys listed without metadata',
      code: `export async function links(env: Env) {
  const { keys } = await env.KV.list<{ url?: string }>({ prefix: 'link:' });
  const out = [];
  for (const key of keys) {
    if (key.metadata?.url) out.push(key.metadata.url);
    else out.push(await env.KV.get(key.name));
  }
  return out;
}`,
    },
    {
      name: 'reads whose values are discarded are warming (kv-cron-warming), not a batch',
      code: `export default {
  async scheduled(event: ScheduledEvent, env: Env) {
    const hot = ['home', 'about', 'pricing'];
    for (const page of hot) await env.CACHE.get(\`page:\${page}\`, { cacheTtl: 3600 });
  },
};`,
    },
  ],
  invalid: [
    {
      name: 'module worker: await get per id in a for…of loop',
      code: `export default {
  async fetch(req: Request, env: Env) {
    const ids: string[] = await req.json();
    const users = [];
    for (const id of ids) users.push(await env.KV.get(\`user:\${id}\`, 'json'));
    return Response.json(users);
  },
};`,
      errors: [{ messageId: 'loop', line: 5, severity: 'info', message: 'KV.get() once per key in this for…of loop' }],
    },
    {
      name: 'Hono: list() then get() per listed key',
      code: `import { Hono } from 'hono';
const app = new Hono<{ Bindings: Env }>();
app.get('/posts', async (c) => {
  const { keys } = await c.env.CACHE.list({ prefix: 'post:' });
  const posts = [];
  for (const key of keys) {
    const post = await c.env.CACHE.get(key.name, 'json');
    posts.push(post);
  }
  return c.json(posts);
});`,
      errors: [{ messageId: 'list', line: 7, message: 'CACHE.get() per key listed by CACHE.list()' }],
    },
    {
      name: 'Promise.all over ids.map: suggestion rewrites to one bulk get',
      code: `export async function profiles(env: Env, ids: string[]) {
  return await Promise.all(ids.map((id) => env.KV.get(\`user:\${id}\`, { type: 'json', cacheTtl: 300 })));
}`,
      errors: [{
        messageId: 'loop', line: 2, message: 'ids.map() callback',
        suggestions: [{
          title: BULK,
          output: `export async function profiles(env: Env, ids: string[]) {
  return await env.KV.get(ids.map((id) => \`user:\${id}\`), { type: 'json', cacheTtl: 300 }).then((found) => ids.map((id) => found.get(\`user:\${id}\`) ?? null));
}`,
        }],
      }],
    },
    {
      name: 'Pages Function: list() then Promise.all of a get per key name',
      filename: 'functions/api/links.ts',
      code: `export const onRequestGet: PagesFunction<Env> = async ({ env }) => {
  const list = await env.SESSIONS.list();
  const values = await Promise.all(list.keys.map((k) => env.SESSIONS.get(k.name)));
  return Response.json(values);
};`,
      errors: [{
        messageId: 'list', line: 3,
        suggestions: [{
          title: BULK,
          output: `export const onRequestGet: PagesFunction<Env> = async ({ env }) => {
  const list = await env.SESSIONS.list();
  const values = await env.SESSIONS.get(list.keys.map((k) => k.name)).then((found) => list.keys.map((k) => found.get(k.name) ?? null));
  return Response.json(values);
};`,
        }],
      }],
    },
    {
      name: 'a typed get<T>() is still found by the pre-parse filter',
      code: `export async function loadAll(env: Env, ids: string[]) {
  const out: unknown[] = [];
  for (const id of ids) out.push(await env.KV.get<{ name: string }>(\`user:\${id}\`, 'json'));
  return out;
}`,
      errors: [{ messageId: 'loop', line: 3 }],
    },
    {
      name: 'service worker: classic for loop over an index',
      filename: 'src/worker.js',
      code: `addEventListener('fetch', (event) => event.respondWith(handle(event.request)));
async function handle(request) {
  const keys = new URL(request.url).searchParams.getAll('k');
  const out = {};
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    out[k] = await KV.get(k);
  }
  return new Response(JSON.stringify(out));
}`,
      errors: [{ messageId: 'loop', line: 7, message: 'for loop' }],
    },
    {
      name: 'class field binding and a helper parameter, each looping over keys',
      code: `class Store {
  private kv: KVNamespace;
  constructor(env: Env) { this.kv = env.CACHE; }
  async many(keys: string[]) {
    const out = [];
    for (const k of keys) out.push(await this.kv.get(k));
    return out;
  }
}
async function flags(kv: KVNamespace, names: string[]) {
  const result: Record<string, string | null> = {};
  names.forEach(async (name) => { result[name] = await kv.get(\`flag:\${name}\`); });
  return result;
}
export { Store, flags };`,
      errors: [
        { messageId: 'loop', line: 6, message: 'CACHE.get() once per key in this for…of loop' },
        { messageId: 'loop', line: 12, message: 'names.forEach() callback' },
      ],
    },
  ],
});
