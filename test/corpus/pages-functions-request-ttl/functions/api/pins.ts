import { Shelf } from './_shelf';

export const onRequestPut: PagesFunction<{ NOTES: KVNamespace }> = async ({ request, env }) => {
  const url = new URL(request.url);
  const seconds = Number(url.searchParams.get('ttl') ?? '3600');
  await new Shelf(env.NOTES).keep(`pin:${url.searchParams.get('id')}`, await request.text(), seconds);
  return new Response(null, { status: 204 });
};
