// Messages stay short (issue 11): what was seen + the consequence in one line; the fact, source and fix live in the doc.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { allRules } from '../../../server/src/rules';

/** A template's length with every `{{placeholder}}` counted as a typical value of this many characters. */
const PLACEHOLDER_LENGTH = 12;
/** The rule of thumb for a template (issue 11). */
const MAX_TEMPLATE = 120;
/** A rendered message may run a little longer: real values (a quoted directive, a command, a path) vary. */
const MAX_RENDERED = 140;

/** The template as a typical message would print it. */
function renderedLength(template: string): number {
  return template.replace(/\{\{\s*\w+\s*\}\}/g, 'x'.repeat(PLACEHOLDER_LENGTH)).length;
}

/** `path:line:col: message [Severity/rule-id]` lines of the unix-format golden. */
function unixMessages(text: string): { where: string; message: string }[] {
  return text.split('\n').flatMap((line) => {
    const m = /^(.+?:\d+:\d+): (.*) \[\w+\/([\w-]+)\]$/.exec(line);
    return m ? [{ where: `${m[1]} ${m[3]}`, message: m[2]! }] : [];
  });
}

/** Every message of the JSON-format golden (ESLint-style results). */
function jsonMessages(text: string): { where: string; message: string }[] {
  const results = JSON.parse(text) as { filePath: string; messages: { ruleId: string; line: number; message: string }[] }[];
  return results.flatMap((r) => r.messages.map((m) => ({ where: `${r.filePath}:${m.line} ${m.ruleId}`, message: m.message })));
}

describe('rule messages are short', () => {
  it(`every message template is at most ${MAX_TEMPLATE} characters with ${PLACEHOLDER_LENGTH}-character placeholder values`, () => {
    const long = allRules.flatMap((rule) => Object.entries(rule.messages)
      .map(([id, template]) => ({ id: `${rule.id}/${id}`, length: renderedLength(template) }))
      .filter((m) => m.length > MAX_TEMPLATE));
    assert.deepEqual(long, [], 'shorten these messages: what was seen + the consequence; move the why and the fix to docs/rules/<id>.md');
  });

  const goldens: [string, (text: string) => { where: string; message: string }[]][] = [
    ['test/unit/cli/golden/corpus.unix.txt', unixMessages],
    ['test/unit/cli/golden/examples.json', jsonMessages],
  ];
  for (const [path, parse] of goldens) {
    it(`every message in ${path} is at most ${MAX_RENDERED} characters`, () => {
      const messages = parse(readFileSync(path, 'utf8'));
      assert.ok(messages.length > 10, `${path} holds messages`);
      const long = messages.filter((m) => m.message.length > MAX_RENDERED).map((m) => `${m.where} (${m.message.length}): ${m.message}`);
      assert.deepEqual(long, []);
    });
  }

  it('counts placeholders at their typical length', () => {
    assert.equal(renderedLength('{{a}} and {{ b }}'), 29);
    assert.equal(renderedLength('x'.repeat(121)), 121);
  });
});
