// The shared Workspace: the reader (regular files only, capped, BOM/UTF-16, invalid UTF-8), config lookups, ignores, lint and fix.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, symlinkSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import { readSource } from '../../../server/src/node-io/read-source';
import { Workspace } from '../../../server/src/node-io/workspace';
import { runCli } from '../../harness/cli-runner';
import { tempProject } from '../../harness/temp-project';

const WRANGLER = 'name = "app"\n[[kv_namespaces]]\nbinding = "KV"\nid = "1"\n';
const WORKER = "export default { async fetch(r: Request, env: Env) { return new Response(await env.KV.get('k', { cacheTtl: 10 })); } };\n";

describe('readSource', () => {
  const p = tempProject({ 'a.ts': 'x', 'big.ts': 'x'.repeat(2000) });
  after(() => p.remove());

  it('reports a FIFO without reading it (no hang)', () => {
    execFileSync('mkfifo', [p.path('pipe.ts')]);
    const read = readSource(p.path('pipe.ts'), 1024);
    assert.ok(!read.ok && /Not a regular file \(a named pipe \(FIFO\)\)/.test(read.problem.message), JSON.stringify(read));
  });
  it('reports a symlink to /dev/zero as a device, never reads it', () => {
    symlinkSync('/dev/zero', p.path('zero.ts'));
    const read = readSource(p.path('zero.ts'), 1024);
    assert.ok(!read.ok && read.problem.message === 'Not a regular file (a device); not read.', JSON.stringify(read));
  });
  it('reads through a symlink to a regular file; caps the size; reports missing files', () => {
    symlinkSync(p.path('a.ts'), p.path('link.ts'));
    assert.deepEqual(readSource(p.path('link.ts'), 1024), { ok: true, text: 'x', bom: '' });
    const big = readSource(p.path('big.ts'), 1000);
    assert.ok(!big.ok && big.problem.severity === 'warn' && /2000 bytes, over the 1000-byte limit/.test(big.problem.message));
    const missing = readSource(p.path('nope.ts'), 1000);
    assert.ok(!missing.ok && missing.problem.message === 'Cannot read file: ENOENT.');
  });
  it('decodes UTF-8 and UTF-16 BOMs, and reports invalid UTF-8', () => {
    p.write('bom8.ts', '\uFEFFconst a = 1;');
    p.write('bom16.ts', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('const b = 2;', 'utf16le')]));
    p.write('bad.ts', Buffer.from([0x61, 0xff, 0x62]));
    assert.deepEqual(readSource(p.path('bom8.ts'), 1000), { ok: true, text: 'const a = 1;', bom: 'utf-8' });
    assert.deepEqual(readSource(p.path('bom16.ts'), 1000), { ok: true, text: 'const b = 2;', bom: 'utf-16le' });
    const bad = readSource(p.path('bad.ts'), 1000);
    assert.ok(!bad.ok && /not valid UTF-8/.test(bad.problem.message));
  });
});

describe('Workspace', () => {
  it('project facts read a BOM-prefixed wrangler.toml (the KV binding is known)', () => {
    const p = tempProject({ 'wrangler.toml': `\uFEFF${WRANGLER}`, 'src/index.ts': WORKER });
    try {
      const problems = new Workspace().lint(p.path('src/index.ts')).problems.map((x) => x.ruleId);
      assert.deepEqual(problems, ['kv-cachettl-below-minimum']);
    } finally { p.remove(); }
  });
  it('config lookups are capped and never read a FIFO: a FIFO .edgelintrc.json counts as no config', () => {
    const p = tempProject({ 'wrangler.toml': WRANGLER, 'src/index.ts': WORKER, 'package.json': `{ "edgelint": { "rules": {} }, "pad": "${'x'.repeat(200)}" }` });
    try {
      execFileSync('mkfifo', [p.path('src/.edgelintrc.json')]);
      const workspace = new Workspace({ maxFileSize: 100 });
      assert.equal(workspace.configFor(p.path('src/index.ts')).path, undefined, 'the FIFO is skipped, the 200-byte package.json is over the cap');
    } finally { p.remove(); }
  });
  it('open documents (the overlay) win over the disk, for the linted file and for project facts', () => {
    const p = tempProject({ 'wrangler.toml': WRANGLER, 'src/index.ts': WORKER });
    try {
      // KV becomes an R2 bucket in the open buffer: a KV-shaped call alone never overrides the config.
      const renamed = WRANGLER.replace('[[kv_namespaces]]\nbinding = "KV"\nid = "1"', '[[r2_buckets]]\nbinding = "KV"\nbucket_name = "b"');
      const workspace = new Workspace({ overlay: (path) => (path === p.path('wrangler.toml') ? renamed : undefined) });
      assert.deepEqual(workspace.lint(p.path('src/index.ts')).problems, []);
    } finally { p.remove(); }
  });
  it('fix writes the fixed text back with the original UTF-16 BOM, and ignores come from the nearest config', () => {
    const p = tempProject({ '.edgelintrc.json': '{ "ignores": ["gen/**"] }', 'gen/_headers': '/*\n  Cache-Control: public; max-age=60\n' });
    try {
      p.write('public/_headers', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('/*\n  Cache-Control: public; max-age=60\n', 'utf16le')]));
      const workspace = new Workspace();
      assert.equal(workspace.ignored(p.path('gen/_headers')), true);
      assert.equal(workspace.ignored(p.path('public/_headers')), false);
      const fixed = workspace.fix(p.path('public/_headers'));
      assert.equal(fixed.changed, true);
      const bytes = readFileSync(p.path('public/_headers'));
      assert.deepEqual([...bytes.subarray(0, 2)], [0xff, 0xfe]);
      assert.equal(bytes.subarray(2).toString('utf16le'), '/*\n  Cache-Control: public, max-age=60\n');
    } finally { p.remove(); }
  });
});

describe('CLI through the Workspace', () => {
  it('reports a FIFO and a /dev/zero symlink (a link leaving the project) with a lintable name as file problems (exit 1), and lints the rest', async () => {
    const p = tempProject({ 'wrangler.toml': WRANGLER, 'src/index.ts': WORKER });
    try {
      execFileSync('mkfifo', [p.path('src/pipe.ts')]);
      symlinkSync('/dev/zero', p.path('src/zero.ts'));
      const run = await runCli(['--format', 'json', '.'], p.root);
      const byFile = Object.fromEntries((JSON.parse(run.stdout) as any[]).map((f) => [f.filePath.slice(p.root.length + 1), f.messages.map((m: any) => m.message)]));
      assert.equal(run.code, 1);
      assert.deepEqual(byFile['src/pipe.ts'], ['Not a regular file (a named pipe (FIFO)); not read.']);
      assert.deepEqual(byFile['src/zero.ts'], ['Link points outside the project root; not read (edgelint reads and fixes only inside it).']);
      assert.equal(byFile['src/index.ts'].length, 1);
    } finally { p.remove(); }
  });
});
