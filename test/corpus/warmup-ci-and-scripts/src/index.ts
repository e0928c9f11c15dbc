interface Env {
  CONFIG: KVNamespace;
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const banner = await env.CONFIG.get('banner', { cacheTtl: 3600 });
    return new Response(`${banner ?? ''} ${new URL(request.url).pathname}`);
  },
};
