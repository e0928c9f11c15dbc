// Fuzzing whole-file linting of every file kind (generated and mutated inputs): no rule throws, every range lies inside
// the file, results are deterministic.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintFile } from '../../../server/src/engine/linter';
import type { Problem } from '../../../server/src/engine/types';
import { allRules } from '../../../server/src/rules';
import { checkProperty, EXTRA_PATHS, fuzzText, PATHS } from '../../harness/fuzz';

/** Every range a problem carries: its own, its fix's and suggestions' edits. */
function ranges(p: Problem): { start: number; end: number; what: string }[] {
  const edits = [p.fix, ...(p.suggestions ?? [])].flatMap((f) => f?.edits ?? []);
  return [{ start: p.start, end: p.end, what: `${p.ruleId} problem` }, ...edits.map((e) => ({ start: e.start, end: e.end, what: `${p.ruleId} edit` }))];
}

describe('fuzz: whole-file lint invariants', () => {
  let total = 0;
  for (const [kind, path] of [...Object.entries(PATHS), ...EXTRA_PATHS] as [keyof typeof PATHS, string][]) {
    it(`${kind} (${path}): no exception, ranges inside, deterministic`, (t) => {
      const runs = checkProperty(fuzzText(kind), (text) => {
        const first = lintFile({ path, text, rules: allRules });
        for (const p of first.problems) {
          assert.doesNotMatch(p.message, /^internal error in /, `a rule threw: ${p.message}`);
          for (const r of ranges(p)) assert.ok(r.start >= 0 && r.start <= r.end && r.end <= text.length, `${r.what} ${r.start}-${r.end} outside 0-${text.length}`);
        }
        const second = lintFile({ path, text, rules: allRules });
        assert.deepEqual(second.problems, first.problems, 'same text, same problems');
      });
      total += runs;
      t.diagnostic(`${runs} inputs`);
    });
  }
  it('ran inputs for every kind', (t) => {
    assert.ok(total >= 7, `${total} inputs`);
    t.diagnostic(`lint invariants: ${total} inputs in total`);
  });
});
