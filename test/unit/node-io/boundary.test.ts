// The project boundary (issue 10 item 2): links leaving the project are not read or quoted, --fix never writes outside it
// or through hard links, and config lookup stops at the root (git root, else cwd; the server's workspace folder).
import assert from 'node:assert/strict';
import { linkSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import { Workspace } from '../../../server/src/node-io/workspace';
import { projectRoot } from '../../../server/src/node-io/boundary';
import { runCli } from '../../harness/cli-runner';
import { tempProject } from '../../harness/temp-project';

const TOKEN = 'npm_Zq8d7XcVb6NmAsDfGhJkLpOiUyTrEwQ12345';
const LEAVES = 'Link points outside the project root; not read (edgelint reads and fixes only inside it).';
const BAD_CC = "export default { fetch() { return new Response('x', { headers: { 'Cache-Control': 'public; max-age=60' } }); } };\n";
/** A _headers file whose problems quote its own text, with a token in it. */
const SECRET_HEADERS = `/*\n  Cache-Control: public; max-age=60; token=${TOKEN}\n`;

/** outside/ (not part of the project) next to proj/ (the project, with `.git` when `git`). */
function layout(projectFiles: Record<string, string>, outsideFiles: Record<string, string>, git = true) {
  const files: Record<string, string> = {};
  for (const [rel, text] of Object.entries(projectFiles)) files[`proj/${rel}`] = text;
  for (const [rel, text] of Object.entries(outsideFiles)) files[`outside/${rel}`] = text;
  const t = tempProject(files, 'edgelint-boundary-');
  mkdirSync(t.path('proj'), { recursive: true });
  if (git) mkdirSync(t.path('proj/.git'));
  return t;
}

describe('project boundary', () => {
  const temps: { remove(): void }[] = [];
  const make = (...args: Parameters<typeof layout>) => {
    const t = layout(...args);
    temps.push(t);
    return t;
  };
  after(() => temps.forEach((t) => t.remove()));

  it('the CLI root is the nearest git root, else cwd, else the given path\'s folder', () => {
    const t = make({ 'packages/a/src/x.ts': '' }, { 'lone/y.ts': '' });
    assert.equal(projectRoot('src/x.ts', t.path('proj/packages/a')), t.path('proj'));
    assert.equal(projectRoot('.', t.path('outside')), t.path('outside'));
    assert.equal(projectRoot(t.path('outside/lone/y.ts'), t.path('proj')), t.path('outside/lone'));
  });

  it('a symlink leaving the project is one file problem; its content is never quoted in any format', async () => {
    const t = make({ 'src/index.ts': BAD_CC }, { '_headers': SECRET_HEADERS });
    mkdirSync(t.path('proj/public'));
    symlinkSync(t.path('outside/_headers'), t.path('proj/public/_headers'));
    for (const format of ['json', 'github', 'sarif', 'stylish', 'unix']) {
      const run = await runCli(['--format', format], t.path('proj'));
      assert.ok(!run.stdout.includes(TOKEN) && !run.stderr.includes(TOKEN), `${format} quotes the linked file:\n${run.stdout}`);
      assert.equal(run.code, 0, format); // the link problem is a warning
    }
    const json = JSON.parse((await runCli(['--format', 'json'], t.path('proj'))).stdout) as { filePath: string; messages: { message: string; severity: number }[] }[];
    const linked = json.find((f) => f.filePath.endsWith('public/_headers'))!;
    assert.deepEqual(linked.messages.map((m) => [m.message, m.severity]), [[LEAVES, 1]]);
    assert.ok(json.find((f) => f.filePath.endsWith('src/index.ts'))!.messages.length > 0, 'the rest is linted');
  });

  it('a symlink inside the project (to a file inside it) is read and fixed through to its target', async () => {
    const t = make({ 'src/real.ts': BAD_CC }, {});
    symlinkSync(t.path('proj/src/real.ts'), t.path('proj/src/link.ts'));
    const run = await runCli(['--fix', '--format', 'json', 'src/link.ts'], t.path('proj'));
    assert.equal(run.code, 0, run.stdout);
    assert.match(readFileSync(t.path('proj/src/real.ts'), 'utf8'), /'public, max-age=60'/);
  });

  it('--fix never writes through a link that leaves the project', async () => {
    const t = make({}, { 'index.ts': BAD_CC });
    mkdirSync(t.path('proj/src'));
    symlinkSync(t.path('outside/index.ts'), t.path('proj/src/index.ts'));
    const run = await runCli(['--fix', '--format', 'json'], t.path('proj'));
    assert.equal(readFileSync(t.path('outside/index.ts'), 'utf8'), BAD_CC);
    assert.deepEqual((JSON.parse(run.stdout) as { messages: { message: string }[] }[])[0]!.messages.map((m) => m.message), [LEAVES]);
  });

  it('--fix never writes a file with hard links: one error on it, the other link keeps its text, other files are fixed', async () => {
    const t = make({ 'src/b.ts': BAD_CC }, { 'index.ts': BAD_CC });
    linkSync(t.path('outside/index.ts'), t.path('proj/src/a.ts'));
    const run = await runCli(['--fix', '--format', 'json'], t.path('proj'));
    const byFile = Object.fromEntries((JSON.parse(run.stdout) as { filePath: string; messages: { message: string; severity: number }[] }[])
      .map((f) => [f.filePath.slice(t.path('proj').length + 1), f.messages]));
    assert.equal(run.code, 1);
    assert.deepEqual(byFile['src/a.ts']![0], { ...byFile['src/a.ts']![0], message: 'File has 2 hard links; fixes not written (the other links would keep the old text).', severity: 2 });
    assert.equal(readFileSync(t.path('outside/index.ts'), 'utf8'), BAD_CC);
    assert.equal(readFileSync(t.path('proj/src/a.ts'), 'utf8'), BAD_CC);
    assert.match(readFileSync(t.path('proj/src/b.ts'), 'utf8'), /'public, max-age=60'/);
  });

  it('an ancestor .edgelintrc.json above the git root neither turns rules off nor (when invalid) fails the run', async () => {
    const t = make({ 'src/index.ts': BAD_CC }, {});
    t.write('.edgelintrc.json', '{ "rules": { "cc-syntax": "off" } }');
    const run = await runCli(['--format', 'json'], t.path('proj'));
    assert.match(run.stdout, /cc-syntax/);
    t.write('.edgelintrc.json', '{ "rules": ');
    const invalid = await runCli([], t.path('proj'));
    assert.equal(invalid.code, 0, invalid.stderr);
    assert.match(invalid.stdout, /cc-syntax/);
  });

  it('a config between cwd and the git root still applies (monorepo package run from its folder)', async () => {
    const t = make({ '.edgelintrc.json': '{ "rules": { "cc-syntax": "off" } }', 'packages/a/src/index.ts': BAD_CC }, {});
    const run = await runCli([], t.path('proj/packages/a'));
    assert.doesNotMatch(run.stdout, /cc-syntax/);
    assert.equal(run.code, 0);
  });

  it('without git, a config above cwd is ignored', async () => {
    const t = make({ 'src/index.ts': BAD_CC }, {}, false);
    t.write('.edgelintrc.json', '{ "rules": { "cc-syntax": "off" } }');
    assert.match((await runCli([], t.path('proj'))).stdout, /cc-syntax/);
  });

  it('the server\'s boundary is its workspace folder (setRoots): links out are not read, configs above are ignored', () => {
    const t = make({ 'src/index.ts': BAD_CC }, { 'index.ts': BAD_CC }, false);
    t.write('.edgelintrc.json', '{ "rules": { "cc-syntax": "off" } }');
    symlinkSync(t.path('outside/index.ts'), t.path('proj/src/out.ts'));
    const workspace = new Workspace();
    workspace.setRoots([t.path('proj')]);
    assert.deepEqual(workspace.lint(t.path('proj/src/out.ts')).problems.map((p) => p.message), [LEAVES]);
    assert.equal(workspace.configFor(t.path('proj/src/index.ts')).path, undefined);
    assert.ok(workspace.lint(t.path('proj/src/index.ts')).problems.some((p) => p.ruleId === 'cc-syntax'));
  });
});
