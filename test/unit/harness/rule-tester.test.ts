// Self-tests of the strict rule tester: its checks must be able to fail (a fix that breaks syntax, behind a mayApply filter).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defineRule, type Rule } from '../../../server/src/engine/define-rule';
import type { Fix, Severity } from '../../../server/src/engine/types';
import { assertInvalidCase } from '../../harness/rule-tester';

/** Reports `fetch(` and offers `edit` as its fix or suggestion; `mayApply` admits only files containing `fetch(`. */
function ruleWith(produce: (start: number) => { fix?: Fix; suggestions?: Fix[]; severity?: Severity }): Rule {
  return defineRule({
    id: 't-filtered', description: 'test rule behind a pre-parse filter', defaultSeverity: 'warn', fixable: true, hasSuggestions: true,
    kinds: ['worker'], defaultOptions: {}, messages: { found: 'found fetch' },
    mayApply: (text) => text.includes('fetch('),
    check(context) {
      const start = context.text.indexOf('fetch(');
      if (start >= 0) context.report({ start, end: start + 5, messageId: 'found', ...produce(start) });
    },
  });
}

const removeCall = (start: number): Fix => ({ title: 'drop the call', edits: [{ start, end: start + 6, text: '' }] });
const rename = (start: number): Fix => ({ title: 'rename', edits: [{ start, end: start + 5, text: 'get' }] });

describe('rule tester self-test', () => {
  it('fails when a fix breaks syntax, even though mayApply skips the parse of the fixed output', () => {
    const rule = ruleWith((start) => ({ fix: removeCall(start) }));
    assert.throws(() => assertInvalidCase(rule, { code: 'fetch(x);\n', output: 'x);\n', errors: [{ messageId: 'found' }] }),
      /fixed output must still parse/);
  });
  it('fails when a suggestion breaks syntax', () => {
    const rule = ruleWith((start) => ({ suggestions: [removeCall(start)] }));
    assert.throws(() => assertInvalidCase(rule, { code: 'fetch(x);\n', errors: [{ messageId: 'found', suggestions: [{ output: 'x);\n' }] }] }),
      /suggestion "drop the call" must still parse/);
  });
  it('fails when a rule fixes without declaring fixable (the engine turns it into an internal error)', () => {
    const rule = { ...ruleWith((start) => ({ fix: rename(start) })), fixable: false };
    assert.throws(() => assertInvalidCase(rule, { code: 'fetch(x);\n', output: 'get(x);\n', errors: [{ messageId: 'found' }] }),
      /internal error in t-filtered: reported a fix but the rule is not declared `fixable`/);
  });
  it('fails when a message is reported at a severity its rule does not declare, also when the case configures the rule', () => {
    const rule = { ...ruleWith(() => ({ severity: 'info' })), fixable: false, hasSuggestions: false };
    const errors = [{ messageId: 'found' }];
    assert.throws(() => assertInvalidCase(rule, { code: 'fetch(x);\n', errors }), /"found" reported at info, but its declared severities are warn/);
    assert.throws(() => assertInvalidCase(rule, { code: 'fetch(x);\n', options: { any: 1 }, errors }), /"found" reported at info/);
    assert.doesNotThrow(() => assertInvalidCase({ ...rule, messageSeverities: { found: ['warn', 'info'] } }, { code: 'fetch(x);\n', errors }));
  });
  it('passes a fix that keeps the file parsing', () => {
    const rule = ruleWith((start) => ({ fix: rename(start) }));
    assertInvalidCase(rule, { code: 'fetch(x);\n', output: 'get(x);\n', errors: [{ messageId: 'found' }] });
  });
});
