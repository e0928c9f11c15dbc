interface Env {
  EDGE_TTL?: string;
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const ttl = Number(env.EDGE_TTL ?? '300');
    const upstream = await fetch(request, { // expect: cf-cache-personalized
      cf: {
        cacheTtlByStatus: { '200-299': ttl, '404': 1, '500-599': 0 },
        cacheEverything: true,
        cacheKey: request.url, // expect: cf-ineffective-option
      },
    });
    const response = new Response(upstream.body, upstream);
    response.headers.set('x-edge-ttl', String(ttl));
    return response;
  },
};
