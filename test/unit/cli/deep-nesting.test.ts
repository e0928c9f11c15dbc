// Deeply nested files (JSON, TOML, YAML, JS): reported as "nested too deeply; not analysed", never a crash, never hiding other files.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { lintFile } from '../../../server/src/engine/linter';
import { MAX_NESTING, tooDeepAt } from '../../../server/src/engine/parse/nesting';
import { allRules } from '../../../server/src/rules';
import { runCli } from '../../harness/cli-runner';
import { tempProject } from '../../harness/temp-project';

const BAD_CC = `export default { fetch() { return new Response('x', { headers: { 'Cache-Control': 'public; max-age=60' } }); } };\n`;
const deepArray = (n: number) => '['.repeat(n) + ']'.repeat(n);
const deepObject = (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n);
const deepParens = (n: number) => `export default { fetch() { const x = ${'('.repeat(n)}1${')'.repeat(n)}; return new Response('x', { headers: { 'Cache-Control': 'public; max-age=60' } }); } };\n`;

describe('deep nesting', () => {
  const cleanups: (() => void)[] = [];
  after(() => cleanups.forEach((c) => c()));
  const project = (files: Record<string, string>) => {
    const p = tempProject(files, 'edgelint-deep-');
    cleanups.push(p.remove);
    return p.root;
  };

  it('3,000-deep wrangler.json, package.json, wrangler.toml, workflow and 1,000 nested parentheses: each is a file problem; other files keep their findings', async () => {
    const dir = project({
      'src/index.ts': BAD_CC,
      'src/deep.ts': deepParens(1000),
      'src/uses-deep.ts': `import { x } from './deep';\n${BAD_CC}`,
      'wrangler.json': `{"name":"w","x":${deepArray(3000)}}`,
      'package.json': `{"name":"site","x":${deepObject(3000)}}`,
      'other/wrangler.toml': `name = "w"\nx = ${deepArray(3000)}\n`,
      '.github/workflows/ci.yml': `on: push\njobs:\n  a: ${deepArray(3000)}\n`,
    });
    const run = await runCli(['--format', 'json'], dir);
    assert.equal(run.code, 1, run.stderr);
    const results = JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string; message: string }[] }[];
    const byFile = new Map(results.map((r) => [r.filePath.slice(dir.length + 1), r.messages]));
    for (const file of ['src/deep.ts', 'wrangler.json', 'package.json', 'other/wrangler.toml', '.github/workflows/ci.yml']) {
      assert.deepEqual(byFile.get(file)?.map((m) => m.message), [`Nested too deeply (more than ${MAX_NESTING} levels of brackets); not analysed.`], file);
    }
    for (const file of ['src/index.ts', 'src/uses-deep.ts']) assert.deepEqual(byFile.get(file)?.map((m) => m.ruleId), ['cc-syntax'], file);
    assert.doesNotMatch(run.stdout, /internal error|call stack/);
  });

  it('a 3,000-deep .edgelintrc.json is an invalid config with its position (exit 2, as any malformed config), not a crash', async () => {
    const dir = project({ 'src/index.ts': BAD_CC, '.edgelintrc.json': `{"rules":${deepObject(3000)}}` });
    const run = await runCli([], dir);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /invalid config .*\.edgelintrc\.json:1:\d+: Nested too deeply/);
    assert.doesNotMatch(run.stderr, /internal error|call stack/);
  });

  it('nesting up to the bound is analysed as usual', () => {
    assert.equal(tooDeepAt(deepArray(MAX_NESTING)), -1);
    assert.equal(tooDeepAt(deepArray(MAX_NESTING + 1)), MAX_NESTING);
    const problems = lintFile({ path: '/p/src/a.ts', text: deepParens(150), rules: allRules }).problems;
    assert.deepEqual(problems.map((p) => p.ruleId), ['cc-syntax']);
  });
});

describe('nesting without brackets (the parser itself runs out of stack)', () => {
  const CC = "return new Response('x', { headers: { 'Cache-Control': 'public; max-age=60' } });";
  const inputs = {
    'nested ifs': `export default { fetch(req) { ${'if (req) '.repeat(5000)}{} ${CC} } };\n`,
    'a long + chain': `export default { fetch(req) { const s = ${Array(20000).fill("'a'").join(' + ')}; ${CC} } };\n`,
    'nested arrows': `export default { fetch(req) { const f = ${'x => '.repeat(3000)}1; ${CC} } };\n`,
  };
  for (const [name, text] of Object.entries(inputs)) {
    it(`${name}: one file problem instead of an internal error per rule; the same path lints normally afterwards`, () => {
      const path = '/p/src/overflow.ts';
      const problems = lintFile({ path, text, rules: allRules }).problems;
      assert.deepEqual(problems.map((p) => [p.ruleId, p.message]), [['file-error', 'Nested too deeply to analyse (the parser ran out of stack); not analysed.']]);
      // The incremental parser's cached tree for the path must not be left half-updated.
      assert.deepEqual(lintFile({ path, text: BAD_CC, rules: allRules }).problems.map((p) => p.ruleId), ['cc-syntax']);
    });
  }
});
