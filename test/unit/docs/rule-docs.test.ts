// Docs are tested: every ❌ example in docs/rules/<id>.md triggers its rule and every ✅ example stays clean.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { allRules } from '../../../server/src/rules';
import { lintWith } from '../../harness/rule-tester';

/** A fenced example: ```<lang> bad|good [file=path]```; ```<lang> project file=path``` is a project file every example of the doc gets. */
interface DocExample {
  verdict: 'bad' | 'good' | 'project';
  filename?: string;
  code: string;
  line: number;
}

function docExamples(markdown: string): DocExample[] {
  const examples: DocExample[] = [];
  const re = /^```(\w+) (bad|good|project)((?: \w+=\S+)*)\n([\s\S]*?)^```$/gm;
  for (let m = re.exec(markdown); m; m = re.exec(markdown)) {
    const attrs = Object.fromEntries([...m[3]!.matchAll(/(\w+)=(\S+)/g)].map((a) => [a[1], a[2]]));
    examples.push({ verdict: m[2] as DocExample['verdict'], filename: attrs.file, code: m[4]!, line: markdown.slice(0, m.index).split('\n').length });
  }
  return examples;
}

for (const rule of allRules) {
  describe(`docs/rules/${rule.id}.md examples`, () => {
    const markdown = readFileSync(`docs/rules/${rule.id}.md`, 'utf8');
    const all = docExamples(markdown);
    const files = Object.fromEntries(all.filter((e) => e.verdict === 'project').map((e) => [e.filename!, e.code]));
    const examples = all.filter((e) => e.verdict !== 'project');
    it('has at least one ❌ and one ✅ example', () => {
      assert.ok(examples.some((e) => e.verdict === 'bad'), 'no ```<lang> bad example');
      assert.ok(examples.some((e) => e.verdict === 'good'), 'no ```<lang> good example');
    });
    for (const example of examples) {
      it(`${example.verdict} example at line ${example.line}`, () => {
        const problems = lintWith(rule, { code: example.code, filename: example.filename, files: Object.keys(files).length ? files : undefined }).filter((p) => p.ruleId === rule.id);
        if (example.verdict === 'bad') assert.ok(problems.length > 0, `expected ${rule.id} to report:\n${example.code}`);
        else assert.deepEqual(problems.map((p) => p.message), [], 'expected no problem');
      });
    }
  });
}
