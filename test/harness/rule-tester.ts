// Strict table tester for one rule (node:test): valid cases report nothing; invalid cases state every error, every fix
// output and every suggestion output; each output must differ, still parse, and no longer report the fixed problem.
import assert from 'node:assert/strict';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Rule } from '../../server/src/engine/define-rule';
import { fileKind } from '../../server/src/engine/file-kind';
import { applyFix, applyFixes } from '../../server/src/engine/fixer';
import { LineIndex } from '../../server/src/engine/line-index';
import { lintFile } from '../../server/src/engine/linter';
import { declaredSeverities } from '../../server/src/engine/message-severity';
import { hiddenByFilter, summaryHiddenByGate } from './filter-evidence';
import { syntaxErrors } from '../../server/src/engine/syntax-errors';
import { PARSE_ERROR, type Problem } from '../../server/src/engine/types';
import { ROOT, virtualProject } from './virtual-project';

/** A case that must produce no problem from the rule. */
export interface ValidCase {
  code: string;
  /** Path of the linted file relative to the project root (default `src/index.ts`). */
  filename?: string;
  /** Other project files (wrangler config, package.json…); DEFAULT_WRANGLER is added unless one is given. */
  files?: Record<string, string>;
  options?: Record<string, unknown>;
  name?: string;
}

/** An expected suggestion: its output, and optionally its title. */
export interface ExpectedSuggestion {
  title?: string | RegExp;
  output: string;
}

/** An expected problem. line/column are 1-based. */
export interface ExpectedError {
  messageId: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  severity?: Problem['severity'];
  /** Must list every suggestion the problem offers (none = the problem must offer none). */
  suggestions?: ExpectedSuggestion[];
  /** Substring the message must contain. */
  message?: string | RegExp;
}

/** A case that must produce exactly `errors`. */
export interface InvalidCase extends ValidCase {
  errors: ExpectedError[];
  /** Text after applying all fixes; required when any fix is offered, must be absent/null when none is. */
  output?: string | null;
}

/** Lints code as one file of a virtual project with only `rule` enabled. */
export function lintWith(rule: Rule, testCase: ValidCase, code = testCase.code): Problem[] {
  // Rules that are off by default are tested turned on, at their default severity.
  const overrides = testCase.options || rule.enabledByDefault === false ? new Map([[rule.id, { severity: rule.defaultSeverity, options: testCase.options }]]) : undefined;
  return lintIn(rule, testCase, code, overrides);
}

/** `rule`'s problems with its severity not configured (the case's options become its defaults): what a user gets by default. */
function unconfiguredProblems(rule: Rule, testCase: ValidCase, linted: Problem[]): Problem[] {
  if (!testCase.options && rule.enabledByDefault !== false) return linted;
  return lintIn({ ...rule, enabledByDefault: true, defaultOptions: { ...rule.defaultOptions, ...testCase.options } }, testCase, testCase.code, undefined);
}

function lintIn(rule: Rule, testCase: ValidCase, code: string, overrides: Map<string, { severity: Problem['severity']; options?: Record<string, unknown> }> | undefined): Problem[] {
  const filename = testCase.filename ?? 'src/index.ts';
  const path = join(ROOT, filename);
  const { project, files } = virtualProject(testCase.files);
  const input = { path, text: code, facts: project.factsFor(path), overrides };
  // …and for the module-summary gate: every module of the case whose summary says something passes it.
  const gated = [...files, [path, code] as const].filter(([p, t]) => summaryHiddenByGate(p, t, project.factsFor(p))).map(([p]) => p);
  assert.deepEqual(gated, [], `${rule.id}: the module-summary gate rules out modules whose summaries say something`);
  // Every case is also evidence for the pre-parse filter: it must admit any code the check reports on.
  const hidden = hiddenByFilter(rule, input);
  assert.deepEqual(hidden.map((p) => p.message), [], `${rule.id}: mayApply rejects code its check reports on`);
  return lintFile({ ...input, rules: [rule] }).problems;
}

function ruleProblems(rule: Rule, problems: Problem[]): Problem[] {
  return problems.filter((p) => p.ruleId === rule.id);
}

/** Parses with the file kind's own parser, never through lintFile: a rule's `mayApply` filter may skip the parse there. */
export function assertParses(testCase: ValidCase, text: string, what: string): void {
  const path = join(ROOT, testCase.filename ?? 'src/index.ts');
  const errors = syntaxErrors(path, text, fileKind(path));
  assert.deepEqual(errors.map((e) => e.message), [], `${what} must still parse:\n${text}`);
}

function countOf(problems: Problem[], messageId: string | undefined): number {
  return problems.filter((p) => p.messageId === messageId).length;
}

function label(testCase: ValidCase, index: number, kind: string): string {
  return testCase.name ?? `${kind} #${index + 1}: ${testCase.code.replace(/\s+/g, ' ').slice(0, 70)}`;
}

/** Runs a rule's table of cases as node:test tests. */
export function runRuleTests(rule: Rule, cases: { valid: (string | ValidCase)[]; invalid: InvalidCase[] }): void {
  // EDGELINT_CASE_COUNTS=<file> records how many cases each rule has (for release notes and issue notes).
  const countsFile = process.env.EDGELINT_CASE_COUNTS;
  if (countsFile) appendFileSync(countsFile, `${JSON.stringify({ rule: rule.id, valid: cases.valid.length, invalid: cases.invalid.length })}\n`);
  describe(rule.id, () => {
    cases.valid.map((c) => (typeof c === 'string' ? { code: c } : c)).forEach((testCase, index) => {
      it(label(testCase, index, 'valid'), () => {
        const problems = lintWith(rule, testCase);
        assert.deepEqual(problems.filter((p) => p.ruleId === PARSE_ERROR).map((p) => p.message), [], 'valid code must parse');
        assert.deepEqual(ruleProblems(rule, problems).map((p) => p.message), [], 'valid code must not be reported');
      });
    });
    cases.invalid.forEach((testCase, index) => {
      it(label(testCase, index, 'invalid'), () => assertInvalidCase(rule, testCase));
    });
  });
}

/** Checks one invalid case (every error, fix output and suggestion output); throws an AssertionError on any mismatch. */
export function assertInvalidCase(rule: Rule, testCase: InvalidCase): void {
  assert.ok(testCase.errors.length > 0, 'an invalid case must expect at least one error');
  const all = lintWith(rule, testCase);
  const problems = ruleProblems(rule, all);
  const index = new LineIndex(testCase.code);
  assert.equal(problems.length, testCase.errors.length,
    `expected ${testCase.errors.length} problem(s), got ${problems.length}: ${JSON.stringify(problems.map((p) => [p.messageId, p.message]))}`);
  testCase.errors.forEach((expected, i) => {
    const actual = problems[i]!;
    const start = index.position(actual.start);
    const end = index.position(actual.end);
    assert.equal(actual.messageId, expected.messageId, `error ${i}: messageId (message: ${actual.message})`);
    if (expected.line !== undefined) assert.equal(start.line + 1, expected.line, `error ${i}: line`);
    if (expected.column !== undefined) assert.equal(start.character + 1, expected.column, `error ${i}: column`);
    if (expected.endLine !== undefined) assert.equal(end.line + 1, expected.endLine, `error ${i}: endLine`);
    if (expected.endColumn !== undefined) assert.equal(end.character + 1, expected.endColumn, `error ${i}: endColumn`);
    if (expected.severity) assert.equal(actual.severity, expected.severity, `error ${i}: severity`);
    if (typeof expected.message === 'string') assert.ok(actual.message.includes(expected.message), `error ${i}: message "${actual.message}"`);
    else if (expected.message) assert.match(actual.message, expected.message);
    checkSuggestions(rule, testCase, actual, expected, i);
    for (const edit of [...(actual.fix?.edits ?? []), ...(actual.suggestions ?? []).flatMap((s) => s.edits)]) {
      assert.ok(edit.start >= 0 && edit.end <= testCase.code.length && edit.start <= edit.end, `error ${i}: edit out of bounds`);
    }
  });
  assertDeclaredSeverities(rule, testCase, all);
  const fixed = problems.filter((p) => p.fix);
  if (fixed.length === 0) {
    assert.ok(testCase.output === undefined || testCase.output === null, 'output given but the rule offered no fix');
    return;
  }
  assert.ok(rule.fixable, 'rule offered a fix but is not marked fixable');
  assert.equal(typeof testCase.output, 'string', 'the rule offers a fix: the case must state its output');
  const output = applyFixes(testCase.code, problems).text;
  assert.equal(output, testCase.output, 'fix output');
  assert.notEqual(output, testCase.code, 'a fix must change the text');
  assertParses(testCase, output, 'fixed output');
  const after = ruleProblems(rule, lintWith(rule, testCase, output));
  for (const problem of fixed) {
    assert.ok(countOf(after, problem.messageId) < countOf(problems, problem.messageId), `fix for "${problem.message}" did not remove the problem`);
  }
}

/** Each problem reported without a configured severity has one its rule declares for the message (`messageSeverities`). */
export function assertDeclaredSeverities(rule: Rule, testCase: ValidCase, linted: Problem[]): void {
  for (const problem of ruleProblems(rule, unconfiguredProblems(rule, testCase, linted))) {
    const declared = declaredSeverities(rule, problem.messageId!);
    assert.ok(declared.includes(problem.severity),
      `${rule.id}: "${problem.messageId}" reported at ${problem.severity}, but its declared severities are ${declared.join(', ')} (declare it in messageSeverities)`);
  }
}

function checkSuggestions(rule: Rule, testCase: InvalidCase, actual: Problem, expected: ExpectedError, i: number): void {
  const offered = actual.suggestions ?? [];
  const wanted = expected.suggestions ?? [];
  assert.equal(offered.length, wanted.length, `error ${i}: suggestions ${JSON.stringify(offered.map((s) => s.title))}`);
  if (offered.length > 0) assert.ok(rule.hasSuggestions, 'rule offered suggestions but hasSuggestions is false');
  offered.forEach((suggestion, j) => {
    const want = wanted[j]!;
    if (typeof want.title === 'string') assert.equal(suggestion.title, want.title, `error ${i} suggestion ${j}: title`);
    else if (want.title) assert.match(suggestion.title, want.title);
    const output = applyFix(testCase.code, suggestion);
    assert.equal(output, want.output, `error ${i} suggestion ${j} ("${suggestion.title}"): output`);
    assert.notEqual(output, testCase.code, 'a suggestion must change the text');
    assertParses(testCase, output, `suggestion "${suggestion.title}"`);
    const before = ruleProblems(rule, lintWith(rule, testCase));
    const after = ruleProblems(rule, lintWith(rule, testCase, output));
    assert.ok(countOf(after, actual.messageId) < countOf(before, actual.messageId), `suggestion "${suggestion.title}" did not remove the problem`);
  });
}
