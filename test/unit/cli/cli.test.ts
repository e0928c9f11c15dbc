// CLI behaviour: exit codes, options, discovery, bad input, --fix, --stdin and --list-rules.
import assert from 'node:assert/strict';
import { chmodSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { allRules } from '../../../server/src/rules';
import { runCli } from '../../harness/cli-runner';
import { tempProject } from '../../harness/temp-project';

const WRANGLER = `name = "w"\nmain = "src/index.ts"\ncompatibility_date = "2025-06-01"\n[[kv_namespaces]]\nbinding = "CACHE"\nid = "1"\n`;
const BAD_CC = `export default { fetch() { return new Response('x', { headers: { 'Cache-Control': 'public; max-age=60' } }); } };\n`;
const BAD_TTL = `export default { async fetch(req, env) { return new Response(await env.CACHE.get('k', { cacheTtl: 5 })); } };\n`;
const CLEAN = `export default { fetch() { return new Response('x', { headers: { 'Cache-Control': 'public, max-age=60' } }); } };\n`;

describe('edgelint CLI', () => {
  const cleanups: (() => void)[] = [];
  const project = (files: Record<string, string | Buffer>) => {
    const p = tempProject(files, 'edgelint-cli-');
    cleanups.push(p.remove);
    return p.root;
  };
  after(() => cleanups.forEach((c) => c()));

  it('notes once per run, on stderr, the KV-like bindings nothing declares (and keeps machine formats clean)', async () => {
    const pages = "export async function onRequestPost({ env }) {\n  await env.STORE.put('k', 'v');\n  return new Response('ok');\n}\n";
    const dir = project({ 'functions/a.ts': pages, 'functions/b.ts': pages.replace('STORE', 'OTHER_STORE'), 'package.json': '{"name":"site"}' });
    const run = await runCli([], dir);
    assert.equal(run.code, 0, run.stderr);
    assert.equal((run.stdout.match(/kv-binding-unresolved/g) ?? []).length, 2, run.stdout);
    assert.match(run.stderr, /^edgelint: note: KV-like calls on 2 bindings nothing declares \(OTHER_STORE, STORE\)/);
    const json = await runCli(['--format', 'json'], dir);
    assert.equal(json.stderr, '');
  });

  it('exits 0 and says how many files it checked for a clean project', async () => {
    const dir = project({ 'wrangler.toml': WRANGLER, 'src/index.ts': CLEAN });
    const run = await runCli([], dir);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, '✓ 2 files checked, no problems\n');
  });

  it('exits 0 with warnings only, 1 with errors', async () => {
    const warnOnly = project({ 'wrangler.toml': WRANGLER, 'src/index.ts': BAD_CC });
    const w = await runCli([], warnOnly);
    assert.equal(w.code, 0);
    assert.match(w.stdout, /src\/index\.ts\n\s+src\/index\.ts:1:\d+\s+warning\s+.*cc-syntax/);
    const withError = project({ 'wrangler.toml': WRANGLER, 'src/index.ts': BAD_TTL });
    const e = await runCli([], withError);
    assert.equal(e.code, 1);
    assert.match(e.stdout, /error .*kv-cachettl-below-minimum/);
    assert.match(e.stdout, /✖ 1 problem \(1 error, 0 warnings\)/);
  });

  it('--max-warnings turns too many warnings into exit 1', async () => {
    const dir = project({ 'wrangler.toml': WRANGLER, 'src/index.ts': BAD_CC });
    assert.equal((await runCli(['--max-warnings', '0'], dir)).code, 1);
    assert.equal((await runCli(['--max-warnings', '1'], dir)).code, 0);
  });

  it('--rule overrides severities and can turn a rule off', async () => {
    const dir = project({ 'wrangler.toml': WRANGLER, 'src/index.ts': BAD_CC });
    const asError = await runCli(['--rule', 'cc-syntax:error'], dir);
    assert.equal(asError.code, 1);
    assert.match(asError.stdout, /error/);
    const off = await runCli(['--rule', 'cc-syntax:off'], dir);
    assert.doesNotMatch(off.stdout, /cc-syntax/);
    assert.match(off.stdout, /^✓ 2 files checked, no problems\n$/);
  });

  it('usage errors exit 2 with a message on stderr', async () => {
    const dir = project({ 'src/index.ts': CLEAN });
    for (const argv of [['--format', 'xml'], ['--rule', 'no-such-rule:error'], ['--rule', 'cc-syntax:loud'], ['--bogus'], ['missing-folder'], ['--fix', '--fix-dry-run'], ['--max-warnings', 'many']]) {
      const run = await runCli(argv, dir);
      assert.equal(run.code, 2, argv.join(' '));
      assert.match(run.stderr, /^edgelint: /, argv.join(' '));
    }
  });

  it('a malformed config exits 2 with its position; a valid one applies', async () => {
    const broken = project({ '.edgelintrc.json': '{ "rules": { "cc-syntax": "loud" } }', 'src/index.ts': BAD_CC });
    const run = await runCli([], broken);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /invalid config .*\.edgelintrc\.json:1:\d+: Invalid setting for "cc-syntax"/);
    const unparsable = project({ '.edgelintrc.json': '{ "rules": ', 'src/index.ts': BAD_CC });
    assert.equal((await runCli([], unparsable)).code, 2);
    const configured = project({ '.edgelintrc.json': '// comments are fine\n{ "rules": { "cc-syntax": "error" } }', 'wrangler.toml': WRANGLER, 'src/index.ts': BAD_CC });
    assert.equal((await runCli([], configured)).code, 1);
    const viaPackage = project({ 'package.json': '{ "name": "x", "edgelint": { "rules": { "cc-syntax": "off" } } }', 'src/index.ts': BAD_CC });
    assert.doesNotMatch((await runCli([], viaPackage)).stdout, /cc-syntax/);
    const forced = project({ 'strict.json': '{ "rules": { "cc-syntax": "error" } }', 'src/index.ts': BAD_CC });
    assert.equal((await runCli(['--config', 'strict.json'], forced)).code, 1);
  });

  it('config ignores skip files', async () => {
    const dir = project({ '.edgelintrc.json': '{ "ignores": ["legacy/**"] }', 'legacy/index.ts': BAD_TTL, 'wrangler.toml': WRANGLER });
    assert.equal((await runCli([], dir)).code, 0);
  });

  it('honours .gitignore and skips node_modules', async () => {
    const dir = project({ '.gitignore': 'generated/\n', 'generated/a.ts': BAD_TTL, 'node_modules/x/index.ts': BAD_TTL, 'wrangler.toml': WRANGLER, 'src/ok.ts': CLEAN });
    const run = await runCli([], dir);
    assert.equal(run.code, 0, run.stdout);
  });

  it('reports binary, oversized, invalid UTF-8 and unreadable files instead of skipping them', async () => {
    const dir = project({
      'src/binary.ts': Buffer.from([0x63, 0x00, 0x01]),
      'src/big.ts': `// ${'x'.repeat(2048)}\n`,
      'src/latin1.ts': Buffer.from([0x2f, 0x2f, 0x20, 0xe9, 0x0a]),
      'src/locked.ts': CLEAN,
    });
    chmodSync(join(dir, 'src/locked.ts'), 0o000);
    const run = await runCli(['--format', 'json', '--max-file-size', '1024'], dir);
    const results = JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string; message: string }[] }[];
    const byFile = (name: string) => results.find((r) => r.filePath.endsWith(name))?.messages[0]?.message ?? '';
    assert.match(byFile('binary.ts'), /Binary file/);
    assert.match(byFile('big.ts'), /over the 1024-byte limit/);
    assert.match(byFile('latin1.ts'), /not valid UTF-8/);
    if (process.getuid?.() !== 0) assert.match(byFile('locked.ts'), /Cannot read file/);
  });

  it('--fix applies fixes in place, keeps suggestions out, and re-lints until stable', async () => {
    const source = `const h = { 'Cache-Control': 'public; max-age=60; immutable' };\nconst bad = { 'Cache-Control': 'max_age=60' };\nexport { h, bad };\n`;
    const dir = project({ 'src/index.ts': source });
    const run = await runCli(['--fix', '--format', 'json'], dir);
    const fixed = readFileSync(join(dir, 'src/index.ts'), 'utf8');
    assert.equal(fixed, source.replace('public; max-age=60; immutable', 'public, max-age=60, immutable'));
    const messages = JSON.parse(run.stdout)[0].messages as { ruleId: string; messageId: string }[];
    assert.deepEqual(messages.map((m) => m.messageId), ['unknownDirective']);
  });

  it('--fix leaves a file with a syntax error untouched and still reports its problems', async () => {
    const source = `const h = { 'Cache-Control': 'public; max-age=60' };\nconst oops = ;\n`;
    const dir = project({ 'src/index.ts': source });
    const run = await runCli(['--fix', '--format', 'json'], dir);
    assert.equal(readFileSync(join(dir, 'src/index.ts'), 'utf8'), source);
    const messages = JSON.parse(run.stdout)[0].messages as { ruleId: string }[];
    assert.deepEqual(messages.map((m) => m.ruleId).sort(), ['cc-syntax', 'parse-error']);
  });

  it('--stdin lints text as the given file name', async () => {
    const dir = project({ 'wrangler.toml': WRANGLER });
    const run = await runCli(['--stdin', '--stdin-filename', 'src/worker.ts', '--format', 'json'], dir, BAD_TTL);
    assert.equal(run.code, 1);
    const [result] = JSON.parse(run.stdout);
    assert.equal(result.filePath, join(dir, 'src/worker.ts'));
    assert.equal(result.messages[0].ruleId, 'kv-cachettl-below-minimum');
  });

  it('--list-rules lists exactly the registry (text and JSON)', async () => {
    const json = JSON.parse((await runCli(['--list-rules', '--format', 'json'], '.')).stdout) as { id: string; docs: string; fixable: boolean }[];
    assert.deepEqual(json.map((r) => r.id), allRules.map((r) => r.id));
    assert.ok(json.every((r) => r.docs.endsWith(`/docs/rules/${r.id}.md`)));
    const text = (await runCli(['--list-rules'], '.')).stdout;
    assert.equal(text.trim().split('\n').length, allRules.length);
  });

  it('--version and --help', async () => {
    const version = JSON.parse(readFileSync('package.json', 'utf8')).version;
    assert.equal((await runCli(['--version'], '.')).stdout.trim(), version);
    assert.match((await runCli(['--help'], '.')).stdout, /Usage: edgelint/);
  });

  it('disable comments silence problems', async () => {
    const dir = project({ 'wrangler.toml': WRANGLER, 'src/index.ts': `// edgelint-disable-next-line kv-cachettl-below-minimum -- legacy runtime\n${BAD_TTL}` });
    assert.equal((await runCli([], dir)).code, 0);
  });
});
