export default {
  async fetch(request, env) {
    const page = await env.CONTENT.get(new URL(request.url).pathname, { cacheTtl: 3600 });
    return new Response(page ?? 'not found', { status: page === null ? 404 : 200 });
  },
};
