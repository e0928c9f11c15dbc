// Fuzzing --fix on every file kind: fixing twice equals fixing once, no new parse error, BOM and line endings kept.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileKind } from '../../../server/src/engine/file-kind';
import { fixFile } from '../../../server/src/engine/linter';
import { syntaxErrors } from '../../../server/src/engine/syntax-errors';
import { allRules } from '../../../server/src/rules';
import { checkProperty, fuzzText, PATHS } from '../../harness/fuzz';

describe('fuzz: fix invariants', () => {
  let total = 0;
  let changed = 0;
  for (const kind of Object.keys(PATHS) as (keyof typeof PATHS)[]) {
    it(`${kind}: idempotent, parses, keeps BOM and line endings`, (t) => {
      const path = PATHS[kind];
      const runs = checkProperty(fuzzText(kind), (text) => {
        const once = fixFile({ path, text, rules: allRules });
        const twice = fixFile({ path, text: once.text, rules: allRules });
        assert.equal(twice.text, once.text, '--fix twice equals --fix once');
        if (once.text === text) return;
        changed++;
        const kindOf = fileKind(path);
        assert.equal(syntaxErrors(path, text, kindOf).length, 0, 'a file with syntax errors was fixed');
        assert.deepEqual(syntaxErrors(path, once.text, kindOf), [], 'the fix introduced a parse error');
        assert.equal(once.text.startsWith('\ufeff'), text.startsWith('\ufeff'), 'BOM kept');
        if (!text.includes('\r')) assert.ok(!once.text.includes('\r'), 'an LF file got a CR');
        if (!/(^|[^\r])\n/.test(text)) assert.doesNotMatch(once.text, /(^|[^\r])\n/, 'a CRLF file got a lone LF');
      }, 0.5);
      total += runs;
      t.diagnostic(`${runs} inputs`);
    });
  }
  it('fixed some inputs (the property is not vacuous)', (t) => {
    t.diagnostic(`fix invariants: ${total} inputs, ${changed} changed by --fix`);
    assert.ok(changed > 0, `no input of ${total} was changed by a fix`);
  });
});
