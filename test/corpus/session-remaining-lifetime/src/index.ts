import { openSession, switchTeam } from './sessions';

interface Env {
  SESSIONS: KVNamespace;
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url);
    const id = url.searchParams.get('sid') ?? crypto.randomUUID();
    if (url.pathname === '/login') return Response.json(await openSession(env.SESSIONS, id, url.searchParams.get('user') ?? 'guest'));
    if (url.pathname === '/team') return Response.json(await switchTeam(env.SESSIONS, id, url.searchParams.get('team') ?? ''));
    return new Response('not found', { status: 404 });
  },
};
