import { readVisits, writeVisits } from './counter';

interface Env {
  STATS: KVNamespace;
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const n = await readVisits(env.STATS);
    await writeVisits(env.STATS, n + 1); // expect: kv-hot-key-write
    const wanted = new URL(request.url).searchParams.getAll('k');
    const values: (string | null)[] = [];
    for (const k of wanted) {
      values.push(await env.STATS.get(`stats:${k}`)); // expect: kv-n-plus-one
    }
    return Response.json({ visitor: n + 1, values });
  },

  async scheduled(_controller: ScheduledController, env: Env): Promise<void> {
    await env.STATS.put('stats:heartbeat', new Date().toISOString()); // expect: kv-hot-key-write
  },
};
