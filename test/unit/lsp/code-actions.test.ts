// Code actions over a real stdio connection: titles, kinds, edits that apply cleanly (then re-lint), fix-all, commands.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { applyTextEdits } from '../../harness/lsp-client';
import { codes, find, HEADERS, PUSH_CAPS, startSession, WORKER, type Session } from './fixtures';

const WHOLE = { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } };

/** The edits of an action's WorkspaceEdit for one document (documentChanges or changes). */
function editsOf(action: any, uri: string): any[] {
  if (action.edit.documentChanges) return action.edit.documentChanges.filter((c: any) => c.textDocument.uri === uri).flatMap((c: any) => c.edits);
  return action.edit.changes[uri];
}

async function actionsAt(s: Session, uri: string, diagnostic: any, only?: string[]): Promise<any[]> {
  return s.client.request('textDocument/codeAction', { textDocument: { uri }, range: diagnostic?.range ?? WHOLE, context: { diagnostics: diagnostic ? [diagnostic] : [], ...(only ? { only } : {}) } });
}

describe('quick fixes', () => {
  let s: Session;
  before(async () => { s = await startSession(); });
  after(() => s.dispose());

  it('cc-syntax: preferred fix, fix all of the rule, disable for this line, documentation', async () => {
    const uri = s.open('src/index.ts');
    const cc = find((await s.pull('src/index.ts')).items, 'cc-syntax');
    const actions = await actionsAt(s, uri, cc);
    assert.deepEqual(actions.map((a) => a.title), [
      "Replace ';' with ','",
      'Fix all cc-syntax problems in this file',
      'Disable cc-syntax for this line',
      'Show documentation for cc-syntax',
    ]);
    assert.ok(actions.every((a) => a.kind === 'quickfix'));
    assert.equal(actions[0].isPreferred, true);
    assert.equal(actions[1].isPreferred, undefined);
    assert.deepEqual(actions[0].diagnostics, [cc]);
    assert.deepEqual(actions[0].edit.documentChanges[0].textDocument, { uri, version: 1 }, 'version-checked edit');
    assert.deepEqual(actions[3].command, { title: 'Show documentation for cc-syntax', command: 'edgelint.openDocs', arguments: ['https://github.com/edgelint/edgelint/blob/main/docs/rules/cc-syntax.md'] });
    assert.equal(actions[3].edit, undefined);
    const fixed = applyTextEdits(WORKER, editsOf(actions[0], uri));
    assert.equal(fixed, WORKER.replace("'public; max-age=60'", "'public, max-age=60'"));
  });

  it('applying the fix through the client removes the problem on the next pull; other problems stay', async () => {
    const uri = s.project.uri('src/index.ts');
    const cc = find((await s.pull('src/index.ts')).items, 'cc-syntax');
    const [fix] = await actionsAt(s, uri, cc);
    assert.equal(s.client.applyWorkspaceEdit(fix.edit), true);
    const report = await s.pull('src/index.ts');
    assert.ok(!codes(report.items).includes('cc-syntax'));
    assert.ok(codes(report.items).includes('kv-cachettl-below-minimum'));
    assert.equal(s.client.applyWorkspaceEdit(fix.edit), false, 'the same edit is refused for the new version');
  });

  it('kv-cachettl-below-minimum: suggestions are quick fixes but not preferred; "Use cacheTtl: 30" fixes it', async () => {
    const uri = s.project.uri('src/index.ts');
    const kv = find((await s.pull('src/index.ts')).items, 'kv-cachettl-below-minimum');
    const actions = await actionsAt(s, uri, kv);
    const titles = actions.map((a) => a.title);
    assert.ok(titles[0]!.startsWith('Use cacheTtl: 30'), JSON.stringify(titles));
    assert.ok(titles.includes('Disable kv-cachettl-below-minimum for this line'));
    assert.ok(!titles.some((t) => t.startsWith('Fix all kv-cachettl')), 'no fix-all for a rule without fixes');
    assert.ok(actions.every((a) => a.isPreferred !== true));
    assert.equal(s.client.applyWorkspaceEdit(actions[0].edit), true);
    const text = s.client.docs.get(uri)!.text;
    assert.match(text, /cacheTtl: 30 \}/);
    assert.ok(!codes((await s.pull('src/index.ts')).items).includes('kv-cachettl-below-minimum'));
  });

  it('"Disable <rule> for this line" inserts an indented // comment that silences only that rule', async () => {
    const uri = s.project.uri('src/index.ts');
    s.client.replaceAll(uri, WORKER);
    const report = await s.pull('src/index.ts');
    const kv = find(report.items, 'kv-cachettl-below-minimum');
    const disable = (await actionsAt(s, uri, kv)).find((a) => a.title === 'Disable kv-cachettl-below-minimum for this line');
    const edits = editsOf(disable, uri);
    assert.deepEqual(edits, [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, newText: '    // edgelint-disable-next-line kv-cachettl-below-minimum\n' }]);
    assert.equal(s.client.applyWorkspaceEdit(disable.edit), true);
    const after1 = await s.pull('src/index.ts');
    assert.ok(!codes(after1.items).includes('kv-cachettl-below-minimum'));
    assert.ok(codes(after1.items).includes('cc-syntax'));
  });

  it('_headers: the disable comment uses #, and fix all fixes both semicolons in one edit', async () => {
    const uri = s.open('public/_headers');
    const cc = find((await s.pull('public/_headers')).items, 'cc-syntax');
    const actions = await actionsAt(s, uri, cc);
    const disable = actions.find((a) => a.title === 'Disable cc-syntax for this line');
    assert.equal(editsOf(disable, uri)[0].newText, '  # edgelint-disable-next-line cc-syntax\n');
    const fixAll = actions.find((a) => a.title === 'Fix all cc-syntax problems in this file');
    assert.equal(applyTextEdits(HEADERS, editsOf(fixAll, uri)), HEADERS.replace(/;/g, ','));
    assert.equal(s.client.applyWorkspaceEdit(disable.edit), true);
    assert.deepEqual((await s.pull('public/_headers')).items, []);
  });

  it('parse errors get no disable or documentation action (not rules; never silenced)', async () => {
    s.project.write('broken/wrangler.toml', 'name = "x\n');
    const uri = s.open('broken/wrangler.toml');
    const parse = find((await s.pull('broken/wrangler.toml')).items, 'parse-error');
    assert.ok(parse);
    assert.deepEqual(await actionsAt(s, uri, parse), []);
  });
});

describe('fix all (source.fixAll.edgelint)', () => {
  let s: Session;
  before(async () => { s = await startSession(); });
  after(() => s.dispose());

  it('is offered only when asked for, applies fixes (not suggestions) in one version-checked edit', async () => {
    const uri = s.open('src/index.ts');
    const quick = await actionsAt(s, uri, undefined);
    assert.ok(!quick.some((a) => a.kind === 'source.fixAll.edgelint'), 'not offered without context.only');
    const actions = await actionsAt(s, uri, undefined, ['source.fixAll.edgelint']);
    assert.equal(actions.length, 1);
    const [fixAll] = actions;
    assert.equal(fixAll.kind, 'source.fixAll.edgelint');
    assert.equal(fixAll.edit.documentChanges.length, 1);
    assert.deepEqual(fixAll.edit.documentChanges[0].textDocument, { uri, version: 1 });
    assert.equal(fixAll.edit.documentChanges[0].edits.length, 1, 'one edit replacing the changed region');
    assert.deepEqual(await actionsAt(s, uri, undefined, ['source']), actions, 'also under the "source" kind');
    assert.equal(s.client.applyWorkspaceEdit(fixAll.edit), true);
    const text = s.client.docs.get(uri)!.text;
    assert.equal(text, WORKER.replace('public; max-age=60', 'public, max-age=60'));
    assert.match(text, /cacheTtl: 10 \}/, 'suggestions are never applied by fix-all');
    assert.deepEqual(await actionsAt(s, uri, undefined, ['source.fixAll.edgelint']), [], 'nothing left to fix');
  });

  it('fixes a multi-line template Cache-Control value in a CRLF file without losing text or line ends', async () => {
    const source = ['export const h = { \'Cache-Control\': `public,', '  max-age=60;', '  immutable` };', ''].join('\r\n');
    s.project.write('src/crlf.ts', source);
    const uri = s.open('src/crlf.ts');
    const [fixAll] = await actionsAt(s, uri, undefined, ['source.fixAll.edgelint']);
    assert.equal(s.client.applyWorkspaceEdit(fixAll.edit), true);
    assert.equal(s.client.docs.get(uri)!.text, source.replace('max-age=60;', 'max-age=60,'));
    assert.deepEqual(await actionsAt(s, uri, undefined, ['source.fixAll.edgelint']), [], 'a second pass changes nothing');
  });

  it('offers no fix-all (nor fix all of a rule) for a file with a syntax error; its problems are still reported', async () => {
    s.project.write('src/broken.ts', `${WORKER}const oops = ;\n`);
    const uri = s.open('src/broken.ts');
    const items = (await s.pull('src/broken.ts')).items;
    assert.ok(codes(items).includes('cc-syntax') && codes(items).includes('parse-error'), JSON.stringify(codes(items)));
    assert.deepEqual(await actionsAt(s, uri, undefined, ['source.fixAll.edgelint']), []);
    const titles = (await actionsAt(s, uri, find(items, 'cc-syntax'))).map((a) => a.title);
    assert.ok(!titles.includes('Fix all cc-syntax problems in this file'), JSON.stringify(titles));
  });

  it('edgelint.applyFixAll command: the server applies the edit through workspace/applyEdit; a stale version is refused', async () => {
    const uri = s.open('public/_headers');
    const stale = await s.client.request('workspace/executeCommand', { command: 'edgelint.applyFixAll', arguments: [{ uri, version: 99 }] });
    assert.equal(stale, null);
    const result = await s.client.request('workspace/executeCommand', { command: 'edgelint.applyFixAll', arguments: [{ uri, version: 1 }] });
    assert.deepEqual(result, { applied: true });
    const applyEdit = s.client.serverRequests.find((m) => m.method === 'workspace/applyEdit');
    assert.equal(applyEdit?.params.label, 'edgelint: fix all');
    assert.equal(s.client.docs.get(uri)!.text, HEADERS.replace(/;/g, ','));
    assert.deepEqual((await s.pull('public/_headers')).items, []);
  });

  it('edgelint.openDocs from a non-VS Code client opens the URL through window/showDocument', async () => {
    const url = 'https://github.com/edgelint/edgelint/blob/main/docs/rules/cc-syntax.md';
    await s.client.request('workspace/executeCommand', { command: 'edgelint.openDocs', arguments: [url] });
    const show = s.client.serverRequests.find((m) => m.method === 'window/showDocument');
    assert.deepEqual(show?.params, { uri: url, external: true });
  });
});

describe('code actions for clients without documentChanges (Neovim 0.7)', () => {
  it('uses the plain `changes` map', async () => {
    const s = await startSession({ caps: PUSH_CAPS });
    try {
      const uri = s.open('src/index.ts');
      const diagnostics = await s.client.waitForDiagnostics(uri, (d) => codes(d).includes('cc-syntax'));
      const [fix] = await actionsAt(s, uri, find(diagnostics, 'cc-syntax'));
      assert.equal(fix.edit.documentChanges, undefined);
      assert.equal(applyTextEdits(WORKER, fix.edit.changes[uri]), WORKER.replace('public; max-age', 'public, max-age'));
    } finally {
      await s.dispose();
    }
  });
});
