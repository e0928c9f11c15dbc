// Table tests for file kinds: matching by name, by content (explicit files), disable comments per kind, always-reported errors.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileKind, lineCommentPrefix } from '../../../server/src/engine/file-kind';
import { kindOfFile } from '../../../server/src/engine/languages';
import { lintFile } from '../../../server/src/engine/linter';
import { defineRule } from '../../../server/src/engine/define-rule';
import type { FileKind } from '../../../server/src/engine/types';

describe('fileKind (by name)', () => {
  const table: [string, FileKind | undefined][] = [
    ['src/index.ts', 'worker'], ['src/types.d.ts', undefined], ['a/b.mjs', 'worker'],
    ['wrangler.toml', 'wrangler'], ['wrangler.jsonc', 'wrangler'], ['env/wrangler.staging.toml', 'wrangler'],
    ['wrangler-dev.toml', 'wrangler'], ['wrangler.production.jsonc', 'wrangler'], ['wrangler-preview.json', 'wrangler'],
    ['wrangler.yaml', undefined], ['my-wrangler.toml', undefined], ['wranglerx.toml', undefined],
    ['public/_headers', 'headers'], ['package.json', 'package'], ['.edgelintrc.json', 'edgelint-config'],
    ['.github/workflows/deploy.yml', 'workflow'], ['ci/deploy.yml', undefined],
    ['scripts/warmup-cache-after-deployment.sh', 'shell'], ['deploy.bash', 'shell'], ['run.zsh', undefined],
    ['C:\\app\\scripts\\warm.sh', 'shell'], ['README.md', undefined],
  ];
  for (const [path, kind] of table) it(`${path} -> ${kind ?? 'not linted'}`, () => assert.equal(fileKind(path), kind));
});

describe('kindOfFile (a file named explicitly: by name, else by content)', () => {
  const table: [string, string, FileKind | undefined][] = [
    ['bin/warm', '#!/usr/bin/env bash\ncurl -s https://example.com/\n', 'shell'],
    ['hooks/post-deploy', '#!/bin/sh\necho hi\n', 'shell'],
    ['bin/tool', '#!/usr/bin/env node\nconsole.log(1)\n', 'worker'],
    ['deploy/prod.toml', 'name = "app"\ncompatibility_date = "2025-01-01"\n', 'wrangler'],
    ['ci/deploy.yml', 'on: push\njobs:\n  a:\n    runs-on: x\n', 'workflow'],
    ['notes.txt', 'hello', undefined],
    ['config.toml', 'title = "x"\n', undefined],
    ['scripts/warm.sh', '', 'shell'],
  ];
  for (const [path, text, kind] of table) it(`${path} -> ${kind ?? 'unknown'}`, () => assert.equal(kindOfFile(path, text), kind));
});

/** A rule that reports line 2 of any file of the kinds given, to see which disable comments silence it. */
const lineTwo = (kinds: FileKind[]) => defineRule({
  id: 'test-line-two', description: 'reports the second line', defaultSeverity: 'warn', fixable: false, hasSuggestions: false,
  kinds, defaultOptions: {}, messages: { here: 'here' },
  check(context) { const at = context.text.indexOf('\n') + 1; context.report({ start: at, end: at + 1, messageId: 'here' }); },
});

describe('disable comments per kind', () => {
  const table: [string, string, number][] = [
    ['scripts/warm.sh', '# edgelint-disable-next-line test-line-two\ncurl x\n', 0],
    ['scripts/warm.sh', '// edgelint-disable-next-line test-line-two\ncurl x\n', 1],
    ['wrangler.staging.toml', '# edgelint-disable-next-line\nname = "x"\n', 0],
    ['wrangler-dev.jsonc', '// edgelint-disable-next-line\n{}\n', 0],
    ['src/index.ts', '# edgelint-disable-next-line\nx\n', 1],
    ['src/index.ts', '// edgelint-disable-next-line\nx\n', 0],
  ];
  for (const [path, text, count] of table) {
    it(`${path}: ${text.split('\n')[0]} -> ${count} problem(s)`, () => {
      const kind = fileKind(path)!;
      const problems = lintFile({ path: `/p/${path}`, text, rules: [lineTwo([kind])] }).problems.filter((p) => p.ruleId === 'test-line-two');
      assert.equal(problems.length, count);
    });
  }
  it('inserted disable comments use the kind\'s syntax', () => {
    assert.equal(lineCommentPrefix('shell', 'a.sh'), '#');
    assert.equal(lineCommentPrefix('wrangler', 'wrangler.staging.toml'), '#');
    assert.equal(lineCommentPrefix('wrangler', 'wrangler-dev.jsonc'), '//');
    assert.equal(lineCommentPrefix('package', 'package.json'), undefined);
  });
});

describe('always-reported errors', () => {
  it('a shell script with an unterminated quote is a parse error (even with no rule), apostrophes in comments and heredocs are not', () => {
    const broken = lintFile({ path: '/p/warm.sh', text: 'echo ok\necho "unclosed\n', rules: [] }).problems;
    assert.deepEqual(broken.map((p) => [p.ruleId, p.start, p.message]), [['parse-error', 13, 'Unterminated double quote ("): the shell stops with "unexpected end of file".']]);
    const fine = lintFile({ path: '/p/warm.sh', text: "# don't\ncat <<EOF\nit's fine\nEOF\necho 'ok' # it's\n", rules: [] }).problems;
    assert.deepEqual(fine, []);
  });
  it('a wrangler variant with broken TOML is a parse error', () => {
    const problems = lintFile({ path: '/p/wrangler.staging.toml', text: 'name = \n', rules: [] }).problems;
    assert.equal(problems[0]?.ruleId, 'parse-error');
  });
  it('a JS syntax error is reported only when a rule parsed the file', () => {
    const parses = defineRule({ ...lineTwo(['worker']), check(context) { context.worker(); } });
    assert.deepEqual(lintFile({ path: '/p/a.ts', text: 'const = ;', rules: [] }).problems, []);
    assert.match(lintFile({ path: '/p/a.ts', text: 'const = ;', rules: [parses] }).problems[0]!.message, /^Syntax error: /);
  });
  it('a kind given by the caller (content-sniffed) wins over the name', () => {
    const problems = lintFile({ path: '/p/bin/warm', text: 'echo "x\n', rules: [], kind: 'shell' }).problems;
    assert.equal(problems[0]?.ruleId, 'parse-error');
    assert.deepEqual(lintFile({ path: '/p/bin/warm', text: 'echo "x\n', rules: [] }).problems, []);
  });
});

describe('shell script parsing details', () => {
  it('a here-string (<<<word) is not a here-document: the lines after it are still parsed', () => {
    const problems = lintFile({ path: '/p/a.sh', text: "cat <<<word\necho $((1<<2))\necho 'unclosed\n", rules: [] }).problems;
    assert.deepEqual(problems.map((p) => [p.ruleId, p.start]), [['parse-error', 32]]);
  });
});
