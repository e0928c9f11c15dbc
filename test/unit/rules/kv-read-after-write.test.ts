// Table tests for kv-read-after-write.
import rule from '../../../server/src/rules/kv/kv-read-after-write';
import { runRuleTests } from '../../harness/rule-tester';

const SIGNUP = `app.post('/signup', async (c) => {
  const { email } = await c.req.json();
  const existing = await c.env.KV.get(\`user:\${email}\`);
  if (existing) return c.json({ error: 'email already registered' }, 409);
  await c.env.KV.put(\`user:\${email}\`, JSON.stringify({ email }));
  return c.json({ ok: true });
});`;

runRuleTests(rule, {
  valid: [
    {
      name: 'read-through cache: a hit returns the found value',
      code: `export default {
  async fetch(req: Request, env: Env) {
    const cached = await env.KV.get('home');
    if (cached) return new Response(cached);
    const html = await render();
    await env.KV.put('home', html, { expirationTtl: 600 });
    return new Response(html);
  },
};`,
    },
    {
      name: 'a read after a write in the same request (same location usually sees it) is not reported',
      code: `export async function save(env: Env, id: string, body: string) {
  await env.KV.put(\`doc:\${id}\`, body);
  return await env.KV.get(\`doc:\${id}\`);
}`,
    },
    {
      name: 'get-or-create that hands back the existing record',
      code: `app.post('/profile', async (c) => {
  const id = c.req.header('x-user') ?? '';
  const existing = await c.env.KV.get(\`profile:\${id}\`, 'json');
  if (existing) return c.json(existing);
  await c.env.KV.put(\`profile:\${id}\`, JSON.stringify({ id }));
  return c.json({ id }, 201);
});`,
    },
    {
      name: 'refusal then a write of another key',
      code: `app.post('/invite', async (c) => {
  const { code } = await c.req.json();
  const used = await c.env.KV.get(\`invite:\${code}\`);
  if (used) return c.text('invite already used', 409);
  await c.env.KV.put(\`member:\${code}\`, '1');
  return c.text('ok');
});`,
    },
    {
      name: 'set-if-absent with nothing refused and no lock names',
      code: `export async function firstSeen(env: Env, id: string) {
  const seen = await env.KV.get(\`seen:\${id}\`);
  if (!seen) await env.KV.put(\`seen:\${id}\`, new Date().toISOString());
}`,
    },
  ],
  invalid: [
    {
      name: 'Hono sign-up: 409 when the e-mail exists, else put',
      code: SIGNUP,
      errors: [{ messageId: 'unique', line: 5, severity: 'info', message: 'claims a key checked free on line 3' }],
    },
    {
      name: 'itty-router short link: inline read in the condition',
      code: `router.post('/links', async (request, env) => {
  const { slug, url } = await request.json();
  if (await env.KV.get(\`link:\${slug}\`)) return new Response('slug is taken', { status: 409 });
  await env.KV.put(\`link:\${slug}\`, url);
  return new Response('created', { status: 201 });
});`,
      errors: [{ messageId: 'unique', line: 4 }],
    },
    {
      name: 'module worker: a cron lock in KV',
      code: `export default {
  async scheduled(event: ScheduledEvent, env: Env) {
    const running = await env.KV.get('lock:sync');
    if (running) return;
    await env.KV.put('lock:sync', '1', { expirationTtl: 300 });
    await sync(env);
    await env.KV.delete('lock:sync');
  },
};`,
      errors: [{ messageId: 'lock', line: 5, message: "KV.put('lock:sync') takes a lock checked on line 3" }],
    },
    {
      name: 'Pages Function: duplicate check that throws',
      filename: 'functions/api/register.ts',
      code: `export const onRequestPost: PagesFunction<Env> = async ({ request, env }) => {
  const { username } = await request.json<{ username: string }>();
  const taken = await env.SESSIONS.get(\`name:\${username}\`);
  if (taken !== null) throw new Error('duplicate');
  await env.SESSIONS.put(\`name:\${username}\`, 'reserved');
  return new Response('ok');
};`,
      errors: [{ messageId: 'unique', line: 5 }],
    },
    {
      name: 'helper named acquireLock with the binding as a parameter',
      code: `export async function acquireLock(kv: KVNamespace, name: string) {
  if (await kv.get(name)) return false;
  await kv.put(name, String(Date.now()), { expirationTtl: 60 });
  return true;
}`,
      errors: [{ messageId: 'lock', line: 3 }],
    },
    {
      name: 'service worker: the put in the else branch of an exists check',
      filename: 'src/worker.js',
      code: `addEventListener('fetch', (event) => event.respondWith(register(event.request)));
async function register(request) {
  const name = new URL(request.url).searchParams.get('name');
  const current = await KV.get('user:' + name);
  if (current) {
    return new Response('user already exists', { status: 400 });
  } else {
    await KV.put('user:' + name, JSON.stringify({ name }));
  }
  return new Response('ok');
}`,
      errors: [{ messageId: 'unique', line: 8 }],
    },
    {
      name: 'replay check of a one-time token (refusal says replayed)',
      code: `export async function markUsed(env: Env, jti: string) {
  const key = \`jti:\${jti}\`;
  const seen = await env.SESSIONS.get(key);
  if (seen) return { ok: false, reason: 'replayed' };
  await env.SESSIONS.put(key, '1', { expirationTtl: 600 });
  return { ok: true };
}`,
      errors: [{ messageId: 'unique', line: 5 }],
    },
    {
      name: 'lease claimed by put, then verified by get of the same key',
      code: `export async function claim(env: Env, taskId: string, workerId: string) {
  const nonce = \`\${workerId}:\${crypto.randomUUID()}\`;
  const lease = { workerId, nonce };
  await env.KV.put(\`lease:\${taskId}\`, JSON.stringify(lease), { expirationTtl: 120 });
  const check = await env.KV.get<{ nonce: string }>(\`lease:\${taskId}\`, 'json');
  if (check?.nonce !== nonce) return false;
  return true;
}`,
      errors: [{ messageId: 'verify', line: 5, message: 'KV.get(`lease:${taskId}`) re-reads the claim put on line 4' }],
    },
  ],
});
