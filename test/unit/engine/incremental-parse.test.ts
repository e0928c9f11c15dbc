// Re-linting after edits reuses the previous tree (ts.updateSourceFile): results must equal a from-scratch parse.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { lintFile } from '../../../server/src/engine/linter';
import { sourceFileFor } from '../../../server/src/engine/parse/worker';
import { allRules } from '../../../server/src/rules';
import { virtualProject } from '../../harness/virtual-project';
import { random } from '../../harness/random';

const SNIPPETS = ["'", ';', ' ', '{', '}', '(', 'cacheTtl: 5, ', "'Cache-Control': 'public; max-age=1', ", 'await ', '\n', '`', '//'];

describe('incremental reparse', () => {
  const sources = ['examples/src/index.ts', 'test/fixtures/hono-app/src/index.ts', 'test/fixtures/service-worker/worker.js'];
  for (const source of sources) {
    it(`${source}: 60 random edits lint the same as a fresh parse`, () => {
      const next = random(source.length);
      const { project } = virtualProject();
      const ext = source.slice(source.lastIndexOf('.'));
      const path = `/project/src/edited${ext}`;
      let text = readFileSync(source, 'utf8');
      for (let step = 0; step < 60; step++) {
        const at = Math.floor(next() * text.length);
        text = next() < 0.5
          ? text.slice(0, at) + SNIPPETS[Math.floor(next() * SNIPPETS.length)] + text.slice(at)
          : text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 8));
        const incremental = lintFile({ path, text, rules: allRules, facts: project.factsFor(path) }).problems;
        const freshPath = `/project/src/fresh-${source.length}-${step}${ext}`;
        const fresh = lintFile({ path: freshPath, text, rules: allRules, facts: project.factsFor(freshPath) }).problems;
        assert.deepEqual(incremental, fresh, `step ${step}`);
      }
    });
  }
  it('reuses the tree for unchanged text and reparses for a new kind of file at the same path', () => {
    const a = sourceFileFor('/x/reuse.ts', 'const a = 1;');
    assert.equal(sourceFileFor('/x/reuse.ts', 'const a = 1;'), a);
    const b = sourceFileFor('/x/reuse.ts', 'const a = 12;');
    assert.equal(b.text, 'const a = 12;');
    assert.equal(b.statements.length, 1);
  });
});
