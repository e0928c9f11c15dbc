// CLI "say what happened": the stylish summary line, `No files matched` (exit 2) and the --max-warnings failure note.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { runCli } from '../../harness/cli-runner';
import { tempProject } from '../../harness/temp-project';

const WRANGLER = `name = "w"\nmain = "src/index.ts"\ncompatibility_date = "2025-06-01"\n[[kv_namespaces]]\nbinding = "CACHE"\nid = "1"\n`;
const BAD_CC = `export default { fetch() { return new Response('x', { headers: { 'Cache-Control': 'public; max-age=60' } }); } };\n`;
const BAD_TTL = `export default { async fetch(req, env) { return new Response(await env.CACHE.get('k', { cacheTtl: 5 })); } };\n`;
const CLEAN = `export default { fetch() { return new Response('x', { headers: { 'Cache-Control': 'public, max-age=60' } }); } };\n`;

/** A clock that advances `step` milliseconds per reading. */
const ticking = (step: number) => {
  let t = 1000;
  return () => (t += step) - step;
};

describe('edgelint CLI summary', () => {
  const cleanups: (() => void)[] = [];
  const project = (files: Record<string, string>) => {
    const p = tempProject(files, 'edgelint-summary-');
    cleanups.push(p.remove);
    return p.root;
  };
  after(() => cleanups.forEach((c) => c()));

  it('ends a stylish run with problems, files with problems, files checked and the time taken', async () => {
    const dir = project({ 'wrangler.toml': WRANGLER, 'src/a.ts': BAD_TTL, 'src/b.ts': BAD_CC, 'src/c.ts': CLEAN });
    const run = await runCli([], dir, '', { now: ticking(800) });
    assert.equal(run.code, 1);
    assert.match(run.stdout, /\n✖ 2 problems \(1 error, 1 warning\) in 2 of 4 files · 0\.8 s\n/);
  });

  it('a clean run prints ✓ and the file count; an empty folder says 0 files', async () => {
    const dir = project({ 'wrangler.toml': WRANGLER, 'src/index.ts': CLEAN });
    assert.equal((await runCli([], dir, '', { now: ticking(5000) })).stdout, '✓ 2 files checked, no problems\n');
    const empty = project({ 'README.md': '# nothing to lint\n' });
    const run = await runCli([], empty);
    assert.equal(run.code, 0);
    assert.equal(run.stdout, '✓ 0 files checked, no problems\n');
  });

  it('machine formats get no summary, on stdout or stderr', async () => {
    const dir = project({ 'wrangler.toml': WRANGLER, 'src/index.ts': CLEAN });
    for (const format of ['json', 'sarif', 'github']) {
      const run = await runCli(['--format', format], dir);
      assert.doesNotMatch(run.stdout + run.stderr, /files checked|✓/, format);
      assert.equal(run.stderr, '', format);
    }
    assert.equal((await runCli(['--format', 'github'], dir)).stdout, '');
  });

  it('explicit paths that match nothing lintable exit 2 with "No files matched"', async () => {
    const dir = project({ 'docs/readme.md': '# docs\n', 'src/index.ts': CLEAN, '.edgelintrc.json': '{ "ignores": ["legacy/**"] }', 'legacy/old.ts': BAD_TTL });
    for (const argv of [['docs'], ['legacy']]) {
      const run = await runCli(argv, dir);
      assert.equal(run.code, 2, argv.join(' '));
      assert.match(run.stderr, /^edgelint: No files matched "/, argv.join(' '));
      assert.equal(run.stdout, '');
    }
    assert.equal((await runCli(['docs', 'src'], dir)).code, 0, 'one path with files is enough');
  });

  it('--max-warnings says why it failed the run, on stderr', async () => {
    const dir = project({ 'wrangler.toml': WRANGLER, 'src/a.ts': BAD_CC, 'src/b.ts': BAD_CC });
    const failing = await runCli(['--max-warnings', '1'], dir);
    assert.equal(failing.code, 1);
    assert.equal(failing.stderr, 'edgelint: 2 warnings exceed --max-warnings 1\n');
    const json = await runCli(['--max-warnings', '0', '--format', 'json'], dir);
    assert.equal(json.code, 1);
    assert.doesNotThrow(() => JSON.parse(json.stdout));
    assert.match(json.stderr, /2 warnings exceed --max-warnings 0/);
    const passing = await runCli(['--max-warnings', '2'], dir);
    assert.equal(passing.code, 0);
    assert.equal(passing.stderr, '');
  });
});
