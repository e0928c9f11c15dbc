import { Hono } from 'hono';

type Bindings = { RESPONSES: KVNamespace };

const app = new Hono<{ Bindings: Bindings }>();
const DEFAULT_SECONDS = 3600;

async function remember(store: KVNamespace, name: string, payload: unknown, seconds: number): Promise<void> {
  await store.put(`resp:${name}`, JSON.stringify(payload), { expirationTtl: seconds });
}

app.get('/fetch', async (c) => {
  const target = c.req.query('url');
  if (!target) return c.text('missing url', 400);
  const name = c.req.header('x-remember-as');
  const raw = c.req.header('x-remember-for');
  const seconds = raw ? parseInt(raw, 10) : DEFAULT_SECONDS;
  const upstream = await fetch(target);
  const payload = await upstream.json();
  if (name && seconds > 0) await remember(c.env.RESPONSES, name, payload, seconds); // expect: cache-put-error-response, kv-expiration-below-minimum
  return c.json(payload);
});

export default app;
