// The cross-file module summary cache is bounded by source size (LRU), keeps the newest summary, and forgets on request;
// a lint that used an evicted or forgotten summary counts as stale.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emptyFacts } from '../../../server/src/engine/project/facts';
import { MAX_MODULE_CACHE_CHARS, ModuleGraph } from '../../../server/src/engine/project/modules';

const HELPER = 'export async function store(kv: KVNamespace, ttl: number) { await kv.put("k", "v", { expirationTtl: ttl }); }\n';
/** A helper module of about `chars` characters (mostly a comment: cheap to parse). */
const helper = (chars: number, tag: string) => `${HELPER}// ${tag} ${'x'.repeat(chars)}\n`;

function graph(files: Map<string, string>): ModuleGraph {
  return new ModuleGraph((path) => files.get(path), () => emptyFacts());
}

describe('module summary cache', () => {
  it('holds at most MAX_MODULE_CACHE_CHARS of source, least recently used out first', () => {
    const files = new Map<string, string>();
    const count = Math.ceil(MAX_MODULE_CACHE_CHARS / 900_000) + 4;
    for (let i = 0; i < count; i++) files.set(`/p/src/h${i}.ts`, helper(900_000, `h${i}`));
    const modules = graph(files);
    for (let i = 0; i < count; i++) assert.ok(modules.summaryOf('/p/src/index.ts', `./h${i}`), `h${i} summarised`);
    const stats = modules.stats();
    assert.ok(stats.chars <= MAX_MODULE_CACHE_CHARS, `${stats.chars} chars kept`);
    assert.ok(stats.entries >= 2 && stats.entries < count, `${stats.entries} entries`);
    assert.ok(stats.paths.includes(`/p/src/h${count - 1}.ts`), 'the newest summary is kept');
    assert.ok(!stats.paths.includes('/p/src/h0.ts'), 'the oldest summary is gone');
    assert.equal(modules.dependenciesChanged('/p/src/index.ts'), true, 'a lint that used an evicted summary is stale');
  });

  it('a summary used again moves to the back of the line', () => {
    const files = new Map<string, string>();
    const count = Math.floor(MAX_MODULE_CACHE_CHARS / 900_000);
    for (let i = 0; i <= count; i++) files.set(`/p/src/h${i}.ts`, helper(900_000, `h${i}`));
    const modules = graph(files);
    for (let i = 0; i < count; i++) modules.summaryOf('/p/src/index.ts', `./h${i}`);
    modules.summaryOf('/p/src/index.ts', './h0'); // used again: now the newest
    modules.summaryOf('/p/src/index.ts', `./h${count}`); // over the bound: h1 goes, not h0
    const { paths } = modules.stats();
    assert.ok(paths.includes('/p/src/h0.ts') && !paths.includes('/p/src/h1.ts'), paths.join(', '));
  });

  it('forget drops a module\'s text; its importers count as stale until it is summarised again', () => {
    const files = new Map([['/p/src/kv.ts', helper(10, 'kv')]]);
    const modules = graph(files);
    assert.ok(modules.summaryOf('/p/src/index.ts', './kv'));
    assert.equal(modules.dependenciesChanged('/p/src/index.ts'), false);
    assert.equal(modules.forget('/p/src/kv.ts'), true);
    assert.equal(modules.forget('/p/src/kv.ts'), false);
    assert.deepEqual(modules.stats(), { entries: 0, chars: 0, paths: [] });
    assert.equal(modules.dependenciesChanged('/p/src/index.ts'), true);
    assert.ok(modules.summaryOf('/p/src/index.ts', './kv'));
    assert.equal(modules.dependenciesChanged('/p/src/index.ts'), false);
  });
});
