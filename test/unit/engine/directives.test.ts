// Disable comments as problems: unknown rule ids, unused directives (with removal fixes, applied and re-linted), suppressed problems.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseConfig } from '../../../server/src/engine/config';
import { defineRule } from '../../../server/src/engine/define-rule';
import { fixFile, lintFile, type LintInput } from '../../../server/src/engine/linter';
import type { SeveritySetting } from '../../../server/src/engine/types';

/** Reports every `BAD` in a worker file. */
const bad = defineRule({
  id: 't-bad', description: 'reports BAD', defaultSeverity: 'warn', fixable: false, hasSuggestions: false, kinds: ['worker'],
  defaultOptions: {}, messages: { bad: 'BAD found' },
  check(context) {
    for (let i = context.text.indexOf('BAD'); i >= 0; i = context.text.indexOf('BAD', i + 1)) context.report({ start: i, end: i + 3, messageId: 'bad' });
  },
});
const other = defineRule({ ...bad, id: 't-other', messages: { bad: 'never' }, check() { /* reports nothing */ } });

const input = (text: string, unused: SeveritySetting = 'off'): LintInput => ({ path: '/p/src/a.ts', text, rules: [bad, other], reportUnusedDisableDirectives: unused });
const lint = (text: string, unused: SeveritySetting = 'off') => lintFile(input(text, unused));
const summary = (text: string, unused: SeveritySetting = 'off') => lint(text, unused).problems.map((p) => [p.ruleId, p.severity, text.slice(p.start, p.end), p.message]);

describe('unknown rule ids in disable comments', () => {
  it('are reported on the id, like ESLint\'s "Definition for rule … was not found", in every directive form', () => {
    const text = 'BAD; // edgelint-disable-line t-bad, t-typo -- reason\n/* edgelint-disable kv-nope */\n/* edgelint-enable kv-nope */\n';
    assert.deepEqual(summary(text), [
      ['t-typo', 'error', 't-typo', "Definition for rule 't-typo' was not found."],
      ['kv-nope', 'error', 'kv-nope', "Definition for rule 'kv-nope' was not found."],
      ['kv-nope', 'error', 'kv-nope', "Definition for rule 'kv-nope' was not found."],
    ]);
  });
  it('known ids and the words after -- are not reported', () => {
    assert.deepEqual(summary('BAD; // edgelint-disable-line t-bad -- t-typo is not an id here\n'), []);
  });
  it('the id list ends at the first token that cannot be a rule id (prose, or directive-like text in a string)', () => {
    assert.deepEqual(summary('// see `// edgelint-disable-next-line <rule>` (or `#` in TOML) above the line\nconst ok = 1;\n'), []);
    assert.deepEqual(summary("const doc = '// edgelint-disable-line t-typo\\nexport const x = 1;';\n"), []);
  });
  it('# comments in TOML', () => {
    const text = '# edgelint-disable-next-line wrangler-nope\nname = "x"\n';
    const problems = lintFile({ path: '/p/wrangler.toml', text, rules: [] }).problems;
    assert.deepEqual(problems.map((p) => text.slice(p.start, p.end)), ['wrangler-nope']);
  });
});

describe('suppressed problems', () => {
  it('are returned with ESLint\'s suppressions (kind directive, the justification after --)', () => {
    const result = lint('BAD; // edgelint-disable-line t-bad -- known, see #12\n/* edgelint-disable */\nBAD;\n');
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.suppressed!.map((p) => [p.ruleId, p.start, p.suppressions]), [
      ['t-bad', 0, [{ kind: 'directive', justification: 'known, see #12' }]],
      ['t-bad', result.suppressed![1]!.start, [{ kind: 'directive', justification: '' }]],
    ]);
  });
});

describe('reportUnusedDisableDirectives', () => {
  const text = [
    'BAD; // edgelint-disable-line t-bad',
    '// edgelint-disable-next-line t-bad',
    'const fine = 1;',
    'const also = 2; // edgelint-disable-line',
    'BAD; /* edgelint-disable-line t-bad, t-other */',
    '',
  ].join('\n');
  it('is off by default', () => {
    assert.deepEqual(summary(text), []);
  });
  it('reports each directive (or listed id) that silenced nothing, at the configured severity', () => {
    assert.deepEqual(summary(text, 'warn').map((p) => p.slice(0, 3).concat(p[3]!)), [
      ['unused-disable-directive', 'warn', '// edgelint-disable-next-line t-bad', "Unused edgelint-disable-next-line directive (no problems were reported from 't-bad')."],
      ['unused-disable-directive', 'warn', '// edgelint-disable-line', 'Unused edgelint-disable-line directive (no problems were reported).'],
      ['unused-disable-directive', 'warn', 't-other', "Unused edgelint-disable-line directive (no problems were reported from 't-other')."],
    ]);
  });
  it('fixes remove the unused comments and ids; re-linting the result is clean and changes nothing more', () => {
    const fixed = fixFile(input(text, 'error'));
    assert.equal(fixed.text, [
      'BAD; // edgelint-disable-line t-bad',
      'const fine = 1;',
      'const also = 2;',
      'BAD; /* edgelint-disable-line t-bad */',
      '',
    ].join('\n'));
    assert.deepEqual(fixed.problems, []);
    assert.deepEqual(lint(fixed.text, 'error').problems, []);
    assert.equal(lint(fixed.text, 'error').suppressed!.length, 2);
  });
  it('keeps CRLF line ends when removing a whole comment line', () => {
    const crlf = '// edgelint-disable-next-line t-bad\r\nconst x = 1;\r\n/* edgelint-disable t-bad, t-other */\r\nconst y = 2;\r\n';
    assert.equal(fixFile(input(crlf, 'warn')).text, 'const x = 1;\r\nconst y = 2;\r\n');
  });
  it('reads the config option (a severity, or true/false as ESLint)', () => {
    const known = new Set<string>();
    assert.equal(parseConfig('{ "reportUnusedDisableDirectives": "error" }', known).config.reportUnusedDisableDirectives, 'error');
    assert.equal(parseConfig('{ "reportUnusedDisableDirectives": true }', known).config.reportUnusedDisableDirectives, 'warn');
    const wrong = parseConfig('{ "reportUnusedDisableDirectives": "loud" }', known);
    assert.equal(wrong.problems[0]!.message, '"reportUnusedDisableDirectives" must be "off", "info", "warn" or "error".');
    const config = parseConfig('{ "reportUnusedDisableDirectives": "info" }', known).config;
    const problems = lintFile({ ...input('// edgelint-disable-next-line t-bad\nok;\n'), reportUnusedDisableDirectives: undefined, config }).problems;
    assert.deepEqual(problems.map((p) => [p.ruleId, p.severity]), [['unused-disable-directive', 'info']]);
  });
});
