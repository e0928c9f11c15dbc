// Keeps the origin's responses in this data center's cache for two minutes.
addEventListener('fetch', (event) => {
  event.respondWith(handle(event));
});

async function handle(event) {
  const request = event.request;
  const cache = caches.default;
  const key = new Request(request.url, request);
  const hit = await cache.match(key);
  if (hit) return hit;
  const origin = await fetch(request);
  const response = new Response(origin.body, origin);
  response.headers.append('Cache-Control', 's-maxage=120'); // expect: cc-append-existing, cc-override-origin-private
  event.waitUntil(cache.put(key, response)); // expect: cache-put-uncacheable, cache-put-body-reuse, cache-put-error-response
  return response;
}
