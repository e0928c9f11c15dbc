// Output formats: golden JSON/stylish for examples/, SARIF 2.1.0 structure, GitHub annotations, unix/compact lines.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../../harness/cli-runner';

const ROOT = resolve('.');
const normalize = (text: string) => text.split(ROOT).join('<root>');

/** Compares with a golden file; UPDATE=1 rewrites it. */
function golden(name: string, actual: string): void {
  const path = `test/unit/cli/golden/${name}`;
  if (process.env.UPDATE === '1' || !existsSync(path)) {
    if (process.env.UPDATE !== '1') assert.fail(`golden file ${path} is missing; run with UPDATE=1 to create it`);
    writeFileSync(path, actual);
    return;
  }
  assert.equal(actual, readFileSync(path, 'utf8'), `${name} differs from the golden file (UPDATE=1 rewrites it)`);
}

describe('output formats on examples/', () => {
  it('JSON output matches the snapshot and has ESLint\'s shape', async () => {
    const run = await runCli(['examples', '--format', 'json'], ROOT);
    assert.equal(run.code, 1, run.stderr);
    const results = JSON.parse(run.stdout) as Record<string, unknown>[];
    for (const result of results) {
      for (const key of ['filePath', 'messages', 'errorCount', 'warningCount', 'fixableErrorCount', 'fixableWarningCount', 'fatalErrorCount']) assert.ok(key in result, key);
    }
    golden('examples.json', `${normalize(JSON.stringify(JSON.parse(run.stdout), null, 2))}\n`);
  });

  it('stylish output matches the snapshot', async () => {
    const run = await runCli(['examples'], ROOT);
    golden('examples.stylish.txt', normalize(run.stdout));
  });

  it('SARIF output has the SARIF 2.1.0 structure with valid rule indexes', async () => {
    const run = await runCli(['examples', '--format', 'sarif'], ROOT);
    const log = JSON.parse(run.stdout);
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema, /sarif-2\.1\.0/);
    assert.equal(log.runs.length, 1);
    const [sarifRun] = log.runs;
    assert.equal(sarifRun.tool.driver.name, 'edgelint');
    const rules = sarifRun.tool.driver.rules as { id: string; helpUri?: string; shortDescription: { text: string } }[];
    assert.ok(rules.length > 0);
    for (const rule of rules) {
      assert.equal(typeof rule.id, 'string');
      assert.equal(typeof rule.shortDescription.text, 'string');
    }
    assert.ok(rules.filter((r) => !['parse-error', 'file-error', 'config-error'].includes(r.id)).every((r) => r.helpUri?.startsWith('https://')));
    assert.ok(sarifRun.results.length > 0);
    for (const result of sarifRun.results) {
      assert.ok(['error', 'warning', 'note', 'none'].includes(result.level));
      assert.equal(typeof result.message.text, 'string');
      assert.equal(rules[result.ruleIndex]!.id, result.ruleId, 'ruleIndex points at the rule');
      const location = result.locations[0].physicalLocation;
      assert.equal(location.artifactLocation.uriBaseId, '%SRCROOT%');
      assert.ok(!location.artifactLocation.uri.startsWith('/'), 'relative URI');
      assert.ok(location.region.startLine >= 1 && location.region.startColumn >= 1);
      assert.ok(location.region.endLine >= location.region.startLine);
    }
    assert.match(sarifRun.originalUriBaseIds['%SRCROOT%'].uri, /^file:\/\/.*\/$/);
  });

  it('github output is one workflow command per problem with escaped properties', async () => {
    const json = JSON.parse((await runCli(['examples', '--format', 'json'], ROOT)).stdout) as { messages: unknown[] }[];
    const total = json.reduce((n, r) => n + r.messages.length, 0);
    const run = await runCli(['examples', '--format', 'github'], ROOT);
    const lines = run.stdout.trim().split('\n');
    assert.equal(lines.length, total);
    for (const line of lines) assert.match(line, /^::(error|warning|notice) file=examples\/[^,]+,line=\d+,endLine=\d+,col=\d+,endColumn=\d+,title=edgelint\(([a-z-]+)\)::.+$/);
  });

  it('unix and compact output are one line per problem, matching the JSON positions, with no summary', async () => {
    const json = JSON.parse((await runCli(['examples', '--format', 'json'], ROOT)).stdout) as { filePath: string; messages: { line: number; column: number; ruleId: string; severity: number; edgelintSeverity?: string; message: string }[] }[];
    const label = (m: { severity: number; edgelintSeverity?: string }) => (m.severity === 2 ? 'Error' : m.edgelintSeverity === 'info' ? 'Info' : 'Warning');
    const expected = json.flatMap((r) => r.messages.map((m) => ({ path: r.filePath.slice(ROOT.length + 1), ...m, label: label(m) })));
    const unix = await runCli(['examples', '--format', 'unix'], ROOT);
    assert.equal(unix.code, 1);
    assert.equal(unix.stderr, '');
    assert.deepEqual(unix.stdout.trimEnd().split('\n'), expected.map((m) => `${m.path}:${m.line}:${m.column}: ${m.message} [${m.label}/${m.ruleId}]`));
    const compact = await runCli(['examples', '--format', 'compact'], ROOT);
    assert.deepEqual(compact.stdout.trimEnd().split('\n'), expected.map((m) => `${m.path}: line ${m.line}, col ${m.column}, ${m.label} - ${m.message} (${m.ruleId})`));
    for (const format of ['unix', 'compact']) assert.equal((await runCli(['--stdin', '--format', format], ROOT, 'export const x = 1;\n')).stdout, '', `a clean ${format} run prints nothing`);
  });
});
