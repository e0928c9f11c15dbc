// Code actions in the real editor: quick fix, suggestion, disable-for-line, docs, fix-all (code action
// kind, command and fix-on-save). Each test reverts the workspace copy afterwards.
'use strict';
const assert = require('assert');
const vscode = require('vscode');
const u = require('./util');

const FILE = 'src/index.ts';
const BAD = "'public; max-age=60'";
const GOOD = "'public, max-age=60'";

describe('edgelint code actions (extension host)', function () {
  afterEach(u.restoreWorkspace);

  it("cc-syntax: preferred quick fix \"Replace ';' with ','\" edits the text and the problem disappears", async () => {
    const t0 = Date.now();
    const doc = await u.open(FILE);
    const d = await u.waitForDiag(doc.uri, 'cc-syntax');
    const t1 = Date.now();
    const actions = await u.codeActions(doc.uri, d.range, 'quickfix');
    console.log(`[edgelint-e2e] actions at cc-syntax (diag ${t1 - t0} ms, actions ${Date.now() - t1} ms): ${JSON.stringify(u.titles(actions))}`);
    const fix = actions.find((a) => a.title === "Replace ';' with ','");
    assert.ok(fix, `quick fix missing; got ${JSON.stringify(u.titles(actions))}`);
    assert.ok(fix.kind && vscode.CodeActionKind.QuickFix.contains(fix.kind), `kind ${fix.kind && fix.kind.value}`);
    assert.strictEqual(fix.isPreferred, true, 'the fix should be the preferred quick fix');
    await u.applyAction(fix);
    assert.ok(doc.getText().includes(GOOD), 'text not fixed');
    assert.ok(!doc.getText().includes(BAD));
    await u.waitForNoDiag(doc.uri, 'cc-syntax');
    assert.ok(u.edgelintDiags(doc.uri).some((x) => u.ruleOf(x) === 'kv-cachettl-below-minimum'), 'other problems must stay');
  });

  it('kv-cachettl-below-minimum: the "Use cacheTtl: 30" suggestion edits the text and the problem disappears', async () => {
    const doc = await u.open(FILE);
    const d = await u.waitForDiag(doc.uri, 'kv-cachettl-below-minimum');
    const actions = await u.codeActions(doc.uri, d.range, 'quickfix');
    console.log(`[edgelint-e2e] actions at kv-cachettl-below-minimum: ${JSON.stringify(u.titles(actions))}`);
    const sug = actions.find((a) => a.title.startsWith('Use cacheTtl: 30'));
    assert.ok(sug, `suggestion missing; got ${JSON.stringify(u.titles(actions))}`);
    await u.applyAction(sug);
    assert.match(doc.getText(), /cacheTtl: 30\b/);
    await u.waitForNoDiag(doc.uri, 'kv-cachettl-below-minimum');
  });

  it('offers "Disable <rule> for this line" (which silences it) and "Show documentation for <rule>"', async () => {
    const doc = await u.open(FILE);
    const d = await u.waitForDiag(doc.uri, 'kv-cachettl-below-minimum');
    const actions = await u.codeActions(doc.uri, d.range, 'quickfix');
    const disable = actions.find((a) => /^Disable kv-cachettl-below-minimum for this line/.test(a.title));
    assert.ok(disable, `disable action missing; got ${JSON.stringify(u.titles(actions))}`);
    assert.ok(actions.some((a) => /^Show documentation for kv-cachettl-below-minimum/.test(a.title)),
      `docs action missing; got ${JSON.stringify(u.titles(actions))}`);
    const before = doc.getText();
    await u.applyAction(disable);
    assert.notStrictEqual(doc.getText(), before, 'disable action did not change the text');
    assert.match(doc.getText(), /edgelint-disable/);
    await u.waitForNoDiag(doc.uri, 'kv-cachettl-below-minimum');
    assert.ok(u.edgelintDiags(doc.uri).some((x) => u.ruleOf(x) === 'cc-syntax'), 'cc-syntax must stay');
  });

  it('source.fixAll.edgelint code action applies the cc-syntax fix (not the TTL suggestion)', async () => {
    const doc = await u.open(FILE);
    await u.waitForDiag(doc.uri, 'cc-syntax');
    const whole = new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length));
    const actions = await u.codeActions(doc.uri, whole, 'source.fixAll.edgelint');
    const fixAll = actions.find((a) => a.kind && a.kind.value === 'source.fixAll.edgelint');
    assert.ok(fixAll, `no source.fixAll.edgelint action; got ${JSON.stringify(actions.map((a) => [a.title, a.kind && a.kind.value]))}`);
    await u.applyAction(fixAll);
    await u.waitFor('fix-all edit', () => doc.getText().includes(GOOD), { timeoutMs: 10000 });
    assert.match(doc.getText(), /cacheTtl: 10\b/, 'fix-all must not apply suggestions');
    await u.waitForNoDiag(doc.uri, 'cc-syntax');
  });

  it('the edgelint.fixAll command fixes the active editor', async () => {
    const doc = await u.open(FILE);
    await u.waitForDiag(doc.uri, 'cc-syntax');
    await vscode.commands.executeCommand('edgelint.fixAll');
    await u.waitFor('edgelint.fixAll edit', () => doc.getText().includes(GOOD), { timeoutMs: 15000 });
    await u.waitForNoDiag(doc.uri, 'cc-syntax');
  });

  it('fix-on-save with editor.codeActionsOnSave {"source.fixAll.edgelint": "explicit"}', async () => {
    await u.setWorkspaceSetting('editor', 'codeActionsOnSave', { 'source.fixAll.edgelint': 'explicit' });
    const doc = await u.open(FILE);
    await u.waitForDiag(doc.uri, 'cc-syntax');
    // Make the document dirty with an unrelated edit, then save explicitly (Ctrl+S = SaveReason.EXPLICIT).
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, doc.positionAt(doc.getText().length), '// saved by the e2e suite\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.strictEqual(vscode.window.activeTextEditor && vscode.window.activeTextEditor.document.uri.toString(), doc.uri.toString());
    await vscode.commands.executeCommand('workbench.action.files.save');
    await u.waitFor('saved document', () => !doc.isDirty, { timeoutMs: 15000 });
    assert.ok(doc.getText().includes(GOOD), `fix-on-save did not apply the cc-syntax fix; text:\n${doc.getText()}`);
    const disk = require('fs').readFileSync(doc.uri.fsPath, 'utf8');
    assert.ok(disk.includes(GOOD) && disk.includes('// saved by the e2e suite'), 'fixed text not on disk');
    assert.match(disk, /cacheTtl: 10\b/, 'fix-on-save must not apply suggestions');
    await u.waitForNoDiag(doc.uri, 'cc-syntax');
  });
});
