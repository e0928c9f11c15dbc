// LSP lifecycle over a real stdio connection: initialize with/without pull support, shutdown/exit, robustness to bad input and throwing rules.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LspClient } from '../../harness/lsp-client';
import { codes, find, PULL_CAPS, PUSH_CAPS, startSession, WORKER } from './fixtures';

describe('LSP lifecycle', () => {
  it('announces pull diagnostics (inter-file, workspace) when the client supports them', async () => {
    const client = LspClient.start();
    const result = await client.initialize(null, PULL_CAPS);
    assert.deepEqual(result.capabilities.diagnosticProvider, { identifier: 'edgelint', interFileDependencies: true, workspaceDiagnostics: true });
    assert.equal(result.capabilities.textDocumentSync.change, 2, 'incremental sync');
    assert.deepEqual(result.capabilities.codeActionProvider.codeActionKinds, ['quickfix', 'source.fixAll.edgelint']);
    assert.equal(result.capabilities.hoverProvider, true);
    assert.deepEqual(result.capabilities.executeCommandProvider.commands, ['edgelint.applyFixAll']);
    assert.equal(result.serverInfo.name, 'edgelint');
    assert.match(result.serverInfo.version, /^\d+\.\d+\.\d+/);
    assert.equal(await client.stop(), 0, 'shutdown + exit ends with code 0');
  });

  it('without pull support it announces no diagnosticProvider and pushes diagnostics', async () => {
    const s = await startSession({ caps: PUSH_CAPS });
    try {
      const uri = s.open('src/index.ts');
      const diagnostics = await s.client.waitForDiagnostics(uri, (d) => codes(d).includes('cc-syntax'));
      assert.ok(codes(diagnostics).includes('kv-cachettl-below-minimum'));
    } finally {
      await s.dispose();
    }
  });

  it('exit without shutdown ends with code 1 (LSP spec)', async () => {
    const client = LspClient.start();
    await client.initialize(null, PULL_CAPS);
    client.notify('exit', null);
    assert.equal(await client.exit, 1);
  });

  it('starts on stdio when dist/server.js gets no transport argument (editors that just run the command)', async () => {
    const client = LspClient.start({ args: [] });
    const result = await client.initialize(null, PUSH_CAPS);
    assert.equal(result.serverInfo.name, 'edgelint');
    assert.equal(await client.stop(), 0);
  });

  it('exits when stdin closes (the editor died without shutdown)', async () => {
    const client = LspClient.start();
    await client.initialize(null, PUSH_CAPS);
    (client as unknown as { child: { stdin: { end(): void } } }).child.stdin.end();
    assert.equal(await client.exit, 1);
  });
});

describe('LSP robustness', () => {
  it('answers malformed or unexpected requests without dying', async () => {
    const s = await startSession();
    try {
      const { client } = s;
      const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      assert.deepEqual(await client.request('textDocument/codeAction', { textDocument: { uri: 'file:///nope.ts' }, range, context: { diagnostics: [] } }), []);
      assert.equal(await client.request('textDocument/hover', { textDocument: { uri: 'untitled:Untitled-1' }, position: { line: 0, character: 0 } }), null);
      assert.deepEqual(await client.request('textDocument/diagnostic', { textDocument: { uri: 'untitled:Untitled-1' } }), { kind: 'full', items: [] });
      assert.equal(await client.request('workspace/executeCommand', { command: 'edgelint.applyFixAll', arguments: [42] }), null);
      assert.equal(await client.request('workspace/executeCommand', { command: 'edgelint.nope' }), null);
      // A code action request with no context at all makes the handler throw: logged, answered with [].
      const uri = s.open('src/index.ts');
      assert.deepEqual(await client.request('textDocument/codeAction', { textDocument: { uri }, range }), []);
      await client.waitFor('the failure in the log', () => client.received.some((m) => m.method === 'window/logMessage' && /codeAction failed/.test(m.params.message)));
      // An untitled document is synced but never linted.
      client.open('untitled:Untitled-2', 'typescript', WORKER);
      const untitled = await client.request('textDocument/diagnostic', { textDocument: { uri: 'untitled:Untitled-2' } });
      assert.deepEqual(untitled.items, []);
      const report = await s.pull('src/index.ts');
      assert.ok(codes(report.items).includes('cc-syntax'), 'still linting after the bad requests');
    } finally {
      await s.dispose();
    }
  });

  it('a rule that throws in check() becomes one internal-error problem; the other rules still report (EDGELINT_TEST_THROWING_RULE)', async () => {
    const s = await startSession({ env: { EDGELINT_TEST_THROWING_RULE: '1' }, files: { 'src/index.ts': `${WORKER}// EDGELINT_THROW_IN_CHECK\n` } });
    try {
      s.open('src/index.ts');
      const report = await s.pull('src/index.ts');
      const internal = find(report.items, 'test-throwing-rule');
      assert.ok(internal, `no internal error reported: ${JSON.stringify(codes(report.items))}`);
      assert.match(internal.message, /internal error in test-throwing-rule: test hook: check threw/);
      assert.equal(internal.codeDescription, undefined, 'no docs link for an unregistered rule');
      assert.ok(codes(report.items).includes('cc-syntax'));
      assert.ok(codes(report.items).includes('kv-cachettl-below-minimum'));
    } finally {
      await s.dispose();
    }
  });

  it('a rule whose mayApply() throws is contained like any failing rule; the server keeps serving', async () => {
    const s = await startSession({ env: { EDGELINT_TEST_THROWING_RULE: '1' }, files: { 'src/broken.ts': `${WORKER}// EDGELINT_THROW_EARLY\n` } });
    try {
      s.open('src/broken.ts');
      const report = await s.pull('src/broken.ts');
      assert.ok(codes(report.items).includes('test-throwing-rule'), JSON.stringify(codes(report.items)));
      assert.match(report.items.find((d: { code: string }) => d.code === 'test-throwing-rule').message, /^internal error in test-throwing-rule: test hook: mayApply threw/);
      assert.ok(codes(report.items).includes('cc-syntax'), 'the other rules still ran on the same file');
      s.open('src/index.ts');
      assert.ok(codes((await s.pull('src/index.ts')).items).includes('cc-syntax'), 'other files still lint');
      assert.equal(s.client.exitCode, undefined, 'server alive');
    } finally {
      await s.dispose();
    }
  });
});
