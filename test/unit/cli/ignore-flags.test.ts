// --ignore-pattern (gitignore syntax, relative to cwd, repeatable, wins over .gitignore) and --no-ignore (lints what
// .gitignore, config `ignores` and ignore patterns skip; node_modules, .git and .wrangler stay skipped, as ESLint).
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import { runCli } from '../../harness/cli-runner';
import { tempProject } from '../../harness/temp-project';

const BAD_CC = "export default { fetch() { return new Response('x', { headers: { 'Cache-Control': 'public; max-age=60' } }); } };\n";
const WRANGLER = 'name = "w"\nmain = "src/index.ts"\ncompatibility_date = "2025-06-01"\n';

/** The relative paths of the files a JSON run reports on. */
async function linted(argv: string[], cwd: string): Promise<string[]> {
  const run = await runCli(['--format', 'json', ...argv], cwd);
  assert.ok(run.code === 0 || run.code === 1, `exit ${run.code}: ${run.stderr}`);
  return (JSON.parse(run.stdout) as { filePath: string }[]).map((f) => f.filePath.slice(cwd.length + 1)).sort();
}

describe('--ignore-pattern and --no-ignore', () => {
  const temps: { remove(): void }[] = [];
  const project = (files: Record<string, string>) => {
    const p = tempProject(files, 'edgelint-ignore-');
    temps.push(p);
    mkdirSync(p.path('.git'), { recursive: true });
    return p;
  };
  after(() => temps.forEach((t) => t.remove()));

  it('--ignore-pattern skips matching files and folders; repeatable, also as --ignore-pattern=…', async () => {
    const p = project({ 'src/index.ts': BAD_CC, 'src/legacy/old.ts': BAD_CC, 'scripts/deploy.sh': 'echo hi\n', 'src/gen/x.ts': BAD_CC });
    assert.deepEqual(await linted([], p.root), ['scripts/deploy.sh', 'src/gen/x.ts', 'src/index.ts', 'src/legacy/old.ts']);
    assert.deepEqual(await linted(['--ignore-pattern', 'legacy/', '--ignore-pattern=*.sh', '--ignore-pattern', '/src/gen'], p.root), ['src/index.ts']);
  });

  it('patterns are relative to cwd, as ESLint\'s', async () => {
    const p = project({ 'packages/a/src/gen/x.ts': BAD_CC, 'packages/a/gen/y.ts': BAD_CC, 'packages/a/src/index.ts': BAD_CC });
    const cwd = p.path('packages/a');
    assert.deepEqual(await linted(['--ignore-pattern', '/src/gen/'], cwd), ['gen/y.ts', 'src/index.ts']);
    assert.deepEqual(await linted(['--ignore-pattern', '/packages/a/src/gen/'], cwd), ['gen/y.ts', 'src/gen/x.ts', 'src/index.ts'], 'not relative to the git root');
  });

  it('a negated pattern re-includes what .gitignore skips', async () => {
    const p = project({ '.gitignore': '*.toml\n', 'wrangler.toml': WRANGLER, 'src/index.ts': BAD_CC });
    assert.deepEqual(await linted([], p.root), ['src/index.ts']);
    assert.deepEqual(await linted(['--ignore-pattern', '!wrangler.toml'], p.root), ['src/index.ts', 'wrangler.toml']);
  });

  it('an explicit file that a pattern matches is skipped: no files matched (exit 2)', async () => {
    const p = project({ 'src/index.ts': BAD_CC });
    const run = await runCli(['--ignore-pattern', 'src/', 'src/index.ts'], p.root);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /No files matched "src\/index\.ts"/);
  });

  it('--no-ignore lints what .gitignore, config ignores and --ignore-pattern skip, but never node_modules, .git or .wrangler', async () => {
    const p = project({
      '.gitignore': 'dist/\n', '.edgelintrc.json': '{ "ignores": ["legacy/**"] }', 'src/index.ts': BAD_CC, 'dist/out.ts': BAD_CC,
      'legacy/old.ts': BAD_CC, 'gen/x.ts': BAD_CC, 'node_modules/dep/index.ts': BAD_CC, '.wrangler/tmp/bundle.ts': BAD_CC, '.git/hooks/x.sh': 'echo\n',
    });
    assert.deepEqual(await linted(['--ignore-pattern', 'gen/'], p.root), ['.edgelintrc.json', 'src/index.ts']);
    assert.deepEqual(await linted(['--no-ignore', '--ignore-pattern', 'gen/'], p.root), ['.edgelintrc.json', 'dist/out.ts', 'gen/x.ts', 'legacy/old.ts', 'src/index.ts']);
  });

  it('usage: --ignore-pattern needs a value; --help lists both flags', async () => {
    const p = project({ 'src/index.ts': BAD_CC });
    const run = await runCli(['--ignore-pattern'], p.root);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--ignore-pattern needs a value/);
    const help = (await runCli(['--help'], p.root)).stdout;
    assert.match(help, /--ignore-pattern <pat>/);
    assert.match(help, /--no-ignore/);
  });
});
