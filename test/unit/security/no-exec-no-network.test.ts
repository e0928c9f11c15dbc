// A full CLI run and a full LSP session with process and network APIs trapped (test/harness/trap-io.mjs): nothing is called.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LspClient } from '../../harness/lsp-client';
import { SECRET_PROJECT } from '../../harness/secret-project';
import { tempProject, type TempProject } from '../../harness/temp-project';
import { PROJECT_FILES, PULL_CAPS } from '../lsp/fixtures';

const TRAP = resolve('test/harness/trap-io.mjs');
const CLI = resolve('dist/cli.js');

describe('security: no process spawning, no network', { timeout: 60_000 }, () => {
  let project: TempProject;
  let logDir: string;
  const trapLog = (name: string) => join(logDir, name);
  const calls = (name: string) => (existsSync(trapLog(name)) ? readFileSync(trapLog(name), 'utf8') : '');
  before(() => {
    // Every file kind with findings, plus a fixable problem and a workspace to scan.
    project = tempProject({ ...PROJECT_FILES, ...SECRET_PROJECT, 'src/other.ts': PROJECT_FILES['src/index.ts']! });
    logDir = mkdtempSync(join(tmpdir(), 'edgelint-trap-'));
  });
  after(() => {
    project.remove();
    rmSync(logDir, { recursive: true, force: true });
  });

  it('the trap works: a trapped call throws and is recorded', () => {
    const run = spawnSync(process.execPath, ['--import', TRAP, '-e', "require('node:child_process').execSync('true')"], { env: { ...process.env, EDGELINT_TRAP_LOG: trapLog('sanity') }, encoding: 'utf8' });
    assert.notEqual(run.status, 0);
    assert.match(run.stderr, /security trap: child_process\.execSync/);
    assert.match(calls('sanity'), /^child_process\.execSync/);
  });

  for (const args of [['--format', 'sarif', '.'], ['--fix', '--format', 'json', '.'], ['explain', 'cc-syntax']]) {
    it(`edgelint ${args.join(' ')} calls none of them`, () => {
      const log = `cli-${args.join('-')}`;
      // --fix writes: it gets its own copy, so the language server session below still has problems to fix.
      const copy = args.includes('--fix') ? tempProject({ ...PROJECT_FILES, ...SECRET_PROJECT }) : undefined;
      try {
        const run = spawnSync(process.execPath, ['--import', TRAP, CLI, ...args], { cwd: (copy ?? project).root, env: { ...process.env, EDGELINT_TRAP_LOG: trapLog(log) }, encoding: 'utf8' });
        assert.ok(run.status === 0 || run.status === 1, `exit ${run.status}: ${run.stderr}`);
        assert.ok(run.stdout.length > 100, 'the command produced its report');
        assert.equal(calls(log), '');
        assert.doesNotMatch(run.stderr, /security trap/);
        if (copy) assert.notEqual(readFileSync(copy.path('src/index.ts'), 'utf8'), SECRET_PROJECT['src/index.ts'], '--fix wrote a fix');
      } finally {
        copy?.remove();
      }
    });
  }

  it('a language server session (scan, open, pull, hover, code actions, fix all, shutdown) calls none of them', async () => {
    const client = LspClient.start({ nodeArgs: ['--import', TRAP], env: { EDGELINT_TRAP_LOG: trapLog('lsp') } });
    try {
      await client.initialize(project.rootUri, PULL_CAPS);
      await client.request('workspace/diagnostic', { previousResultIds: [] });
      for (const rel of ['src/index.ts', 'wrangler.toml', 'package.json', '.github/workflows/warm.yml', 'public/_headers']) {
        const uri = project.uri(rel);
        client.open(uri, rel.endsWith('.ts') ? 'typescript' : 'plaintext', readFileSync(project.path(rel), 'utf8'));
        const report = await client.request('textDocument/diagnostic', { textDocument: { uri } });
        await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 60 } });
        const range = { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } };
        await client.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: report.items, only: ['quickfix', 'source.fixAll.edgelint'] } });
        await client.request('workspace/executeCommand', { command: 'edgelint.applyFixAll', arguments: [{ uri, version: 1 }] });
      }
      assert.ok(client.count('workspace/applyEdit') >= 1, 'a fix-all edit was applied (the session exercised fixing)');
    } finally {
      assert.equal(await client.stop(), 0);
    }
    assert.equal(calls('lsp'), '');
    assert.doesNotMatch(client.stderr, /security trap/);
  });
});
