import { KvLimiter } from './limiter';

interface Env {
  QUOTA: KVNamespace;
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const limiter = new KvLimiter(env.QUOTA, { max: 100, windowSeconds: 10 });
    const client = request.headers.get('x-api-key') ?? 'anonymous';
    if (!(await limiter.allow(client))) return new Response('slow down', { status: 429 });
    return new Response('ok');
  },
};
