// edgelint e2e fixture: a Worker with two edge-caching mistakes (see ../EXPECTED.md).
// The types are declared locally so the fixture needs no @cloudflare/workers-types.
interface KVReader {
  get(key: string, options?: { cacheTtl?: number }): Promise<string | null>;
}

interface Env {
  SESSIONS: KVReader;
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const key = new URL(request.url).searchParams.get('session') ?? 'anonymous';
    const session = await env.SESSIONS.get(key, { cacheTtl: 10 });
    const body = JSON.stringify({ session });
    return new Response(body, { headers: { 'Cache-Control': 'public; max-age=60' } });
  },
};
