// Storefront Worker: product pages from KV, an image proxy through the Cache API, and a cron job.
import { renderProduct, type Product } from './render';

interface Env {
  CATALOG: KVNamespace;
  PAGES: KVNamespace;
  IMAGES: R2Bucket;
}

const PAGE_CACHE = 'public; max-age=300';
const POPULAR = ['mug', 'tee', 'cap', 'poster'];

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    const url = new URL(request.url);

    if (url.pathname.startsWith('/product/')) {
      const slug = url.pathname.slice('/product/'.length);
      // Product data changes rarely: a long cacheTtl is right here.
      const product = await env.CATALOG.get<Product>(`product:${slug}`, { type: 'json', cacheTtl: 3600 });
      if (!product) return new Response('Not found', { status: 404, headers: { 'Cache-Control': 'public, max-age=60' } });
      return new Response(renderProduct(product), { headers: { 'Content-Type': 'text/html', 'Cache-Control': PAGE_CACHE } });
    }

    if (url.pathname === '/cart') {
      const cart = await env.PAGES.get(`cart:${request.headers.get('cookie')}`, { cacheTtl: 10 });
      await env.PAGES.put(`cart-seen:${slugOf(url)}`, '1', { expirationTtl: 30 });
      return Response.json(JSON.parse(cart ?? '[]'), { headers: { 'Cache-Control': 'private, no-store' } });
    }

    if (url.pathname.startsWith('/img/')) {
      const cache = caches.default;
      const hit = await cache.match(request);
      if (hit) return hit;
      const object = await env.IMAGES.get(url.pathname.slice(5));
      if (!object) return new Response('Not found', { status: 404 });
      const res = new Response(object.body, {
        headers: { 'Cache-Control': 'public, s-maxage=86400, stale-while-revalidate=600' },
      });
      await cache.put(request, res);
      return res;
    }

    if (url.pathname.startsWith('/api/rates')) {
      // Public exchange rates from the origin, cached at the edge for five minutes (no user headers forwarded).
      return fetch('https://origin.example.com/rates', { cf: { cacheTtl: 300, cacheEverything: true } });
    }

    return new Response('Hello', { headers: { 'Cache-Control': 'no-store, max-age=600' } });
  },

  // "Keep the edge hot": runs every five minutes, in one data center.
  async scheduled(_event: ScheduledController, env: Env, ctx: ExecutionContext): Promise<void> {
    for (const slug of POPULAR) {
      await env.CATALOG.get(`product:${slug}`);
    }
    ctx.waitUntil(Promise.resolve());
  },
};

function slugOf(url: URL): string {
  return url.pathname.split('/').pop() ?? '';
}
