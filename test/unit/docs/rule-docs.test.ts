// Docs are tested: every ❌ example in docs/rules/<id>.md triggers its rule and every ✅ example stays clean.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { allRules } from '../../../server/src/rules';
import { lintWith } from '../../harness/rule-tester';

/** A fenced example: ```<lang> bad|good [file=path]```. */
interface DocExample {
  verdict: 'bad' | 'good';
  filename?: string;
  code: string;
  line: number;
}

function docExamples(markdown: string): DocExample[] {
  const examples: DocExample[] = [];
  const re = /^```(\w+) (bad|good)((?: \w+=\S+)*)\n([\s\S]*?)^```$/gm;
  for (let m = re.exec(markdown); m; m = re.exec(markdown)) {
    const attrs = Object.fromEntries([...m[3]!.matchAll(/(\w+)=(\S+)/g)].map((a) => [a[1], a[2]]));
    examples.push({ verdict: m[2] as 'bad' | 'good', filename: attrs.file, code: m[4]!, line: markdown.slice(0, m.index).split('\n').length });
  }
  return examples;
}

for (const rule of allRules) {
  describe(`docs/rules/${rule.id}.md examples`, () => {
    const markdown = readFileSync(`docs/rules/${rule.id}.md`, 'utf8');
    const examples = docExamples(markdown);
    it('has at least one ❌ and one ✅ example', () => {
      assert.ok(examples.some((e) => e.verdict === 'bad'), 'no ```<lang> bad example');
      assert.ok(examples.some((e) => e.verdict === 'good'), 'no ```<lang> good example');
    });
    for (const example of examples) {
      it(`${example.verdict} example at line ${example.line}`, () => {
        const problems = lintWith(rule, { code: example.code, filename: example.filename }).filter((p) => p.ruleId === rule.id);
        if (example.verdict === 'bad') assert.ok(problems.length > 0, `expected ${rule.id} to report:\n${example.code}`);
        else assert.deepEqual(problems.map((p) => p.message), [], 'expected no problem');
      });
    }
  });
}
