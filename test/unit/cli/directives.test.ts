// CLI and disable comments: --report-unused-disable-directives (report, --fix removes), JSON suppressedMessages, unknown ids.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { runCli } from '../../harness/cli-runner';
import { tempProject } from '../../harness/temp-project';

const WRANGLER = `name = "w"\nmain = "src/index.ts"\ncompatibility_date = "2025-06-01"\n[[kv_namespaces]]\nbinding = "CACHE"\nid = "1"\n`;
const BAD_TTL = `export default { async fetch(req, env) { return new Response(await env.CACHE.get('k', { cacheTtl: 5 })); } };\n`;
const USED = `// edgelint-disable-next-line kv-cachettl-below-minimum -- legacy runtime\n${BAD_TTL}`;
const UNUSED = `// edgelint-disable-next-line cc-syntax\nexport const x = 1;\n`;

describe('edgelint CLI and disable comments', () => {
  const cleanups: (() => void)[] = [];
  const project = (files: Record<string, string>) => {
    const p = tempProject({ 'wrangler.toml': WRANGLER, ...files }, 'edgelint-directives-');
    cleanups.push(p.remove);
    return p.root;
  };
  after(() => cleanups.forEach((c) => c()));

  it('JSON suppressedMessages lists what a comment silenced, with its justification', async () => {
    const dir = project({ 'src/index.ts': USED });
    const run = await runCli(['--format', 'json'], dir);
    assert.equal(run.code, 0, run.stderr);
    const [result] = JSON.parse(run.stdout);
    assert.deepEqual(result.messages, []);
    assert.equal(result.suppressedMessages.length, 1);
    const [message] = result.suppressedMessages;
    assert.equal(message.ruleId, 'kv-cachettl-below-minimum');
    assert.equal(message.line, 2);
    assert.deepEqual(message.suppressions, [{ kind: 'directive', justification: 'legacy runtime' }]);
  });

  it('--report-unused-disable-directives reports unused comments as errors; without it they pass', async () => {
    const dir = project({ 'src/index.ts': UNUSED, 'src/used.ts': USED });
    assert.equal((await runCli([], dir)).code, 0);
    const run = await runCli(['--report-unused-disable-directives', '--format', 'json'], dir);
    assert.equal(run.code, 1);
    const results = JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string; severity: number; line: number; message: string; fix?: unknown }[] }[];
    const byFile = new Map(results.map((r) => [r.filePath.slice(dir.length + 1), r.messages]));
    assert.deepEqual(byFile.get('src/used.ts'), []);
    const [unused] = byFile.get('src/index.ts')!;
    assert.deepEqual([unused!.ruleId, unused!.severity, unused!.line, !!unused!.fix], ['unused-disable-directive', 2, 1, true]);
    assert.equal(unused!.message, "Unused edgelint-disable-next-line directive (no problems were reported from 'cc-syntax').");
  });

  it('the config option and --report-unused-disable-directives-severity set the severity', async () => {
    const dir = project({ 'src/index.ts': UNUSED, '.edgelintrc.json': '{ "reportUnusedDisableDirectives": "warn" }' });
    const fromConfig = await runCli([], dir);
    assert.equal(fromConfig.code, 0);
    assert.match(fromConfig.stdout, /1:1\s+warning\s+Unused edgelint-disable-next-line directive .*unused-disable-directive/);
    assert.equal((await runCli(['--report-unused-disable-directives-severity', 'off'], dir)).stdout, '✓ 3 files checked, no problems\n');
    assert.equal((await runCli(['--report-unused-disable-directives-severity', 'loud'], dir)).code, 2);
  });

  it('--fix with --report-unused-disable-directives removes the unused comment; a second run is clean', async () => {
    const dir = project({ 'src/index.ts': UNUSED, 'src/used.ts': USED });
    const run = await runCli(['--fix', '--report-unused-disable-directives'], dir);
    assert.equal(run.code, 0, run.stdout);
    assert.equal(readFileSync(join(dir, 'src/index.ts'), 'utf8'), 'export const x = 1;\n');
    assert.equal(readFileSync(join(dir, 'src/used.ts'), 'utf8'), USED);
    assert.equal((await runCli(['--report-unused-disable-directives'], dir)).stdout, '✓ 3 files checked, no problems\n');
  });

  it('an unknown rule id in a disable comment is an error at the id', async () => {
    const dir = project({ 'src/index.ts': `// edgelint-disable-next-line kv-cachettl-below-minimun\n${BAD_TTL}` });
    const run = await runCli([], dir);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /1:31\s+error\s+Definition for rule 'kv-cachettl-below-minimun' was not found\.\s+kv-cachettl-below-minimun/);
    assert.match(run.stdout, /2:\d+\s+error\s+.*kv-cachettl-below-minimum/);
  });
});
