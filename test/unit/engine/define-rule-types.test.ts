// The typed rule contract: `npm run typecheck` fails unless each @ts-expect-error below really is a type error.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defineRule, type MessageIdOf } from '../../../server/src/engine/define-rule';
import { lintFile } from '../../../server/src/engine/linter';

const typed = defineRule({
  id: 't-typed', description: 'a rule with typed messages and options', defaultSeverity: 'warn', fixable: false, hasSuggestions: false,
  kinds: ['worker'], defaultOptions: { limit: 3, label: 'x' }, messages: { found: 'found {{what}}', other: 'other' },
  check(context) {
    const limit: number = context.options.limit;
    const label: string = context.options.label;
    // @ts-expect-error options are typed from defaultOptions: there is no `limt`
    void context.options.limt;
    // @ts-expect-error a number option is not a string
    const wrong: string = context.options.limit;
    void wrong;
    const report = (messageId: MessageIdOf<typeof context>) => context.report({ start: 0, end: 1, messageId, data: { what: `${label}${limit}` } });
    report('found');
    // @ts-expect-error 'typo' is not a key of messages
    report('typo');
    // @ts-expect-error 'typo' is not a key of messages
    context.report({ start: 0, end: 1, messageId: 'typo' });
  },
});

describe('typed rule contract', () => {
  it('a messageId typo that slips past the compiler (@ts-expect-error) still fails loudly at run time', () => {
    const problems = lintFile({ path: '/p/a.ts', text: 'x', rules: [typed] }).problems;
    assert.deepEqual(problems.map((p) => [p.ruleId, p.messageId]), [['t-typed', undefined]]);
    assert.match(problems[0]!.message, /^internal error in t-typed: unknown messageId "typo"/);
  });
  it('infers the message ids and options (no explicit type arguments needed)', () => {
    const ids: (keyof typeof typed.messages)[] = ['found', 'other'];
    assert.deepEqual(Object.keys(typed.messages), ids);
    assert.equal(typed.defaultOptions.limit, 3);
  });
});
