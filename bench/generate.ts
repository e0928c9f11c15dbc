// Generates a synthetic Workers monorepo for the benchmark: many ordinary source files, a few with caching code.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ORDINARY = (i: number) => `// Module ${i}: business logic without any caching decisions.
export interface Item${i} { id: string; name: string; price: number; tags: string[] }
export function normalize${i}(items: Item${i}[]): Item${i}[] {
  return items
    .filter((item) => item.price >= 0)
    .map((item) => ({ ...item, name: item.name.trim(), tags: [...new Set(item.tags)].sort() }));
}
export class Service${i} {
  private readonly cache = new Map<string, Item${i}>();
  constructor(private readonly base: string) {}
  async load(id: string): Promise<Item${i} | undefined> {
    if (this.cache.has(id)) return this.cache.get(id);
    const response = await fetch(\`\${this.base}/items/\${id}\`);
    if (!response.ok) return undefined;
    const item = (await response.json()) as Item${i};
    this.cache.set(id, item);
    return item;
  }
  total(items: Item${i}[]): number {
    let sum = 0;
    for (const item of items) sum += item.price;
    return Math.round(sum * 100) / 100;
  }
}
`.repeat(3);

const CACHING = (i: number) => `// Worker ${i} with caching code.
export default {
  async fetch(request: Request, env: { CACHE: KVNamespace }, ctx: ExecutionContext): Promise<Response> {
    const key = new URL(request.url).pathname;
    const hit = await env.CACHE.get(key, { cacheTtl: ${i % 2 ? 10 : 300} });
    if (hit) return new Response(hit, { headers: { 'Cache-Control': 'public; max-age=60' } });
    const res = new Response('fresh', { headers: { 'Cache-Control': 'public, s-maxage=600, stale-while-revalidate=60' } });
    ctx.waitUntil(caches.default.put(request, res.clone()));
    await env.CACHE.put(key, 'fresh', { expirationTtl: 3600 });
    return res;
  },
};
`;

/** Writes `files` source files (1 in `cachingEvery` has caching code) under `dir`; returns their paths. */
export function generateRepo(dir: string, files: number, cachingEvery: number): string[] {
  rmSync(dir, { recursive: true, force: true });
  const paths: string[] = [];
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'wrangler.toml'), 'name = "bench"\nmain = "src/w0/index.ts"\ncompatibility_date = "2025-06-01"\n[[kv_namespaces]]\nbinding = "CACHE"\nid = "1"\n');
  for (let i = 0; i < files; i++) {
    const folder = join(dir, 'src', `w${Math.floor(i / 50)}`);
    mkdirSync(folder, { recursive: true });
    const path = join(folder, `module${i}.ts`);
    writeFileSync(path, i % cachingEvery === 0 ? CACHING(i) : ORDINARY(i));
    paths.push(path);
  }
  return paths;
}

/** One large Worker file (for the keystroke benchmark). */
export function largeWorker(lines: number): string {
  let text = CACHING(1);
  while (text.split('\n').length < lines) text += ORDINARY(text.length);
  return text;
}

/** A workspace where every file calls a KV helper imported from one of `helpers` modules (so module summaries are built). */
export function generateImportingRepo(root: string, count: number, helpers: number): string[] {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(root, 'src', 'lib'), { recursive: true });
  writeFileSync(join(root, 'wrangler.toml'), 'name = "bench"\ncompatibility_date = "2025-06-01"\n[[kv_namespaces]]\nbinding = "CACHE"\nid = "1"\n');
  for (let h = 0; h < helpers; h++) {
    writeFileSync(join(root, 'src', 'lib', `helper-${h}.ts`), `export async function remember${h}(kv: KVNamespace, key: string, value: string, ttl: number) {\n  await kv.put(key, value, { expirationTtl: ttl });\n}\n`);
  }
  const paths: string[] = [];
  for (let i = 0; i < count; i++) {
    const h = i % helpers;
    const path = join(root, 'src', `route-${i}.ts`);
    writeFileSync(path, `import { remember${h} } from './lib/helper-${h}';\n${ORDINARY(i)}\nexport async function handle${i}(env: { CACHE: KVNamespace }, key: string) {\n  await remember${h}(env.CACHE, key, 'v', ${i % 10 === 0 ? 30 : 3600});\n}\n`);
    paths.push(path);
  }
  return paths;
}
