// Table tests for kv-deploy-warming.
import rule from '../../../server/src/rules/kv/kv-deploy-warming';
import { runRuleTests } from '../../harness/rule-tester';

const pkg = (scripts: Record<string, string>) => JSON.stringify({ name: 'app', scripts }, null, 2);
/** A push workflow with one `deploy` job; the 5 header lines keep line numbers in expectations as written. */
const deployJob = (steps: string) => `on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`;

runRuleTests(rule, {
  valid: [
    { name: 'shell: seeding KV without warm words', filename: 'scripts/seed-kv.sh', code: '#!/bin/bash\n# Upload the catalogue the Worker reads\nnpx wrangler kv bulk put --binding=DATA data/products.json\n' },
    { name: 'shell: a loop over "popular" URLs (weak word, no cache word) in a neutral script', filename: 'scripts/crawl.sh', code: 'for u in $(cat popular.txt); do wget -q -O /dev/null "$u"; done\n' },
    { name: 'shell: a warm-up script that checks responses (curl -f) or downloads', filename: 'scripts/warmup.sh', code: "# don't skip\nfor p in / /a; do curl -fsS -o /dev/null https://example.com$p; done\ncurl -o geo.json https://example.com/geo.json\n" },
    {
      name: 'seeding source data with wrangler kv bulk put at deploy', filename: 'package.json',
      code: pkg({ deploy: 'wrangler deploy && wrangler kv bulk put --binding=DATA data/products.json', postdeploy: 'curl -fsS https://example.com/health' }),
    },
    {
      name: 'OpenNext populate-cache seeds the framework cache store (not warming)', filename: 'package.json',
      code: pkg({ deploy: 'opennextjs-cloudflare build && opennextjs-cloudflare populate-cache remote && opennextjs-cloudflare deploy' }),
    },
    {
      name: 'a manifest upload script run at deploy writes KV in a loop without warming intent',
      filename: 'scripts/upload-manifest.js',
      files: { 'package.json': pkg({ deploy: 'node scripts/upload-manifest.js && wrangler deploy' }) },
      code: `const base = \`https://api.cloudflare.com/client/v4/accounts/\${process.env.ACCOUNT}/storage/kv/namespaces/\${process.env.NS}\`;
const manifest = JSON.parse(await readFile('dist/manifest.json', 'utf8'));
// Upload the asset manifest the Worker reads at runtime
for (const [key, value] of Object.entries(manifest)) {
  await fetch(\`\${base}/values/\${key}\`, { method: 'PUT', body: JSON.stringify(value) });
}`,
    },
    {
      name: 'a Worker storing user data in a loop',
      code: `export default {
  async fetch(req, env) {
    const items = await req.json();
    for (const item of items) await env.KV.put(\`user:\${item.id}\`, JSON.stringify(item));
    return new Response('ok');
  },
};`,
    },
    {
      name: 'a warming cron is left to kv-cron-warming',
      code: `async function warmCache(env) {
  for (const key of HOT_KEYS) await env.CACHE.put(key, await build(key));
}
export default { async scheduled(event, env, ctx) { ctx.waitUntil(warmCache(env)); } };`,
    },
    {
      name: 'read-through caching in a function named after warming',
      code: `app.get('/posts/:slug', async (c) => {
  const cached = await c.env.CACHE.get(c.req.param('slug'), { cacheTtl: 3600 });
  return c.html(cached ?? await warmCacheEntry(c.env, c.req.param('slug')));
});
async function warmCacheEntry(env, slug) {
  const html = await render(slug);
  await env.CACHE.put(slug, html, { expirationTtl: 86400 });
  return html;
}`,
    },
    {
      name: 'seedCache is seeding, not warming',
      code: `export async function seedCache(env: Env, rows: Row[]) {
  for (const row of rows) await env.KV.put(row.id, JSON.stringify(row));
}`,
    },
    {
      name: 'smoke tests after deploy check the responses', filename: 'package.json',
      code: pkg({ deploy: 'wrangler deploy && curl -fsS https://example.com/health', postdeploy: 'for p in / /api/health; do curl -fsS https://example.com$p | grep -q ok; done' }),
    },
    {
      name: 'downloads before the deploy and a purge after it', filename: 'package.json',
      code: pkg({ deploy: 'curl -o data/geo.json https://example.com/geo.json && wrangler deploy && curl -X POST https://api.cloudflare.com/client/v4/zones/$ZONE/purge_cache -d \'{"purge_everything":true}\'' }),
    },
    {
      name: 'a warm script that no deploy runs', filename: 'package.json',
      code: pkg({ deploy: 'wrangler deploy', warm: 'node scripts/warm.mjs' }),
    },
    {
      name: 'a deploy script that fetches data (reads the body) for popular items',
      filename: 'scripts/sync.ts',
      files: { 'package.json': pkg({ postdeploy: 'tsx scripts/sync.ts' }) },
      code: `for (const id of popularIds) {
  const data = await (await fetch(\`https://cms.example.com/items/\${id}\`)).json();
  await writeFile(\`data/\${id}.json\`, JSON.stringify(data));
}`,
    },
    {
      name: 'a file named warm-cache that no deploy script runs',
      filename: 'scripts/warm-cache.ts',
      code: `const { env } = await getPlatformProxy();
for (const path of topPaths) await env.CACHE.put(path, await render(path));`,
    },
    {
      name: 'a deploy script with warming intent but a single write',
      filename: 'scripts/warm.mjs',
      files: { 'package.json': pkg({ postdeploy: 'node scripts/warm.mjs' }) },
      code: `const { env } = await getPlatformProxy();
await env.CACHE.put('build-id', process.env.BUILD_ID);`,
    },
    {
      name: 'a scheduled workflow without a deploy is left to kv-cron-warming',
      filename: '.github/workflows/warm.yml',
      code: `on:
  schedule:
    - cron: '*/10 * * * *'
jobs:
  warm:
    runs-on: ubuntu-latest
    steps:
      - run: for u in $(cat urls.txt); do curl -s -o /dev/null "$u"; done
`,
    },
    {
      name: 'a workflow that seeds KV after deploying', filename: '.github/workflows/deploy.yml',
      code: deployJob(`      - uses: actions/checkout@v4
      - uses: cloudflare/wrangler-action@v3
        with:
          apiToken: \${{ secrets.CF_API_TOKEN }}
      - name: Upload product catalogue
        run: npx wrangler kv bulk put --binding=DATA data/products.json
      - run: curl -fsS https://example.com/health
`),
    },
    {
      name: 'a curl loop that fails on errors (-f) is a smoke test', filename: 'package.json',
      code: pkg({ deploy: 'wrangler deploy && for p in / /pricing; do curl -fsS -o /dev/null https://example.com$p; done' }),
    },
    {
      name: 'a loop in a workflow step named "Smoke test" after deploy', filename: '.github/workflows/deploy.yml',
      code: deployJob(`      - run: npx wrangler deploy
      - name: Smoke test
        run: for p in / /pricing; do curl -s -o /dev/null https://example.com$p; done
`),
    },
    {
      name: 'a deploy script bulk-uploading rows with the Cloudflare SDK (seeding)',
      filename: 'scripts/upload.ts',
      files: { 'package.json': pkg({ postdeploy: 'tsx scripts/upload.ts' }) },
      code: `import Cloudflare from 'cloudflare';
const cf = new Cloudflare();
const rows = await loadRows();
await cf.kv.namespaces.bulkUpdate(NS, { account_id: ACCOUNT, body: rows.map((r) => ({ key: r.id, value: r.json })) });`,
    },
    {
      name: 'a deploy script reading KV over the REST API (GET) and POSTing webhooks',
      filename: 'scripts/after.mjs',
      files: { 'package.json': pkg({ postdeploy: 'node scripts/after.mjs' }) },
      code: `// warm-up checks
for (const k of keys) await fetch(\`\${API}/storage/kv/namespaces/\${NS}/values/\${k}\`);
for (const hook of warmHooks) await fetch(hook, { method: 'POST' });`,
    },
    {
      name: 'intent words only inside written data are not evidence',
      filename: 'scripts/kv.mjs',
      files: { 'package.json': pkg({ deploy: 'wrangler deploy && node scripts/kv.mjs' }) },
      code: `const { env } = await getPlatformProxy();
for (const item of items) await env.KV.put(item.id, JSON.stringify({ label: 'hot deals' }));`,
    },
  ],
  invalid: [
    { name: 'shell: a standalone warm-up script (no package.json calls it): curl loop, info', filename: 'scripts/warmup-cache-after-deployment.sh', code: '#!/usr/bin/env bash\nfor path in / /blog /pricing; do\n  curl -s -o /dev/null "https://example.com$path"\ndone\n',
      errors: [{ messageId: 'shellRequests', severity: 'info', line: 3, column: 3, message: 'in a warm-up script (the file name "warmup-cache-after-deployment.sh") requests URLs in a for loop' }] },
    { name: 'shell: a comment says pre-warm; xargs curl', filename: 'scripts/after-deploy.sh', code: '#!/bin/sh\n# Pre-warm the edge cache\ncat urls.txt | xargs -n1 curl -s -o /dev/null\n',
      errors: [{ messageId: 'shellRequests', severity: 'info', line: 3, column: 16, message: 'in a warm-up script (the comment "Pre-warm the edge cache") requests URLs through xargs' }] },
    { name: 'shell: several single curls in a warm script are one finding', filename: 'bin/warm.bash', code: 'curl -s -o /dev/null https://example.com/\ncurl -sI https://example.com/a > /dev/null\n',
      errors: [{ messageId: 'shellRequests', severity: 'info', line: 1, column: 1, message: 'requests URLs in 2 commands' }] },
    { name: 'shell: kv bulk put in a prime-kv script (warn); a non-request command in a warm loop is not reported', filename: 'scripts/prime-kv.sh', code: 'npx wrangler kv bulk put --binding=CACHE dist/pages.json\nfor u in $(cat warm-urls.txt); do do_x; done\n',
      errors: [{ messageId: 'shellKvWrite', severity: 'warn', line: 1, column: 1, message: 'in a warm-up script (the file name "prime-kv.sh")' }] },
    {
      name: 'catalogue example: top-N puts in a script chained after wrangler deploy',
      filename: 'scripts/warm.ts',
      files: { 'package.json': pkg({ deploy: 'wrangler deploy && tsx scripts/warm.ts' }) },
      code: `import { getPlatformProxy } from 'wrangler';
const { env, dispose } = await getPlatformProxy();
const topN = await loadPaths(100);
for (const path of topN) {
  await env.CACHE.put(path, await render(path));
}
await dispose();`,
      errors: [{ messageId: 'scriptWrite', line: 5, column: 9, message: 'CACHE.put() in a for…of loop (line 4)' }],
    },
    {
      name: 'REST API writes in Promise.all from a postdeploy script, intent in a comment',
      filename: 'scripts/after-deploy.mjs',
      files: { 'package.json': pkg({ deploy: 'wrangler deploy', postdeploy: 'node scripts/after-deploy.mjs' }) },
      code: `const API = \`https://api.cloudflare.com/client/v4/accounts/\${process.env.CF_ACCOUNT}/storage/kv/namespaces/\${process.env.KV_ID}\`;
const pages = JSON.parse(await readFile('dist/pages.json', 'utf8'));
// Pre-populate KV so the first visitors get a hot cache
await Promise.all(pages.map((p) => fetch(\`\${API}/values/\${encodeURIComponent(p.path)}\`, {
  method: 'PUT', headers: { Authorization: \`Bearer \${process.env.CF_TOKEN}\` }, body: p.html,
})));`,
      errors: [{ messageId: 'scriptWrite', line: 4, column: 36, message: 'fetch() to the KV REST API (…/values) in a .map() callback (line 4) pre-writes KV at deploy' }],
    },
    {
      name: 'wrangler kv key put through execSync in a loop over hot keys',
      filename: 'scripts/sync.mjs',
      files: { 'package.json': pkg({ deploy: 'npm run build && wrangler deploy && node scripts/sync.mjs', build: 'vite build' }) },
      code: `import { execSync } from 'node:child_process';
import hot from './hot-keys.json' with { type: 'json' };
for (const [key, value] of Object.entries(hot)) {
  execSync(\`npx wrangler kv key put --binding=CACHE \${key} '\${JSON.stringify(value)}'\`);
}`,
      errors: [{ messageId: 'scriptWrite', line: 4, column: 3, message: '"wrangler kv key put" via execSync() in a for…of loop (line 3)' }],
    },
    {
      name: "a warm-cache script fetching the app's own URLs after deploy",
      filename: 'scripts/warm-cache.ts',
      files: { 'package.json': pkg({ deploy: 'wrangler deploy', postdeploy: 'tsx scripts/warm-cache.ts' }) },
      code: `const BASE = process.env.APP_URL ?? 'https://shop.example.com';
const paths = ['/', '/products', '/about'];
for (const path of paths) {
  const res = await fetch(BASE + path);
  console.log(path, res.status, res.headers.get('cf-cache-status'));
}`,
      errors: [{ messageId: 'scriptFetch', line: 4, column: 21, severity: 'info', message: 'fetch(BASE + path) in a for…of loop (line 3)' }],
    },
    {
      name: 'Hono route named warm-cache writing KV in a loop',
      code: `app.post('/admin/warm-cache', async (c) => {
  const { results } = await c.env.DB.prepare('SELECT slug FROM posts').all();
  for (const { slug } of results) {
    await c.env.CACHE.put(\`post:\${slug}\`, await renderPost(c.env, slug));
  }
  return c.text('ok');
});`,
      errors: [{ messageId: 'warmFunction', line: 1, column: 10, message: 'route "/admin/warm-cache" writes KV in a for…of loop (line 3) (CACHE.put())' }],
    },
    {
      name: 'function primeKvCache with Promise.all over a destructured binding declared only by its TS type',
      files: { 'wrangler.toml': 'name = "app"\nmain = "src/index.ts"\ncompatibility_date = "2025-06-01"\n' },
      code: `interface Env { PAGES_KV: KVNamespace }
async function primeKvCache(env: Env, keys: string[]) {
  const { PAGES_KV } = env;
  await Promise.all(keys.map((k) => PAGES_KV.put(k, 'x')));
}
export default { async fetch(req: Request, env: Env, ctx: ExecutionContext) { ctx.waitUntil(primeKvCache(env, ['a'])); return new Response('ok'); } };`,
      errors: [{ messageId: 'warmFunction', line: 2, column: 16, message: 'function "primeKvCache" writes KV in a .map() callback (line 4) (PAGES_KV.put())' }],
    },
    {
      name: 'Pages Function at functions/api/warm-cache.ts',
      filename: 'functions/api/warm-cache.ts',
      code: `export const onRequestPost = async ({ env }) => {
  const ids = await env.KV.get('index', 'json');
  for (const id of ids) await env.KV.put(\`item:\${id}\`, await build(id));
  return new Response('done');
};`,
      errors: [{ messageId: 'warmFunction', line: 1, column: 14, message: 'Pages Function route "/api/warm-cache" (onRequestPost)' }],
    },
    {
      name: 'service-worker syntax: a /__prime-cache path check with global bindings',
      code: `addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (url.pathname === '/__prime-cache') {
    event.waitUntil((async () => { for (const k of KEYS) await CACHE.put(k, await make(k)); })());
    return event.respondWith(new Response('priming'));
  }
  event.respondWith(handle(event.request));
});`,
      errors: [{ messageId: 'warmFunction', line: 3, column: 24 }],
    },
    {
      name: 'itty-router route calling a local helper that writes in a loop',
      code: `const router = Router();
async function fill(env, keys) {
  for (let i = 0; i < keys.length; i++) await env.CACHE.put(keys[i], await build(keys[i]));
}
router.get('/cache/preload', async (req, env) => { await fill(env, await listKeys(env)); return new Response('ok'); });
export default { fetch: router.fetch };`,
      errors: [{ messageId: 'warmFunction', line: 5, column: 12, message: 'route "/cache/preload" writes KV in a for loop (line 3)' }],
    },
    {
      name: 'package.json: a curl loop chained after wrangler deploy', filename: 'package.json',
      code: pkg({ deploy: 'wrangler deploy && for p in / /blog /pricing; do curl -s -o /dev/null https://example.com$p; done' }),
      errors: [{ messageId: 'commandRequests', line: 4, column: 65, severity: 'info', message: '`curl … https://example.com$p` runs after "wrangler deploy" in the "deploy" script and requests URLs in a for loop' }],
    },
    {
      name: 'package.json: npm run warm:cache in postdeploy (the warm script itself is not reported again)', filename: 'package.json',
      code: pkg({ deploy: 'wrangler deploy', postdeploy: 'npm run warm:cache', 'warm:cache': 'for u in $(cat urls.txt); do curl -s $u > /dev/null; done' }),
      errors: [{ messageId: 'commandWarmScript', line: 5, column: 20, message: '`npm run warm:cache` runs in the "postdeploy" script and starts the' }],
    },
    {
      name: 'package.json: wrangler kv bulk put of hot pages after deploy', filename: 'package.json',
      code: pkg({ deploy: 'wrangler deploy && wrangler kv bulk put --binding=CACHE data/hot-pages.json' }),
      errors: [{ messageId: 'commandKvWrite', line: 4, column: 35, message: '(the file name "data/hot-pages.json")' }],
    },
    {
      name: 'package.json: a deploy script running a nested deploy, then a warm file', filename: 'package.json',
      code: pkg({ ship: 'npm run deploy:worker && node scripts/prewarm.mjs', 'deploy:worker': 'wrangler deploy' }),
      errors: [{ messageId: 'commandWarmScript', line: 4, column: 39, message: 'runs after "npm run deploy:worker" in the "ship" script and starts the' }],
    },
    {
      name: 'workflow: xargs curl in a "Warm cache" step after wrangler-action', filename: '.github/workflows/deploy.yml',
      code: deployJob(`      - uses: actions/checkout@v4
      - name: Deploy
        uses: cloudflare/wrangler-action@v3
        with:
          apiToken: \${{ secrets.CF_API_TOKEN }}
      - name: Warm cache
        run: cat urls.txt | xargs -n1 curl -s -o /dev/null
`),
      errors: [{ messageId: 'commandRequests', line: 12, column: 29, severity: 'info', message: '`xargs …` runs after the deploy step "Deploy" in job "deploy" and requests URLs through xargs (the step name "Warm cache"): it warms one location.' }],
    },
    {
      name: 'workflow: a job that needs the deploy job loops wget over URLs', filename: '.github/workflows/deploy.yml',
      code: deployJob(`      - run: npx wrangler deploy
  warm:
    needs: deploy
    runs-on: ubuntu-latest
    steps:
      - run: |
          for url in $(cat urls.txt); do
            wget -q -O /dev/null "$url"
          done
`),
      errors: [{ messageId: 'commandRequests', line: 13, column: 13, message: 'in job "warm", which runs after the deploying job "deploy" and requests URLs in a for loop (the job name "warm")' }],
    },
    {
      name: 'workflow: kv bulk put of popular pages in the deploy step, after wrangler deploy', filename: '.github/workflows/deploy.yml',
      code: deployJob(`      - name: Deploy
        run: |
          npx wrangler deploy
          npx wrangler kv bulk put --binding=CACHE popular.json
`),
      errors: [{ messageId: 'commandKvWrite', line: 9, column: 11, message: 'runs after "npx wrangler deploy" in step "Deploy" and writes KV ahead of traffic (the file name "popular.json")' }],
    },
    {
      name: 'zx $ template running wrangler kv key put over hot keys',
      filename: 'scripts/kv.mjs',
      files: { 'package.json': pkg({ deploy: 'wrangler deploy && node scripts/kv.mjs' }) },
      code: `#!/usr/bin/env zx
for (const k of hotKeys) await $\`wrangler kv key put --binding=CACHE \${k} \${v}\`;`,
      errors: [{ messageId: 'scriptWrite', line: 2, column: 32, message: '"wrangler kv key put" via $`…` in a for…of loop (line 2)' }],
    },
    {
      name: 'intent in the file header comment; writes in a .forEach() callback',
      filename: 'scripts/kv.mjs',
      files: { 'package.json': pkg({ deploy: 'wrangler deploy && node scripts/kv.mjs' }) },
      code: `#!/usr/bin/env node
// Warms the KV cache after each deploy.
import { execSync } from 'node:child_process';
load().forEach((r) => execSync(\`npx wrangler kv key put --binding CACHE \${r.k} \${r.v}\`));`,
      errors: [{ messageId: 'scriptWrite', line: 4, column: 23, message: '"wrangler kv key put" via execSync() in a .forEach() callback (line 4) pre-writes KV at deploy' }],
    },
    {
      name: 'Cloudflare SDK bulk update of popular pages: one bulk upload',
      filename: 'scripts/upload.ts',
      files: { 'package.json': pkg({ postdeploy: 'tsx scripts/upload.ts' }) },
      code: `import Cloudflare from 'cloudflare';
const cf = new Cloudflare();
const popular = await getPopular();
await cf.kv.namespaces.bulkUpdate(NS, { account_id: A, body: popular.map((p) => ({ key: p.path, value: p.html })) });`,
      errors: [{ messageId: 'scriptWrite', line: 4, column: 7, message: 'kv.namespaces.bulkUpdate() in one bulk upload' }],
    },
    {
      name: 'REST writes through a local helper called in a loop; intent in a log message',
      filename: 'scripts/after.mjs',
      files: { 'package.json': pkg({ postdeploy: 'node scripts/after.mjs' }) },
      code: `async function putOne(k, v) {
  await fetch(\`\${API}/storage/kv/namespaces/\${NS}/values/\${k}\`, { method: 'PUT', body: v });
}
console.log('Warming KV...');
for (const [k, v] of entries) await putOne(k, v);`,
      errors: [{ messageId: 'scriptWrite', line: 2, column: 9, message: 'in a for…of loop (line 5) through putOne()' }],
    },
    {
      name: 'switch case on a /prime-kv pathname',
      code: `export default {
  async fetch(req, env) {
    switch (new URL(req.url).pathname) {
      case '/prime-kv':
        for (const k of KEYS) await env.KV.put(k, '1');
        return new Response('ok');
      default:
        return new Response('x');
    }
  },
};`,
      errors: [{ messageId: 'warmFunction', line: 4, column: 12, message: 'route "/prime-kv" writes KV in a for…of loop (line 5) (KV.put())' }],
    },
    {
      name: 'package.json: curl PUT to the KV REST API in a loop over hot keys', filename: 'package.json',
      code: pkg({ deploy: 'wrangler deploy && for k in $(cat hot.txt); do curl -X PUT https://api.cloudflare.com/client/v4/accounts/$A/storage/kv/namespaces/$N/values/$k --data @pages/$k.html; done' }),
      errors: [{ messageId: 'commandKvWrite', line: 4, column: 63, message: '(the loop "for k in $(cat hot.txt)")' }],
    },
    {
      name: 'package.json: kv key put of a top-10 key, and a wget -r crawl in postdeploy', filename: 'package.json',
      code: pkg({ deploy: 'wrangler deploy && wrangler kv key put --binding=CACHE top10 "$(node top.js)"', postdeploy: 'wget -r -q --delete-after https://example.com/' }),
      errors: [
        { messageId: 'commandKvWrite', line: 4, column: 15, message: '(the key "top10")' },
        { messageId: 'commandRequests', line: 5, column: 20, message: 'requests URLs recursively (wget -r)' },
      ],
    },
  ],
});
