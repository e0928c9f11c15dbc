// Per-rule scaling: every rule lints 1×, 4× and 16× a block of its file kind that makes it work, and 16× must cost far
// less than 16² × the time of 1× (quadratic rules fail); the same for each kind's parser. Prints the table of times.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { languageOf } from '../../../server/src/engine/languages';
import { lintFile } from '../../../server/src/engine/linter';
import type { FileKind } from '../../../server/src/engine/types';
import { emptyFacts } from '../../../server/src/engine/project/facts';
import { allRules } from '../../../server/src/rules';
import { PATHS } from '../../harness/fuzz';
import { bestTime, MAX_RATIO } from '../../harness/timing';

/** `n` repetitions of a block of each kind that most rules of that kind react to. */
const BLOCKS: Record<FileKind, (n: number) => string> = {
  worker: (n) => WORKER_PREFIX + Array.from({ length: n }, (_, i) => `export async function h${i}(req, env, ctx) {
  const cache = caches.default;
  let res = await cache.match(req);
  if (!res) {
    res = await fetch(req, { cf: { cacheTtl: ${i}, cacheEverything: true }, cache: 'no-store' });
    res.headers.set('Cache-Control', 'public; max-age=${i}, public, s-maxage=1, stale-while-revalidate=60');
    const copy = new Response(res.body, { ...res, headers: { 'CDN-Cache-Control': 'Max-Age=60; x' } });
    ctx.waitUntil(cache.put(req, copy));
    await env.KV.put('count', String(Number(await env.KV.get('count', { cacheTtl: 10 })) + 1), { expirationTtl: ${i % 90} });
    return copy;
  }
  return res;
}
export async function more${i}(req, env, ctx, c, keys, html) {
  const upstream = await fetch(req);
  const copy = new Response(upstream.body, upstream);
  copy.headers.append('Cache-Control', 'public, max-age=60, max-stale=5');
  copy.headers.set('Access-Control-Allow-Origin', req.headers.get('Origin'));
  const warmKeys = keys;
  for (const key of warmKeys) await env.KV.get(key);
  await fetch(req, { cf: { cacheControl: 'max-age=60', cacheTtl: 5 } });
  const cached = await env.PAGE_CACHE.get('page${i}');
  if (!cached) await env.PAGE_CACHE.put('page${i}', await (await fetch('https://o.example/${i}')).text());
  app.get('/u${i}', cache({ cacheName: 'c${i}' }), (c) => c.json({ user: getCookie(c, 'session') }));
  ctx.waitUntil(caches.default.delete(req));
  await env.KV.put('seen${i}', '1');
  if (await env.KV.get('seen${i}')) return new Response('dup', { status: 409 });
  return new Response(html, { headers: { 'Content-Type': 'text/html', 'Cache-Control': 'public, max-age=31536000, immutable' } });
}
`).join(''),
  wrangler: (n) => `name = "w"\nmain = "src/index.ts"\ncompatibility_date = "2020-01-01"\ntype = "webpack"\n[site]\nbucket = "./public"\n`
    + Array.from({ length: n }, (_, i) => `[env.e${i}]\nname = "w${i}"\n[env.e${i}.cache]\nenable = true\n[[env.e${i}.kv_namespaces]]\nbinding = "KV${i}"\nid = "${i}"\npreview_id = "${i}"\n[env.e${i}.vars]\nAPI_TOKEN = "Zk3vQ9xT2mL8pR4wN7bY1cH6jD5sF0g${i}"\n`).join(''),
  headers: (n) => Array.from({ length: n }, (_, i) => `/p${i % 7}/*\n  Cache-Control: public; max-age=${i}, max-age=1\n  Cache-Control: public, max-age=31536000, immutable, max-stale=5, s-maxage=9, stale-while-revalidate=60\n  CDN-Cache-Control: Max-Age=1; x\n  ! Cache-Control\n/a/:id/*\n  Cache-Control: no-store\n`).join(''),
  package: (n) => JSON.stringify({ name: 'x', scripts: Object.fromEntries(Array.from({ length: n }, (_, i) => [[`deploy${i}`, `wrangler deploy && for p in / /a; do curl -s https://example.com/${i}$p; done`], [`postdeploy${i}`, `wrangler kv bulk put --binding KV warm-${i}.json`]]).flat()) }),
  workflow: (n) => `on:\n  schedule:\n    - cron: "*/5 * * * *"\njobs:\n` + Array.from({ length: n }, (_, i) => `  warm${i}:\n    runs-on: ubuntu-latest\n    steps:\n      - name: warm cache\n        run: for p in / /a; do curl -s "https://example.com/${i}$p"; done\n      - run: npx wrangler deploy && npx wrangler kv bulk put --binding KV warm.json\n`).join(''),
  'edgelint-config': (n) => `{"rules":{${Array.from({ length: n }, (_, i) => `"cc-syntax":"warn","nope${i}":"x"`).join(',')}}}`,
  shell: (n) => `#!/bin/bash\n# warm the cache after deploy\n` + Array.from({ length: n }, (_, i) => `for u in a b; do curl "https://example.com/${i}/$u"; done\nnpx wrangler kv key put --binding KV hot${i} "$(cat x)"\n`).join(''),
};
/** Written once before the worker blocks: a Hono app with the cache middleware, a Workers Sites import and a cron handler. */
const WORKER_PREFIX = `import { Hono } from 'hono';
import { cache } from 'hono/cache';
import manifest from '__STATIC_CONTENT_MANIFEST';
const app = new Hono();
export default { async scheduled(event, env, ctx) { for (const k of ['a', 'b']) await env.KV.get(k); } };
`;
/** Rules whose filter needs project facts this test does not build (wrangler `cache.enabled`, assets folders, code routes, an installed schema): only their filter is timed. */
const NEEDS_FACTS = new Set(['workers-cache-implicit-ttl', 'headers-file-location', 'wrangler-assets-headers-bypass', 'wrangler-config-schema']);
/** Times under this (ms) are noise on a shared machine: the 1× time is floored to it before dividing. */
const FLOOR_MS = 2;
/** Base repetitions per kind, so 1× takes long enough to time and 16× stays small. */
const BASE: Record<FileKind, number> = { worker: 6, wrangler: 8, headers: 12, package: 8, workflow: 8, 'edgelint-config': 20, shell: 12 };

describe('per-rule scaling over 1×/4×/16× inputs', () => {
  const table: string[] = [];
  for (const rule of allRules) {
    for (const kind of rule.kinds) {
      it(`${rule.id} on ${kind}: 16× the input costs well under 16² × the time`, (t) => {
        const path = PATHS[kind];
        const lint = (text: string) => () => { lintFile({ path, text, rules: [rule] }); };
        const texts = [1, 4, 16].map((k) => BLOCKS[kind](BASE[kind] * k));
        // The block must get past the rule's pre-parse filter, or only the filter would be timed.
        if (!NEEDS_FACTS.has(rule.id)) assert.ok(rule.mayApply?.(texts[0]!, emptyFacts(), kind) ?? true, `${rule.id}: the ${kind} block does not pass its filter`);
        lint(texts[2]!)();
        lint(texts[0]!)();
        const [t1, t4, t16] = texts.map((text) => bestTime(lint(text)));
        const ratio = t16! / Math.max(t1!, FLOOR_MS);
        const row = `${rule.id} (${kind}): ${t1!.toFixed(1)} / ${t4!.toFixed(1)} / ${t16!.toFixed(1)} ms, 16×/1× = ${ratio.toFixed(1)}`;
        table.push(row);
        t.diagnostic(row);
        assert.ok(ratio < MAX_RATIO, row);
      });
    }
  }
  it('measured every rule', (t) => {
    assert.ok(table.length >= allRules.length, `${table.length} rows for ${allRules.length} rules`);
    t.diagnostic(`${table.length} rule/kind pairs measured`);
  });
});

describe('per-parser scaling over 1×/4×/16× inputs', () => {
  for (const kind of Object.keys(BLOCKS) as FileKind[]) {
    it(`${kind} parser: 16× the input costs well under 16² × the time`, (t) => {
      let fresh = 0;
      // A new path per parse: the worker parser would otherwise reuse the cached tree of the same text.
      const parse = (text: string) => () => { languageOf(kind).parse(PATHS[kind].replace(/(\.\w+)?$/, (ext) => `${++fresh}${ext}`), text); };
      const texts = [1, 4, 16].map((k) => BLOCKS[kind](BASE[kind] * k));
      parse(texts[2]!)();
      const [t1, t4, t16] = texts.map((text) => bestTime(parse(text)));
      const ratio = t16! / Math.max(t1!, FLOOR_MS);
      const row = `${kind} parser: ${t1!.toFixed(1)} / ${t4!.toFixed(1)} / ${t16!.toFixed(1)} ms, 16×/1× = ${ratio.toFixed(1)}`;
      t.diagnostic(row);
      assert.ok(ratio < MAX_RATIO, row);
    });
  }
});
