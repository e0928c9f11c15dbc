// The new file kinds in the editor: an open shell script and a wrangler variant get diagnostics; disable actions use `#`.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { find, startSession, type Session } from './fixtures';

const WARMUP = '#!/usr/bin/env bash\nfor p in / /blog; do\n  curl -s -o /dev/null "https://example.com$p"\ndone\n';

describe('shell scripts and wrangler variants in the editor', () => {
  let s: Session;
  before(async () => {
    s = await startSession({ files: { 'scripts/warmup-cache.sh': WARMUP, 'wrangler.staging.toml': 'name = "app"\ncompatibility_date = "2025-06-01"\n[site]\nbucket = "./public"\n' } });
  });
  after(() => s.dispose());

  it('a warm-up shell script: an information diagnostic, and "disable for this line" inserts a # comment that silences it', async () => {
    const uri = s.open('scripts/warmup-cache.sh', 'shellscript');
    const warming = find((await s.pull('scripts/warmup-cache.sh')).items, 'kv-deploy-warming');
    assert.ok(warming, 'reported');
    assert.equal(warming.severity, 3, 'information');
    assert.deepEqual(warming.range.start, { line: 2, character: 2 });
    const actions = await s.client.request('textDocument/codeAction', { textDocument: { uri }, range: warming.range, context: { diagnostics: [warming] } });
    const disable = actions.find((a: any) => a.title === 'Disable kv-deploy-warming for this line');
    const edit = disable.edit.documentChanges[0].edits[0];
    assert.equal(edit.newText, '  # edgelint-disable-next-line kv-deploy-warming\n');
    assert.equal(s.client.applyWorkspaceEdit(disable.edit), true);
    assert.deepEqual((await s.pull('scripts/warmup-cache.sh')).items, []);
  });

  it('wrangler.staging.toml is checked by the wrangler rules', async () => {
    s.open('wrangler.staging.toml', 'toml');
    assert.ok(find((await s.pull('wrangler.staging.toml')).items, 'wrangler-workers-sites-deprecated'));
  });
});
