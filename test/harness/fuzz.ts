// Shared fuzzing setup: seeded, bounded fast-check runs (EDGELINT_FUZZ_RUNS / EDGELINT_FUZZ_SECONDS / EDGELINT_FUZZ_SEED),
// per-kind seed texts from examples/ and test/fixtures/, syntax-aware generators, and byte/line mutations.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { kindOfPath } from '../../server/src/engine/languages';
import type { FileKind } from '../../server/src/engine/types';

/** Runs per property in `npm test` (bounded so the whole fuzz suite stays near a minute on a shared 2-core machine). */
const RUNS = Number(process.env.EDGELINT_FUZZ_RUNS ?? 400);
/** Seconds per property for long runs (`npm run fuzz`); when set, runs are unbounded until the time is up. */
const SECONDS = Number(process.env.EDGELINT_FUZZ_SECONDS ?? 0);
/** Fixed seed in CI so failures reproduce; `npm run fuzz` passes a new one each time (printed with every failure). */
export const SEED = Number(process.env.EDGELINT_FUZZ_SEED ?? 20261130);

/** Checks a property with the configured budget; fails with fast-check's report (seed, path, counterexample). Returns the runs done. */
export function checkProperty<T>(arbitrary: fc.Arbitrary<T>, predicate: (value: T) => void, scale = 1): number {
  const budget = SECONDS > 0
    ? { numRuns: Number.MAX_SAFE_INTEGER, interruptAfterTimeLimit: SECONDS * 1000, markInterruptAsFailure: false }
    : { numRuns: Math.max(1, Math.round(RUNS * scale)) };
  const result = fc.check(fc.property(arbitrary, (value) => { predicate(value); }), { seed: SEED, ...budget });
  assert.equal(result.failed, false, fc.defaultReportMessage(result) ?? 'property failed');
  return result.numRuns;
}

/** A path per file kind for generated texts. */
export const PATHS: Record<FileKind, string> = {
  worker: '/p/src/index.ts', wrangler: '/p/wrangler.toml', headers: '/p/public/_headers', package: '/p/package.json',
  workflow: '/p/.github/workflows/ci.yml', 'edgelint-config': '/p/.edgelintrc.json', shell: '/p/scripts/warm.sh',
};

/** More paths whose kind has another syntax or dialect (wrangler JSONC, plain JS in Pages Functions). */
export const EXTRA_PATHS: [FileKind, string][] = [['wrangler', '/p/wrangler.jsonc'], ['worker', '/p/functions/api/[id].js']];

/** Small texts of each kind that make rules fire (the generators and mutations start from these and the real files). */
const BUILT_IN: Record<FileKind, string[]> = {
  worker: [
    "export default { async fetch(req, env, ctx) { const cache = caches.default; let res = await cache.match(req); if (!res) { res = await fetch(req); res = new Response(res.body, res); res.headers.set('Cache-Control', 'public; max-age=60, public'); ctx.waitUntil(cache.put(req, res.clone())); } await env.KV.put('k', 'v', { expirationTtl: 10 }); return res; } };\n",
    "addEventListener('fetch', (e) => e.respondWith(handle(e.request)));\nasync function handle(request) {\n  const v = await KV.get('hot', { cacheTtl: 5 });\n  return new Response(v, { headers: { 'CDN-Cache-Control': 'Max-Age=60; s' } });\n}\n",
  ],
  wrangler: ['name = "w"\nmain = "src/index.ts"\ncompatibility_date = "2020-01-01"\n[[kv_namespaces]]\nbinding = "KV"\nid = "1"\npreview_id = "1"\n[vars]\nAPI_TOKEN = "x1Y2z3"\n[site]\nbucket = "./public"\n',
    '{\n  // jsonc\n  "name": "w", "compatibility_date": "2024-01-01", "cache": { "enable": true },\n  "kv_namespaces": [{ "binding": "KV", "id": "a", "preview_id": "a" }],\n}\n'],
  headers: ['/*\n  Cache-Control: public; max-age=60\n  Cache-Control: max-age=60\n/assets/*\n  Cache-Control: no-store, max-age=5\n  ! Cache-Control\n/a/:id/*\n  CDN-Cache-Control: max-age=1\n'],
  package: ['{"name":"x","scripts":{"deploy":"wrangler deploy && for p in / /a; do curl -s https://example.com$p; done","postdeploy":"wrangler kv bulk put --binding KV warm.json"}}\n'],
  workflow: ['on:\n  schedule:\n    - cron: "*/5 * * * *"\njobs:\n  warm:\n    runs-on: ubuntu-latest\n    steps:\n      - name: warm cache\n        run: |\n          for p in / /a; do curl -s "https://example.com$p"; done\n'],
  'edgelint-config': ['{"rules":{"cc-syntax":"warn","nope":"x","kv-cachettl-below-minimum":["error",{"minimum":60}]},"ignores":["dist/**"],"tests":"off"}\n'],
  shell: ['#!/bin/bash\n# warm the cache after deploy\nfor u in a b; do curl "https://example.com/$u"; done\nnpx wrangler kv key put --binding KV hot "$(cat x)"\n'],
};

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === 'node_modules') continue;
    if (statSync(path).isDirectory()) walk(path, out);
    else if (statSync(path).size < 64 * 1024) out.push(path);
  }
  return out;
}

let seeds: Record<FileKind, string[]> | undefined;
/** Seed texts per kind: the built-in ones plus every lintable file of examples/ and test/fixtures/. */
export function seedTexts(): Record<FileKind, string[]> {
  if (seeds) return seeds;
  seeds = Object.fromEntries(Object.entries(BUILT_IN).map(([k, v]) => [k, [...v]])) as Record<FileKind, string[]>;
  for (const file of [...walk('examples'), ...walk('test/fixtures')].sort()) {
    const kind = kindOfPath(`/p/${relative('.', file)}`);
    if (kind) seeds[kind].push(readFileSync(file, 'utf8'));
  }
  return seeds;
}

/** Pieces of syntax per kind that generated texts are built from (valid pieces and the characters that break them). */
const PIECES: Record<FileKind, string[]> = {
  worker: ["'Cache-Control'", "'public, max-age=60'", 'max-age=0', 's-maxage=', '; ', ', ', 'caches.default', '.put(', '.match(', 'env.KV', '.get(', 'cacheTtl: ', 'expirationTtl: ', 'new Response(', 'fetch(req)', 'res.headers.set(', '{', '}', '(', ')', '[', ']', '`', '${', "'", '"', ';', '\n', '\r\n', ' ', 'await ', 'const x = ', 'if (res.ok) ', 'return ', '30', '1e3', '/* c */', '// edgelint-disable-line cc-syntax\n', 'export default { async fetch(req, env, ctx) {', '} };'],
  wrangler: ['name = "w"\n', 'compatibility_date = "2020-01-01"\n', '[[kv_namespaces]]\n', 'binding = "KV"\n', 'id = "1"\n', 'preview_id = "1"\n', '[env.a]\n', '[vars]\n', 'TOKEN = "Zk3vQ9xT2mL8pR4wN7bY1cH6jD5sF0gA"\n', '[cache]\nenable = true\n', 'type = "webpack"\n', '"', '=', '[', ']', '{', '}', '\n', '\r\n', '#', ' '],
  headers: ['/*\n', '/a/:id\n', 'https://x.com/*\n', '  Cache-Control: ', 'public', 'max-age=60', 's-maxage=1', ', ', '; ', '  ! Cache-Control\n', '  CDN-Cache-Control: ', 'Max-Age=1', '\n', '\r\n', ':', '#', ' ', '*', '\t'],
  package: ['{', '}', '"scripts":', '{"deploy":"wrangler deploy && curl https://a.b/"}', '"postdeploy":', '"warm":"npm run warm:cache"', ',', ':', '"', '\\"', '\n', '[', ']', 'for p in a; do curl $p; done', ' && ', '"edgelint":{}'],
  workflow: ['on:\n', '  schedule:\n', '    - cron: "*/5 * * * *"\n', 'jobs:\n', '  a:\n', '    steps:\n', '      - run: curl https://x/\n', '      - run: |\n          curl -s https://x/$p\n', '{', '}', '[', ']', ':', '- ', '? ', '&a ', '*a', '"', "'", '\n', '\r\n', '  ', '#'],
  'edgelint-config': ['{', '}', '"rules":', '{"cc-syntax":"off"}', '"ignores":["a"]', '"tests":"info"', ',', ':', '"', '[', ']', '"warn"', '["error",{}]', '// c\n', '\n'],
  shell: ['#!/bin/bash\n', '# warm cache\n', 'for u in a b; do ', 'curl -s "https://x/$u"', '; done\n', 'wrangler kv key put --binding KV k v\n', '"', "'", '$(', ')', '`', '\\', '&&', '|', '\n', '\r\n', ' ', '<<EOF\nx\nEOF\n'],
};

/** Texts of a kind built from its syntax pieces and random characters. */
export function generatedText(kind: FileKind): fc.Arbitrary<string> {
  const piece = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...PIECES[kind]) }, { weight: 1, arbitrary: fc.string({ maxLength: 4, unit: 'binary' }) });
  return fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));
}

/** One mutation: a byte range or line deleted, duplicated or swapped, or a piece inserted. */
type Mutation = { op: 'delete' | 'duplicate' | 'insert' | 'deleteLine' | 'duplicateLine' | 'swapLines'; at: number; len: number; piece: string };

function mutate(text: string, m: Mutation): string {
  const pos = text.length === 0 ? 0 : m.at % (text.length + 1);
  const lines = text.split('\n');
  const line = m.at % Math.max(1, lines.length);
  switch (m.op) {
    case 'delete': return text.slice(0, pos) + text.slice(pos + m.len);
    case 'duplicate': return text.slice(0, pos + m.len) + text.slice(pos, pos + m.len) + text.slice(pos + m.len);
    case 'insert': return text.slice(0, pos) + m.piece + text.slice(pos);
    case 'deleteLine': return lines.filter((_, i) => i !== line).join('\n');
    case 'duplicateLine': return [...lines.slice(0, line + 1), lines[line] ?? '', ...lines.slice(line + 1)].join('\n');
    case 'swapLines': {
      const other = (line + 1 + (m.len % 3)) % Math.max(1, lines.length);
      [lines[line], lines[other]] = [lines[other] ?? '', lines[line] ?? ''];
      return lines.join('\n');
    }
  }
}

/** Seed texts of a kind with a few mutations applied (mutation fuzzing from the fixtures and examples). */
export function mutatedText(kind: FileKind): fc.Arbitrary<string> {
  const mutation = fc.record({
    op: fc.constantFrom('delete', 'duplicate', 'insert', 'deleteLine', 'duplicateLine', 'swapLines'),
    at: fc.nat(), len: fc.integer({ min: 1, max: 40 }),
    piece: fc.oneof(fc.constantFrom(...PIECES[kind]), fc.string({ maxLength: 3, unit: 'binary' })),
  }) as fc.Arbitrary<Mutation>;
  return fc.tuple(fc.constantFrom(...seedTexts()[kind]), fc.array(mutation, { minLength: 1, maxLength: 4 }))
    .map(([seed, mutations]) => mutations.reduce(mutate, seed));
}

/** Either kind of input, with CRLF line ends or a BOM added sometimes. */
export function fuzzText(kind: FileKind): fc.Arbitrary<string> {
  return fc.tuple(fc.oneof(generatedText(kind), mutatedText(kind)), fc.constantFrom('lf', 'crlf', 'bom'))
    .map(([text, style]) => (style === 'crlf' ? text.replace(/\r?\n/g, '\r\n') : style === 'bom' ? `\ufeff${text}` : text));
}

