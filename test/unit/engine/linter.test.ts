// Unit tests for lintFile: rule selection by kind, pre-parse filters, failing rules contained, severities, dedupe.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defineRule, type Rule } from '../../../server/src/engine/define-rule';
import { lintFile } from '../../../server/src/engine/linter';

const reportAll = (id: string, extra: Partial<Rule> = {}): Rule => defineRule({
  id, description: 'test rule', defaultSeverity: 'warn', fixable: false, hasSuggestions: false, kinds: ['worker'],
  defaultOptions: {}, messages: { m: 'found {{what}}' },
  check(context) { context.report({ start: 0, end: 1, messageId: 'm', data: { what: 'it' } }); context.report({ start: 0, end: 1, messageId: 'm', data: { what: 'it' } }); },
  ...extra,
});

describe('lintFile', () => {
  it('runs rules for the file kind only, and dedupes identical reports', () => {
    const problems = lintFile({ path: '/p/src/a.ts', text: 'x', rules: [reportAll('t-one'), reportAll('t-two', { kinds: ['headers'] })] }).problems;
    assert.deepEqual(problems.map((p) => [p.ruleId, p.message]), [['t-one', 'found it']]);
    assert.deepEqual(lintFile({ path: '/p/README.md', text: 'x', rules: [reportAll('t-one')] }).problems, []);
  });
  it('never parses when no rule may apply', () => {
    let parsed = false;
    const rule = reportAll('t-lazy', { mayApply: () => false, check(context) { parsed = true; context.worker(); } });
    assert.deepEqual(lintFile({ path: '/p/a.ts', text: 'const x = ;', rules: [rule] }).problems, []);
    assert.equal(parsed, false);
  });
  it('turns a throwing rule (in check or mayApply) into one internal-error problem and keeps the others', () => {
    const boom = reportAll('t-boom', { check() { throw new Error('kaboom'); } });
    const early = reportAll('t-early', { mayApply() { throw new Error('too early'); } });
    const problems = lintFile({ path: '/p/a.ts', text: 'x', rules: [boom, early, reportAll('t-ok')] }).problems;
    assert.deepEqual(problems.map((p) => p.ruleId).sort(), ['t-boom', 't-early', 't-ok']);
    assert.match(problems.find((p) => p.ruleId === 't-boom')!.message, /^internal error in t-boom: kaboom/);
  });
  it('enforces fixable and hasSuggestions: an undeclared fix or suggestion becomes the rule\'s internal-error problem', () => {
    const fix = { title: 't', edits: [{ start: 0, end: 1, text: 'y' }] };
    const fixer = reportAll('t-fixer', { check(context) { context.report({ start: 0, end: 1, messageId: 'm', fix }); } });
    const suggester = reportAll('t-suggester', { check(context) { context.report({ start: 0, end: 1, messageId: 'm', suggestions: [fix] }); } });
    const problems = lintFile({ path: '/p/a.ts', text: 'x', rules: [fixer, suggester] }).problems;
    assert.deepEqual(problems.map((p) => [p.ruleId, p.fix, p.suggestions]), [['t-fixer', undefined, undefined], ['t-suggester', undefined, undefined]]);
    assert.match(problems[0]!.message, /^internal error in t-fixer: reported a fix but the rule is not declared `fixable`/);
    assert.match(problems[1]!.message, /^internal error in t-suggester: reported suggestions but the rule does not declare `hasSuggestions`/);
    const declared = lintFile({ path: '/p/a.ts', text: 'x', rules: [{ ...fixer, fixable: true }, { ...suggester, hasSuggestions: true }] }).problems;
    assert.deepEqual(declared.map((p) => [p.ruleId, !!p.fix, p.suggestions?.length ?? 0]), [['t-fixer', true, 0], ['t-suggester', false, 1]]);
  });
  it('applies configured severities over report severities, and off', () => {
    const rule = reportAll('t-sev', { check(context) { context.report({ start: 0, end: 1, messageId: 'm', severity: 'error' }); } });
    assert.equal(lintFile({ path: '/p/a.ts', text: 'x', rules: [rule] }).problems[0]!.severity, 'error');
    const overrides = new Map([['t-sev', { severity: 'info' as const }]]);
    assert.equal(lintFile({ path: '/p/a.ts', text: 'x', rules: [rule], overrides }).problems[0]!.severity, 'info');
    assert.deepEqual(lintFile({ path: '/p/a.ts', text: 'x', rules: [rule], overrides: new Map([['t-sev', { severity: 'off' as const }]]) }).problems, []);
  });
  it('reports a message at its declared severity (messageSeverities; the first of several), unless the report picks or the user configures one', () => {
    const severities = (rule: Rule, overrides?: Map<string, { severity: 'error' }>) => lintFile({ path: '/p/a.ts', text: 'xy', rules: [rule], overrides }).problems.map((p) => p.severity);
    const twoMessages = (picked?: 'warn') => reportAll('t-msg', {
      messages: { m: 'm', n: 'n' }, messageSeverities: { n: ['info', 'warn'] },
      check(context) { context.report({ start: 0, end: 1, messageId: 'm' }); context.report({ start: 1, end: 2, messageId: 'n', ...(picked ? { severity: picked } : {}) }); },
    });
    assert.deepEqual(severities(twoMessages()), ['warn', 'info']);
    assert.deepEqual(severities(twoMessages('warn')), ['warn', 'warn']);
    assert.deepEqual(severities(twoMessages(), new Map([['t-msg', { severity: 'error' as const }]])), ['error', 'error']);
  });
  it('reports broken config files and syntax errors with positions', () => {
    const toml = lintFile({ path: '/p/wrangler.toml', text: 'name = \n', rules: [] }).problems;
    assert.equal(toml[0]!.ruleId, 'parse-error');
    const ts = lintFile({ path: '/p/a.ts', text: 'const x = ;', rules: [reportAll('t-one', { check(c) { c.worker(); } })] }).problems;
    assert.deepEqual(ts.map((p) => p.ruleId), ['parse-error']);
    assert.match(ts[0]!.message, /Syntax error: Expression expected/);
  });
});
