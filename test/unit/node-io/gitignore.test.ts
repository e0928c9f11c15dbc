// .gitignore semantics (issue 10 item 11): the walk and GitRules agree with `git check-ignore` and `git ls-files` on
// generated trees (nested files relative to their folder, negation, anchoring, folders, `**`), and on the cases.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileKind } from '../../../server/src/engine/file-kind';
import { discoverFiles } from '../../../server/src/node-io/discover';
import { GitRules } from '../../../server/src/node-io/ignore-rules';
import { tempProject, type TempProject } from '../../harness/temp-project';
import { random as prng } from '../../harness/random';

/** git without the user's or system's config (no global excludesFile). */
const GIT_ENV = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', HOME: '/nonexistent' };
const git = (cwd: string, args: string[], input?: string): string =>
  execFileSync('git', args, { cwd, env: GIT_ENV, input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'ignore'] });

/**
 * Paths git ignores, among `paths` (folders end with `/`), by `git check-ignore --no-index`. Folders are asked without
 * the slash (git sees they are folders): with it, check-ignore also applies the folder's own .gitignore to the folder.
 */
function gitIgnored(root: string, paths: string[]): Set<string> {
  const asked = paths.map((p) => p.replace(/\/$/, ''));
  try {
    const ignored = new Set(git(root, ['check-ignore', '--stdin', '--no-index'], `${asked.join('\n')}\n`).split('\n').filter(Boolean));
    return new Set(paths.filter((p) => ignored.has(p.replace(/\/$/, ''))));
  } catch (error) {
    if ((error as { status?: number }).status === 1) return new Set(); // nothing ignored
    throw error;
  }
}

/** Untracked files git does not ignore (what `git add .` would pick up), lintable ones only. */
const gitLintable = (root: string, under = '.'): string[] =>
  git(root, ['ls-files', '--others', '--exclude-standard', '--', under]).split('\n').filter((f) => f && fileKind(f)).sort();

const FOLDERS = ['a', 'b', 'a/b', 'a/c', 'b/build', 'build', 'dist', 'src', 'src/gen', 'a/b/c'];
const FILES = ['wrangler.toml', 'x.toml', 'index.ts', 'keep.ts', 'Index.ts', '_headers', 'a.js', 'b.js', 'README.md'];
const PATTERNS = ['*.toml', '!wrangler.toml', 'build/', '/a', 'a/', '*.ts', '!keep.ts', 'b/**/x.toml', '**/c', 'c/*.ts', '/index.ts',
  '!/b', '#comment', '', 'a/b/', '*.js', '!*.js', '**/keep.*', '?.js', '[ab].js', 'dist', '!dist/keep.ts', 'x.toml/', 'gen/',
  '!gen/', 'src/gen/*', '!src/gen/keep.ts', 'index.*', '!Index.ts', 'b', '/*.toml', '\\#hash', 'a/**', '!a/b/', '*', '!*/', '!*.ts'];

function generatedTree(seed: number): { project: TempProject; paths: string[] } {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const files: Record<string, string> = {};
  for (const folder of ['.', ...FOLDERS]) for (const file of FILES) if (random() < 0.5) files[join(folder, file)] = '';
  for (const folder of ['.', ...FOLDERS]) {
    if (random() < 0.45) files[join(folder, '.gitignore')] = Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(PATTERNS)).join('\n');
  }
  const project = tempProject(files, 'edgelint-gitignore-');
  git(project.root, ['init', '-q']);
  const paths = [...FOLDERS.map((f) => `${f}/`), ...Object.keys(files)].map((p) => p.split(sep).join('/')).sort();
  return { project, paths };
}

describe('.gitignore semantics match git', () => {
  const temps: TempProject[] = [];
  after(() => temps.forEach((t) => t.remove()));

  it('GitRules agrees with git check-ignore on every path of 25 generated trees', () => {
    for (let seed = 1; seed <= 25; seed++) {
      const { project, paths } = generatedTree(seed);
      temps.push(project);
      for (const folder of FOLDERS) mkdirSync(project.path(folder), { recursive: true });
      const expected = gitIgnored(project.root, paths);
      const rules = new GitRules(project.root);
      const ours = paths.filter((p) => rules.ignores(project.path(p), p.endsWith('/')));
      assert.deepEqual(ours, paths.filter((p) => expected.has(p)), `seed ${seed}`);
    }
  });

  it('the walk finds the files git ls-files does not ignore, from the root and from a subfolder (edgelint src)', () => {
    for (let seed = 41; seed <= 65; seed++) {
      const { project } = generatedTree(seed);
      temps.push(project);
      const found = (paths: string[]) => discoverFiles(paths, project.root).files.map((f) => relative(project.root, f).split(sep).join('/'));
      assert.deepEqual(found(['.']), gitLintable(project.root), `seed ${seed}, whole tree`);
      assert.deepEqual(found(['a']), gitLintable(project.root, 'a'), `seed ${seed}, a/`);
      assert.deepEqual(found(['src']), gitLintable(project.root, 'src'), `seed ${seed}, src/`);
    }
  });

  it('a nested !wrangler.toml re-includes it under a root *.toml (the issue\'s case)', () => {
    const project = tempProject({ '.gitignore': '*.toml\n', 'wrangler.toml': '', 'app/.gitignore': '!wrangler.toml\n', 'app/wrangler.toml': '', 'app/x.toml': '' });
    temps.push(project);
    git(project.root, ['init', '-q']);
    const files = discoverFiles(['.'], project.root).files.map((f) => relative(project.root, f));
    assert.deepEqual(files, ['app/wrangler.toml']);
    assert.deepEqual(files, gitLintable(project.root));
  });

  it('edgelint src applies src/.gitignore relative to src, and the root .gitignore relative to the root (also from cwd src)', () => {
    const project = tempProject({
      '.gitignore': '/gen/\n*.log.ts\n', 'src/.gitignore': '/gen/\nlib/old/\n', 'src/gen/a.ts': '', 'src/lib/old/b.ts': '', 'src/x/lib/old/c.ts': '',
      'src/x/gen/d.ts': '', 'gen/e.ts': '', 'src/trace.log.ts': '', 'src/ok.ts': '',
    });
    temps.push(project);
    git(project.root, ['init', '-q']);
    const expected = ['src/ok.ts', 'src/x/gen/d.ts', 'src/x/lib/old/c.ts'];
    assert.deepEqual(gitLintable(project.root, 'src'), expected);
    for (const cwd of [project.root, project.path('src')]) {
      const files = discoverFiles([project.path('src')], cwd).files.map((f) => relative(project.root, f));
      assert.deepEqual(files, expected, `cwd ${cwd}`);
    }
  });
});
