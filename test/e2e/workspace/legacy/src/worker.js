// edgelint e2e fixture: legacy Worker (see ../../EXPECTED.md).
export default {
  async fetch(request, env) {
    const page = await env.PAGES.get(new URL(request.url).pathname, { cacheTtl: 300 });
    return new Response(page, { headers: { 'Cache-Control': 'no-store, max-age=600' } });
  },
};
