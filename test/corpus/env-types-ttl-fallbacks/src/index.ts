async function render(path: string): Promise<string> {
  return `<h1>${path}</h1>`;
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url);
    const fresh = url.searchParams.has('fresh');
    const cached = await env.CATALOG.get(url.pathname, fresh ? { cacheTtl: 10 } : { cacheTtl: 600 }); // expect: kv-cachettl-below-minimum
    if (cached !== null) return new Response(cached, { headers: { 'Content-Type': 'text/html' } });

    const html = await render(url.pathname);
    const configured = env.CATALOG_TTL ? Number(env.CATALOG_TTL) : undefined;
    const options = url.searchParams.has('preview') ? { expirationTtl: 45 } : { expirationTtl: configured ?? 86400 }; // expect: kv-expiration-below-minimum
    await env.CATALOG.put(url.pathname, html, options);
    await env.CATALOG.put(`meta:${url.pathname}`, String(Date.now()), { expirationTtl: configured ?? 30 }); // expect: kv-expiration-below-minimum
    return new Response(html, { headers: { 'Content-Type': 'text/html' } });
  },
};
