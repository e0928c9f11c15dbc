// fixFile safety (issue 10): files that do not parse are never fixed; CRLF files keep their text and line ends.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixText, lintText } from '../../../server/src/api';
import { ROOT, virtualProject } from '../../harness/virtual-project';

const path = `${ROOT}/src/index.ts`;
const fix = (text: string) => fixText(virtualProject().project, path, text);
const DUPLICATE = `res.headers.set('Cache-Control', 'public, max-age=60, public');\n`;

describe('fixFile on a file with a syntax error', () => {
  it('applies no fix but still reports the problems', () => {
    const broken = `${DUPLICATE}const x = ;\n`;
    const result = fix(broken);
    assert.equal(result.text, broken);
    assert.equal(result.passes, 0);
    assert.deepEqual(result.problems.map((p) => p.ruleId).sort(), ['cc-duplicate-directive', 'parse-error']);
    assert.ok(result.problems.find((p) => p.ruleId === 'cc-duplicate-directive')!.fix, 'the fix is still offered as data');
  });
  it('fixes the same file once the syntax error is gone (control)', () => {
    const result = fix(`${DUPLICATE}const x = 1;\n`);
    assert.equal(result.text, `res.headers.set('Cache-Control', 'public, max-age=60');\nconst x = 1;\n`);
    assert.equal(result.passes, 1);
  });
});

describe('fixFile on a CRLF file with a multi-line template Cache-Control value', () => {
  const crlf = (lines: string[]) => lines.join('\r\n');
  const source = crlf([
    'export const a = { \'Cache-Control\': `public,', '  max-age=60;', '  immutable` };',
    'export const b = { \'Cache-Control\': `public,', '  max-age=60,', '  public` };', '',
  ]);
  const expected = crlf([
    'export const a = { \'Cache-Control\': `public,', '  max-age=60,', '  immutable` };',
    'export const b = { \'Cache-Control\': `public,', '  max-age=60` };', '',
  ]);
  it('fixes the right characters (also across a line break), keeps every CRLF, and a second pass changes nothing', () => {
    const first = fix(source);
    assert.equal(first.text, expected);
    assert.doesNotMatch(first.text.replace(/\r\n/g, ''), /[\r\n]/, 'no bare LF or CR introduced');
    const second = fix(first.text);
    assert.equal(second.text, first.text);
    assert.equal(second.passes, 0);
  });
  it('reports at the right columns on the later lines', () => {
    const problems = lintProblems(source).filter((p) => p.ruleId.startsWith('cc-'));
    assert.deepEqual(problems.map((p) => [p.ruleId, source.slice(p.start, p.end)]), [['cc-syntax', ';'], ['cc-duplicate-directive', 'public']]);
    assert.equal(problems[1]!.start, source.lastIndexOf('public'));
  });
});

function lintProblems(text: string) {
  return lintText(virtualProject().project, path, text).problems;
}
