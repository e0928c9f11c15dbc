// Table tests for kv-cron-warming.
import rule from '../../../server/src/rules/kv/kv-cron-warming';
import { runRuleTests } from '../../harness/rule-tester';

runRuleTests(rule, {
  valid: [
    // A scheduled workflow that curls a health endpoint (no warm words), or checks responses with -f; a push workflow that warms.
    { filename: '.github/workflows/uptime.yml', code: 'on:\n  schedule:\n    - cron: "*/5 * * * *"\njobs:\n  ping:\n    runs-on: ubuntu-latest\n    steps:\n      - run: curl -s -o /dev/null https://example.com/health\n' },
    { filename: '.github/workflows/warm.yml', code: 'on:\n  schedule:\n    - cron: "0 * * * *"\njobs:\n  warm:\n    runs-on: ubuntu-latest\n    steps:\n      - run: curl -fsS -o /dev/null https://example.com/\n' },
    { filename: '.github/workflows/warm-push.yml', code: 'on: push\njobs:\n  warm:\n    runs-on: ubuntu-latest\n    steps:\n      - run: curl -s -o /dev/null https://example.com/\n' },
    {
      name: 'data aggregation: fetch an API and put one summary key',
      code: `export default {
  async scheduled(event: ScheduledEvent, env: Env) {
    const res = await fetch('https://api.example.com/rates');
    const rates = await res.json();
    await env.KV.put('rates', JSON.stringify(rates));
  },
};`,
    },
    {
      name: 'per-item data sync with no warming intent',
      code: `export default {
  async scheduled(event: ScheduledEvent, env: Env) {
    const products = await loadProducts(env);
    for (const p of products) await env.KV.put(\`product:\${p.id}\`, JSON.stringify(p));
  },
};`,
    },
    {
      name: 'topStories copied as-is: a weak word without a cache word or a computed value',
      code: `export default {
  async scheduled(event, env) {
    const topStories = await (await fetch('https://hacker-news.firebaseio.com/v0/topstories.json')).json();
    for (const story of topStories) await env.KV.put(\`story:\${story.id}\`, JSON.stringify(story));
  },
};`,
      filename: 'src/index.js',
    },
    {
      name: 'KV reads in a cron whose values are used',
      code: `export default {
  async scheduled(event: ScheduledEvent, env: Env) {
    const keys = ['a', 'b', 'c'];
    const values = await Promise.all(keys.map((k) => env.KV.get(k)));
    await env.KV.put('digest', values.join('\\n'));
  },
};`,
    },
    {
      name: 'feed aggregation: fetched bodies are consumed',
      code: `export default {
  async scheduled(event: ScheduledEvent, env: Env) {
    const items: string[] = [];
    // refresh the cache of feed items
    for (const url of FEEDS) {
      const res = await fetch(url);
      items.push(await res.text());
    }
    await env.CACHE.put('feed', JSON.stringify(items));
  },
};`,
    },
    {
      name: 'uptime monitor: status-only fetches with no warming intent',
      code: `export default {
  async scheduled(event: ScheduledEvent, env: Env) {
    for (const site of SITES) {
      const res = await fetch(site);
      if (!res.ok) await notify(env, site, res.status);
    }
  },
};`,
    },
    {
      name: 'cache purge POSTs in a loop are not warming',
      code: `export default {
  async scheduled(event: ScheduledEvent, env: Env) {
    // purge the hot pages from the cache
    for (const zone of ZONES) {
      await fetch(\`https://api.cloudflare.com/client/v4/zones/\${zone}/purge_cache\`, { method: 'POST', body: JSON.stringify({ purge_everything: true }) });
    }
  },
};`,
    },
    {
      name: 'the same warming shapes in a fetch handler are not cron warming',
      code: `export default {
  async fetch(req: Request, env: Env, ctx: ExecutionContext) {
    for (const k of ['home', 'about']) await env.KV.get(k);
    await caches.default.put(req, new Response('x'));
    return new Response('ok');
  },
};`,
    },
    {
      name: 'a warming word in another paragraph of the cron says nothing about this loop',
      code: `export default {
  async scheduled(event: ScheduledEvent, env: Env) {
    // warm up the database connection first
    await env.DB.prepare('select 1').run();

    const rows = await env.DB.prepare('select * from prices').all();
    for (const row of rows.results) await env.KV.put(\`price:\${row.sku}\`, JSON.stringify(row));
  },
};`,
    },
    {
      name: 'service binding fetch is not a URL fetch',
      code: `export default {
  async scheduled(event: ScheduledEvent, env: Env) {
    // warm up the backend
    for (const path of PATHS) await env.BACKEND.fetch(\`https://backend\${path}\`);
  },
};`,
    },
  ],
  invalid: [
    {
      name: 'catalogue example: KV get loop with discarded results',
      code: `export default {
  async scheduled(event: ScheduledEvent, env: Env) {
    const hot = ['home', 'pricing', 'docs'];
    for (const k of hot) await env.KV.get(k);
  },
};`,
      errors: [{ messageId: 'kvGetLoop', line: 4, column: 32, endColumn: 45, severity: 'warn', message: 'KV.get() in a for…of loop in export default scheduled() reads keys and discards them: it warms KV only where the cron runs.' }],
    },
    {
      name: 'Promise.all(map) of get with cacheTtl, awaited only',
      code: `export default {
  async scheduled(event: ScheduledEvent, env: Env, ctx: ExecutionContext) {
    const keys = await env.CACHE.list();
    ctx.waitUntil(Promise.all(keys.keys.map((k) => env.CACHE.get(k.name, { cacheTtl: 86400 }))));
  },
};`,
      errors: [{ messageId: 'kvGetLoop', line: 4, column: 52, message: 'CACHE.get() in a keys.keys.map() callback' }],
    },
    {
      name: 'caches.default.put in a cron',
      code: `export default {
  async scheduled(event: ScheduledEvent, env: Env) {
    const html = await renderHome(env);
    await caches.default.put('https://example.com/', new Response(html, { headers: { 'Cache-Control': 'max-age=300' } }));
  },
};`,
      errors: [{ messageId: 'cachePut', line: 4, column: 11, message: 'caches.default.put() in export default scheduled() stores the response only in the data center this cron runs in' }],
    },
    {
      name: 'named cache put in a helper the cron calls',
      code: `async function refreshPages(env: Env) {
  const cache = await caches.open('pages');
  await cache.put('https://example.com/blog', await renderBlog(env));
}
export default {
  async scheduled(event: ScheduledEvent, env: Env, ctx: ExecutionContext) {
    ctx.waitUntil(refreshPages(env));
  },
};`,
      errors: [{ messageId: 'cachePut', line: 3, column: 9, message: 'cache.put() in refreshPages() (called from export default scheduled()) stores the response only in the data center this cron runs in' }],
    },
    {
      name: "addEventListener('scheduled') with a global binding, function named prime*",
      code: `addEventListener('scheduled', (event) => {
  event.waitUntil(primeTopPages());
});
async function primeTopPages() {
  const slugs = await topSlugs();
  for (const slug of slugs) {
    await CACHE.put(\`page:\${slug}\`, await render(slug), { expirationTtl: 3600 });
  }
}`,
      filename: 'src/worker.js',
      errors: [{ messageId: 'kvPutWarm', line: 7, column: 11, message: "(function name 'primeTopPages')" }],
    },
    {
      name: 'named WorkerEntrypoint class, comment says preload',
      code: `import { WorkerEntrypoint } from 'cloudflare:workers';
export class Jobs extends WorkerEntrypoint<Env> {
  async scheduled() {
    // preload rendered product pages into KV
    const ids = await this.env.DB.prepare('select id from products').all();
    await Promise.all(ids.results.map(async (row) => this.env.KV.put(\`html:\${row.id}\`, await this.page(row.id))));
  }
}`,
      errors: [{ messageId: 'kvPutWarm', line: 6, column: 54, message: 'comment "// preload rendered product pages into KV"' }],
    },
    {
      name: 'popular list plus a render() result is derived warming data',
      code: `export default {
  async scheduled(event: ScheduledEvent, env: Env) {
    const popular = await getPopularSlugs(env);
    for (const slug of popular) await env.KV.put(\`post:\${slug}\`, await renderPost(env, slug));
  },
};`,
      errors: [{ messageId: 'kvPutWarm', line: 4, column: 39, message: "(loop over 'popular')" }],
    },
    {
      name: 'fetch of own URLs in a loop to warm the CDN: info',
      code: `export default {
  async scheduled(event: ScheduledEvent, env: Env) {
    // warm the edge cache for the landing pages
    for (const path of ['/', '/pricing', '/docs']) {
      const res = await fetch(\`https://example.com\${path}\`);
      console.log(path, res.status);
    }
  },
};`,
      errors: [{ messageId: 'fetchLoop', line: 5, column: 25, severity: 'info', message: 'fetch(`https://example.com${path}`) in a for…of loop in export default scheduled() requests URLs to warm caches (comment "// warm the edge cache for the landing pages"): one location warms.' }],
    },
    {
      name: 'fetch with cf.cacheEverything in a map callback: info',
      code: `const worker = {
  async scheduled(event, env, ctx) {
    ctx.waitUntil(Promise.all(URLS.map((url) => fetch(url, { cf: { cacheEverything: true, cacheTtl: 600 } }))));
  },
};
export default worker;`,
      filename: 'src/index.js',
      errors: [{ messageId: 'fetchLoop', line: 3, column: 49, severity: 'info', message: '(cf.cacheEverything option)' }],
    },
    {
      name: 'binding from wrangler.jsonc, forEach callback of discarded gets',
      code: `export default {
  scheduled(controller, env, ctx) {
    HOT_KEYS.forEach((key) => ctx.waitUntil(env.HTML.get(key)));
  },
};`,
      filename: 'src/index.js',
      files: { 'wrangler.jsonc': '{ "name": "site", "main": "src/index.js", "compatibility_date": "2025-06-01", "kv_namespaces": [{ "binding": "HTML", "id": "abc" }], "triggers": { "crons": ["*/5 * * * *"] } }' },
      errors: [{ messageId: 'kvGetLoop', line: 3, column: 45, message: 'HTML.get() in a HOT_KEYS.forEach() callback' }],
    },
    {
      name: 'KVNamespace typed in the file, top-10 comment and a cache binding name',
      code: `interface Env { PAGE_CACHE: KVNamespace }
const handler: ExportedHandler<Env> = {
  async scheduled(_event, env) {
    const slugs = await fetchSlugs();
    // store the top 10 articles
    for (const slug of slugs.slice(0, 10)) {
      await env.PAGE_CACHE.put(slug, JSON.stringify(await fetchArticle(slug)));
    }
  },
};
export default handler;`,
      errors: [{ messageId: 'kvPutWarm', line: 7, column: 13, message: 'comment "// store the top 10 articles"' }],
    },
    {
      name: 'get into an unused variable in a loop in a this.method() the cron calls',
      code: `export default {
  async scheduled(event: ScheduledEvent, env: Env) {
    await this.touchKeys(env);
  },
  async touchKeys(env: Env) {
    for (let i = 0; i < KEYS.length; i++) {
      const value = await env.SESSIONS.get(KEYS[i]);
    }
  },
};`,
      errors: [{ messageId: 'kvGetLoop', line: 7, column: 27, message: 'SESSIONS.get() in a for loop in touchKeys() (called from export default scheduled())' }],
    },
    {
      name: 'scheduled CI workflow that curls the app in a loop to warm the cache: info',
      filename: '.github/workflows/keep-warm.yml',
      code: `name: Keep the cache warm
on:
  schedule:
    - cron: "*/30 * * * *"
jobs:
  warm:
    runs-on: ubuntu-latest
    steps:
      - name: Warm cache
        run: |
          for p in / /blog /docs; do
            curl -s -o /dev/null "https://example.com$p"
          done
`,
      errors: [{ messageId: 'scheduledRequests', line: 12, column: 13, severity: 'info', message: '`curl … https://example.com$p` on cron "*/30 * * * *" requests URLs in a for loop to warm caches: one location warms.' }],
    },
  ],
});
