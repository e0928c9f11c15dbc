export default {
  async fetch(request: Request, _env: unknown, ctx: ExecutionContext): Promise<Response> {
    if (request.method !== 'GET') return new Response('method not allowed', { status: 405 });
    const cache = caches.default;
    const cached = await cache.match(request);
    if (cached) return cached;
    const src = new URL(request.url).searchParams.get('src');
    if (!src) return new Response('missing src', { status: 400 });
    const upstream = await fetch(src);
    const image = await upstream.arrayBuffer();
    const response = new Response(image, { // expect: response-init-spread
      ...upstream,
      headers: { 'Content-Type': upstream.headers.get('Content-Type') ?? 'image/png', 'Cache-Control': 'public, max-age=14400' },
    });
    if (image) ctx.waitUntil(cache.put(request, response.clone())); // expect: cache-put-error-response
    return response;
  },
};
