// Glob arguments, --fix-dry-run (ESLint's JSON `output`) and --fix with --stdin (the fixed text on stdout).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import { runCli } from '../../harness/cli-runner';
import { tempProject } from '../../harness/temp-project';

const DUPLICATE = `export default { fetch() { return new Response('x', { headers: { 'Cache-Control': 'max-age=60, max-age=60' } }); } };\n`;
const FIXED = `export default { fetch() { return new Response('x', { headers: { 'Cache-Control': 'max-age=60' } }); } };\n`;
const BAD_CC = `export default { fetch() { return new Response('x', { headers: { 'Cache-Control': 'public; max-age=60' } }); } };\n`;

type JsonFile = { filePath: string; messages: { ruleId: string }[]; output?: string };

describe('edgelint globs and fix modes', () => {
  const cleanups: (() => void)[] = [];
  const project = (files: Record<string, string>) => {
    const p = tempProject(files, 'edgelint-globs-');
    cleanups.push(p.remove);
    return p;
  };
  after(() => cleanups.forEach((c) => c()));
  const files = (stdout: string) => (JSON.parse(stdout) as JsonFile[]).map((f) => f.filePath.split('/').slice(-2).join('/')).sort();

  it('a quoted glob lints the files it matches, honouring .gitignore', async () => {
    const p = project({ 'src/a.ts': BAD_CC, 'src/deep/b.ts': BAD_CC, 'src/c.js': BAD_CC, 'lib/d.ts': BAD_CC, 'src/gen/e.ts': BAD_CC, '.gitignore': 'src/gen/\n' });
    assert.deepEqual(files((await runCli(['--format', 'json', 'src/**/*.ts'], p.root)).stdout), ['deep/b.ts', 'src/a.ts']);
    assert.deepEqual(files((await runCli(['--format', 'json', 'src/*.{ts,js}', 'lib'], p.root)).stdout), ['lib/d.ts', 'src/a.ts', 'src/c.js']);
    assert.deepEqual(files((await runCli(['--format', 'json', './src/**/*.js'], p.root)).stdout), ['src/c.js']);
    assert.deepEqual(files((await runCli(['--format', 'json', '--ignore-pattern', 'src/deep/', 'src/**/*.ts'], p.root)).stdout), ['src/a.ts']);
    assert.deepEqual(files((await runCli(['--format', 'json', '--no-ignore', 'src/**/e.ts'], p.root)).stdout), ['gen/e.ts']);
  });

  it('a glob that matches nothing exits 2 saying so', async () => {
    const p = project({ 'src/a.ts': BAD_CC });
    const run = await runCli(['src/**/*.tsx'], p.root);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'edgelint: No files matched the pattern "src/**/*.tsx"\n');
    const allowed = await runCli(['--no-error-on-unmatched-pattern', 'src/**/*.tsx', '--format', 'unix'], p.root);
    assert.deepEqual([allowed.code, allowed.stdout, allowed.stderr], [0, '', '']);
    const mixed = await runCli(['--no-error-on-unmatched-pattern', 'src/**/*.tsx', 'src', '--format', 'unix'], p.root);
    assert.match(mixed.stdout, /^src\/a\.ts:.*cc-syntax/m);
    assert.equal((await runCli(['--no-error-on-unmatched-pattern', 'nope/'], p.root)).code, 2, 'a missing folder is still an error');
  });

  it('--fix-dry-run reports what is left and gives the fixed text as "output", writing nothing', async () => {
    const p = project({ 'src/a.ts': DUPLICATE, 'src/b.ts': BAD_CC.replace('public; ', '') });
    const run = await runCli(['--fix-dry-run', '--format', 'json'], p.root);
    const byName = new Map((JSON.parse(run.stdout) as JsonFile[]).map((f) => [f.filePath.split('/').pop(), f]));
    assert.equal(byName.get('a.ts')!.output, FIXED);
    assert.deepEqual(byName.get('a.ts')!.messages.map((m) => m.ruleId), []);
    assert.equal(byName.get('b.ts')!.output, undefined, 'no output when nothing was fixed (as ESLint)');
    assert.equal(readFileSync(p.path('src/a.ts'), 'utf8'), DUPLICATE);
    const usage = await runCli(['--fix', '--fix-dry-run'], p.root);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /cannot be used together/);
  });

  it('--fix with --stdin prints the fixed text; what is left goes to stderr', async () => {
    const p = project({});
    const fixed = await runCli(['--stdin', '--stdin-filename', 'src/a.ts', '--fix'], p.root, DUPLICATE);
    assert.equal(fixed.stdout, FIXED);
    assert.equal(fixed.code, 0);
    const left = await runCli(['--stdin', '--stdin-filename', 'src/a.ts', '--fix'], p.root, BAD_CC);
    assert.equal(left.stdout, BAD_CC.replace('public; max-age', 'public, max-age'));
    const unfixable = `export default { fetch() { return new Response('x', { headers: { 'Cache-Control': 'max-age=abc' } }); } };\n`;
    const kept = await runCli(['-', '--stdin-filename', 'src/a.ts', '--fix'], p.root, unfixable);
    assert.equal(kept.stdout, unfixable);
    assert.equal(kept.code, 1);
    assert.match(kept.stderr, /cc-/);
    const dry = await runCli(['--stdin', '--stdin-filename', 'src/a.ts', '--fix-dry-run', '--format', 'json'], p.root, DUPLICATE);
    assert.equal((JSON.parse(dry.stdout) as JsonFile[])[0]!.output, FIXED);
  });
});
