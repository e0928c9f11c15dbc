// CLI flags users expect from ESLint: --quiet, -o/--output-file, `-` for stdin, and --rule in ESLint's spelling.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { runCli } from '../../harness/cli-runner';
import { tempProject } from '../../harness/temp-project';

const WRANGLER = `name = "w"\nmain = "src/index.ts"\ncompatibility_date = "2025-06-01"\n[[kv_namespaces]]\nbinding = "CACHE"\nid = "1"\n`;
const BAD_CC = `export default { fetch() { return new Response('x', { headers: { 'Cache-Control': 'public; max-age=60' } }); } };\n`;
const BAD_TTL = `export default { async fetch(req, env) { return new Response(await env.CACHE.get('k', { cacheTtl: 5 })); } };\n`;

describe('edgelint CLI flags', () => {
  const cleanups: (() => void)[] = [];
  const project = (files: Record<string, string>) => {
    const p = tempProject(files, 'edgelint-flags-');
    cleanups.push(p.remove);
    return p.root;
  };
  after(() => cleanups.forEach((c) => c()));

  it('--quiet prints errors only; warnings still count for --max-warnings', async () => {
    const dir = project({ 'wrangler.toml': WRANGLER, 'src/a.ts': BAD_TTL, 'src/b.ts': BAD_CC });
    const run = await runCli(['--quiet'], dir);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /kv-cachettl-below-minimum/);
    assert.doesNotMatch(run.stdout, /cc-syntax|warning /);
    assert.match(run.stdout, /✖ 1 problem \(1 error, 0 warnings\) in 1 of 3 files/);
    const json = JSON.parse((await runCli(['--quiet', '--format', 'json'], dir)).stdout) as { messages: { severity: number }[] }[];
    assert.deepEqual(json.flatMap((r) => r.messages.map((m) => m.severity)), [2]);
    const warnOnly = project({ 'wrangler.toml': WRANGLER, 'src/b.ts': BAD_CC });
    const quiet = await runCli(['--quiet', '--max-warnings', '0'], warnOnly);
    assert.equal(quiet.code, 1);
    assert.equal(quiet.stderr, 'edgelint: 1 warning exceeds --max-warnings 0\n');
    assert.equal((await runCli(['--quiet'], warnOnly)).stdout, '✓ 2 files checked, no problems\n');
  });

  it('-o/--output-file writes the report to a file (creating folders), not to stdout', async () => {
    const dir = project({ 'wrangler.toml': WRANGLER, 'src/a.ts': BAD_TTL });
    const run = await runCli(['--format', 'json', '-o', 'reports/edgelint.json'], dir);
    assert.equal(run.code, 1);
    assert.equal(run.stdout, '');
    const written = JSON.parse(readFileSync(join(dir, 'reports/edgelint.json'), 'utf8')) as { messages: { ruleId: string }[] }[];
    assert.ok(written.some((r) => r.messages.some((m) => m.ruleId === 'kv-cachettl-below-minimum')));
    writeFileSync(join(dir, 'out.txt'), 'old report that is much longer than the new one '.repeat(50));
    const stylish = await runCli(['--output-file=out.txt', '--color'], dir, '', { isTTY: true });
    assert.equal(stylish.stdout, '');
    const text = readFileSync(join(dir, 'out.txt'), 'utf8');
    assert.match(text, /✖ 1 problem \(1 error, 0 warnings\)/);
    assert.doesNotMatch(text, /old report/);
    assert.equal((await runCli(['-o', 'plain.txt'], dir, '', { isTTY: true })).stdout, '');
    assert.ok(!readFileSync(join(dir, 'plain.txt'), 'utf8').includes('\u001b['), 'no colour in a file unless --color');
    assert.deepEqual(readdirSync(dir).filter((n) => n.endsWith('.tmp')), [], 'no temporary file left');
  });

  it('-o to a path that cannot be written exits 2 on stderr', async () => {
    const dir = project({ 'src/a.ts': BAD_CC, 'blocker': 'a file, not a folder' });
    const run = await runCli(['-o', 'blocker/report.txt'], dir);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^edgelint: cannot write the report to .*blocker\/report\.txt/);
    assert.equal(existsSync(join(dir, 'blocker/report.txt')), false);
    assert.equal((await runCli(['-o'], dir)).code, 2, '-o needs a value');
  });

  it('`-` reads standard input, as --stdin', async () => {
    const dir = project({ 'wrangler.toml': WRANGLER });
    const run = await runCli(['-', '--stdin-filename', 'src/worker.ts', '--format', 'json'], dir, BAD_TTL);
    assert.equal(run.code, 1, run.stderr);
    const [result] = JSON.parse(run.stdout);
    assert.equal(result.filePath, join(dir, 'src/worker.ts'));
    assert.equal(result.messages[0].ruleId, 'kv-cachettl-below-minimum');
    assert.equal((await runCli(['-', 'src'], dir)).code, 2, '`-` with paths is a usage error');
  });

  it('--rule accepts ESLint\'s spelling: "id: error", numbers, quoted ids, {…} with several rules', async () => {
    const dir = project({ 'wrangler.toml': WRANGLER, 'src/b.ts': BAD_CC, 'src/a.ts': BAD_TTL });
    const severities = async (...rules: string[]) => {
      const run = await runCli([...rules.flatMap((r) => ['--rule', r]), '--format', 'json'], dir);
      assert.notEqual(run.code, 2, run.stderr);
      return Object.fromEntries((JSON.parse(run.stdout) as { messages: { ruleId: string; severity: number }[] }[]).flatMap((r) => r.messages.map((m) => [m.ruleId, m.severity])));
    };
    assert.equal((await severities('cc-syntax: error'))['cc-syntax'], 2);
    assert.equal((await severities('cc-syntax:2'))['cc-syntax'], 2);
    assert.equal((await severities('"cc-syntax": "error"'))['cc-syntax'], 2);
    assert.deepEqual(await severities('{ "cc-syntax": "off", "kv-cachettl-below-minimum": 1 }'), { 'kv-cachettl-below-minimum': 1 });
    assert.deepEqual(await severities('cc-syntax: off, kv-cachettl-below-minimum: off'), {});
    for (const bad of ['cc-syntax: [error, {}]', 'cc-syntax', ': error', '{}', 'cc-syntax: loud', 'no-such-rule: error']) {
      const run = await runCli(['--rule', bad], dir);
      assert.equal(run.code, 2, bad);
      assert.match(run.stderr, /^edgelint: /, bad);
    }
  });

  it('--help lists every new flag', async () => {
    const help = (await runCli(['--help'], '.')).stdout;
    for (const flag of ['--quiet', '--output-file', '-o,', '--color', '--no-color', 'unix', 'compact', "--rule 'id: error'", '--stdin, -']) assert.ok(help.includes(flag), flag);
  });
});
