// Pre-parse filters never hide a finding: for every registered rule (the registry is iterated, so new rules are covered)
// and every file of test/fixtures, examples/ and test/corpus, a file the rule's check reports on (run without its
// filter) is admitted by its `mayApply`. The rule tables are the other half of the evidence (test/harness/rule-tester.ts).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { fileKind } from '../../../server/src/engine/file-kind';
import { allRules } from '../../../server/src/rules';
import { diskProject } from '../../harness/inline-markers';
import { hiddenByFilter } from '../../harness/filter-evidence';

const FOLDERS = ['test/fixtures', 'examples', 'test/corpus'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules') return [];
    return statSync(path).isDirectory() ? filesUnder(path) : fileKind(path) ? [resolve(path)] : [];
  });
}

describe('pre-parse filters admit every file their rule reports on', () => {
  const files = FOLDERS.flatMap(filesUnder);

  it('has evidence: files of every kind the filtered rules lint, and rules with filters', () => {
    assert.ok(files.length >= 40, `only ${files.length} files`);
    assert.ok(allRules.filter((r) => r.mayApply).length >= 20);
  });

  for (const rule of allRules.filter((r) => r.mayApply)) {
    it(rule.id, () => {
      const project = diskProject();
      const hidden = files.flatMap((path) => hiddenByFilter(rule, { path, text: readFileSync(path, 'utf8'), facts: project.factsFor(path) })
        .map((p) => `${path}:${p.start} ${p.message}`));
      assert.deepEqual(hidden, []);
    });
  }
});
