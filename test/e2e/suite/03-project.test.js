// Project facts and settings in the real editor: a wrangler.toml edit re-lints the open Worker source;
// edgelint.rules / edgelint.enable settings take effect without a reload.
'use strict';
const assert = require('assert');
const u = require('./util');

const KV_BLOCK = /\[\[kv_namespaces\]\]\nbinding = "SESSIONS"\nid = "[0-9a-f]+"/;
const R2_BLOCK = '[[r2_buckets]]\nbinding = "SESSIONS"\nbucket_name = "sessions"';

describe('edgelint project facts and settings (extension host)', function () {
  afterEach(u.restoreWorkspace);

  it('editing wrangler.toml (SESSIONS: KV -> R2 and back) re-lints the open src/index.ts', async () => {
    const src = await u.open('src/index.ts');
    await u.waitForDiag(src.uri, 'kv-cachettl-below-minimum');
    const toml = await u.open('wrangler.toml');
    const kvBlock = toml.getText().match(KV_BLOCK);
    assert.ok(kvBlock, 'fixture wrangler.toml has no [[kv_namespaces]] SESSIONS block');
    await u.replaceText(toml, kvBlock[0], R2_BLOCK);
    assert.ok(await toml.save(), 'save wrangler.toml (R2)');
    await u.waitForNoDiag(src.uri, 'kv-cachettl-below-minimum');
    assert.ok(u.edgelintDiags(src.uri).some((d) => u.ruleOf(d) === 'cc-syntax'), 'cc-syntax must stay');
    await u.replaceText(toml, R2_BLOCK, kvBlock[0]);
    assert.ok(await toml.save(), 'save wrangler.toml (KV again)');
    assert.strictEqual(toml.getText(), u.pristineText('wrangler.toml'));
    await u.waitForDiag(src.uri, 'kv-cachettl-below-minimum');
  });

  it('edgelint.rules {"cc-syntax": "off"} silences the rule; removing it brings it back', async () => {
    const doc = await u.open('src/index.ts');
    await u.waitForDiag(doc.uri, 'cc-syntax');
    await u.setWorkspaceSetting('edgelint', 'rules', { 'cc-syntax': 'off' });
    await u.waitForNoDiag(doc.uri, 'cc-syntax');
    assert.ok(u.edgelintDiags(doc.uri).some((d) => u.ruleOf(d) === 'kv-cachettl-below-minimum'), 'other rules must stay');
    await u.setWorkspaceSetting('edgelint', 'rules', undefined);
    await u.waitForDiag(doc.uri, 'cc-syntax');
  });

  it('edgelint.enable false clears edgelint diagnostics; true brings them back', async () => {
    const doc = await u.open('src/index.ts');
    await u.waitForDiag(doc.uri, 'cc-syntax');
    await u.setWorkspaceSetting('edgelint', 'enable', false);
    await u.waitFor('no edgelint diagnostics', () => u.edgelintDiags(doc.uri).length === 0, { describe: u.describeDiags(doc.uri) });
    await u.setWorkspaceSetting('edgelint', 'enable', undefined);
    await u.waitForDiag(doc.uri, 'cc-syntax');
  });
});
