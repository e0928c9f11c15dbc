// The engine's syntax-tree cache is bounded by source bytes, keeps the newest tree, and forgets a path on request.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { forgetTree, MAX_TREE_CACHE_BYTES, sourceFileFor, treeCacheStats } from '../../../server/src/engine/parse/worker';

// Mostly one long comment: the cache counts source bytes, and a comment is cheap to parse.
const text = (bytes: number, tag: string) => `export const ${tag} = 1;\n// ${'x'.repeat(bytes)}\n`;

describe('tree cache', () => {
  it('holds at most MAX_TREE_CACHE_BYTES of source, least recently used out first', () => {
    for (const path of treeCacheStats().paths) forgetTree(path);
    for (let i = 0; i < 30; i++) sourceFileFor(`/t/bound-${i}.ts`, text(200_000, `f${i}`));
    const stats = treeCacheStats();
    assert.ok(stats.bytes <= MAX_TREE_CACHE_BYTES, `${stats.bytes} bytes`);
    assert.ok(stats.entries >= 2 && stats.entries < 30, `${stats.entries} entries`);
    assert.ok(stats.paths.includes('/t/bound-29.ts'), 'the newest tree is kept');
    assert.ok(!stats.paths.includes('/t/bound-0.ts'), 'the oldest tree is gone');
  });

  it('keeps the newest tree even when it alone is over the bound (keystroke reparses stay incremental)', () => {
    const big = text(MAX_TREE_CACHE_BYTES + 1000, 'big');
    const first = sourceFileFor('/t/big.ts', big);
    assert.deepEqual(treeCacheStats().paths, ['/t/big.ts']);
    assert.equal(sourceFileFor('/t/big.ts', big), first, 'the same text reuses the cached tree');
  });

  it('forgetTree drops a path and its bytes', () => {
    sourceFileFor('/t/a.ts', text(1000, 'a'));
    const before = treeCacheStats();
    assert.equal(forgetTree('/t/a.ts'), true);
    assert.equal(forgetTree('/t/a.ts'), false);
    const after = treeCacheStats();
    assert.equal(after.entries, before.entries - 1);
    assert.ok(after.bytes < before.bytes);
    for (const path of after.paths) forgetTree(path);
    assert.deepEqual(treeCacheStats(), { entries: 0, bytes: 0, paths: [] });
  });
});
