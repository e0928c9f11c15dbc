// Notes API. NOTES is bound in the Pages dashboard; the project has no wrangler config.
interface NotesEnv {
  NOTES: KVNamespace;
}

export const onRequestPost: PagesFunction<NotesEnv> = async ({ request, env }) => {
  const body = (await request.json()) as { id: string; text: string; ttl?: string };
  const lifetime = Number(body.ttl);
  if (lifetime > 0) {
    await env.NOTES.put(`note:${body.id}`, body.text, { expirationTtl: lifetime }); // expect: kv-expiration-below-minimum
  } else {
    await env.NOTES.put(`note:${body.id}`, body.text);
  }
  return new Response(null, { status: 204 });
};

export const onRequestGet: PagesFunction<NotesEnv> = async ({ request, env }) => {
  const id = new URL(request.url).searchParams.get('id') ?? '';
  const text = await env.NOTES.get(`note:${id}`, { cacheTtl: 300 });
  return text === null ? new Response('not found', { status: 404 }) : new Response(text);
};
