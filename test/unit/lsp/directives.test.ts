// Disable comments in the editor (real stdio server): unknown rule ids, and unused directives with a quick fix (config option).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { codes, find, startSession, type Session } from './fixtures';

const SOURCE = `// edgelint-disable-next-line cc-sytnax\nexport const a = 1;\n// edgelint-disable-next-line cc-syntax -- not needed any more\nexport const b = 2;\n`;

describe('disable comments in the editor', () => {
  let s: Session;
  before(async () => {
    s = await startSession({ files: { '.edgelintrc.json': '{ "reportUnusedDisableDirectives": "warn" }\n', 'src/directives.ts': SOURCE } });
  });
  after(() => s.dispose());

  it('shows an unknown id as an error on the id, without a doc link, and an unused directive as a warning', async () => {
    s.open('src/directives.ts');
    const items = (await s.pull('src/directives.ts')).items;
    assert.deepEqual(codes(items), ['cc-sytnax', 'unused-disable-directive']);
    const unknown = find(items, 'cc-sytnax');
    assert.equal(unknown.severity, 1);
    assert.equal(unknown.message, "Definition for rule 'cc-sytnax' was not found.");
    assert.deepEqual(unknown.range, { start: { line: 0, character: 30 }, end: { line: 0, character: 39 } });
    assert.equal(unknown.codeDescription, undefined);
    assert.equal(find(items, 'unused-disable-directive').severity, 2);
  });

  it('the unused directive\'s quick fix removes the comment line; the next pull is clean of it', async () => {
    const uri = s.project.uri('src/directives.ts');
    const unused = find((await s.pull('src/directives.ts')).items, 'unused-disable-directive');
    const actions = await s.client.request('textDocument/codeAction', { textDocument: { uri }, range: unused.range, context: { diagnostics: [unused] } });
    assert.deepEqual(actions.map((a: any) => a.title), ['Remove the unused edgelint-disable-next-line comment']);
    assert.equal(s.client.applyWorkspaceEdit(actions[0].edit), true);
    assert.equal(s.client.docs.get(uri)!.text, SOURCE.replace('// edgelint-disable-next-line cc-syntax -- not needed any more\n', ''));
    assert.deepEqual(codes((await s.pull('src/directives.ts')).items), ['cc-sytnax']);
  });
});
