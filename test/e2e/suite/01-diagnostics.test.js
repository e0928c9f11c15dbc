// Diagnostics in the real editor: rule ids (diag.code.value), docs links, ranges and severities on the
// fixture Worker, wrangler.toml, legacy/wrangler.jsonc, legacy/src/worker.js and public/_headers.
'use strict';
const assert = require('assert');
const vscode = require('vscode');
const u = require('./util');

const { Error: ERROR, Warning: WARNING } = vscode.DiagnosticSeverity;

describe('edgelint diagnostics (extension host)', function () {
  afterEach(u.restoreWorkspace);

  it('the extension is installed and activates', async () => {
    const ext = vscode.extensions.getExtension(u.EXT_ID);
    assert.ok(ext, `extension ${u.EXT_ID} not found`);
    await ext.activate();
    assert.ok(ext.isActive, 'extension did not activate');
    console.log(`[edgelint-e2e] ${u.EXT_ID}@${ext.packageJSON.version} at ${ext.extensionPath}; VS Code ${vscode.version}; workspace ${u.root().fsPath}`);
  });

  it('registers the edgelint commands', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const c of ['edgelint.restart', 'edgelint.showOutput', 'edgelint.fixAll']) assert.ok(all.includes(c), `command ${c} missing`);
  });

  it('gives _headers files the cloudflare-headers language id', async () => {
    const doc = await u.open('public/_headers');
    assert.strictEqual(doc.languageId, 'cloudflare-headers');
  });

  it('src/index.ts: kv-cachettl-below-minimum (Error, on the 10) and cc-syntax (Warning, on the ;)', async () => {
    const doc = await u.open('src/index.ts');
    const kv = await u.waitForDiag(doc.uri, 'kv-cachettl-below-minimum');
    const cc = await u.waitForDiag(doc.uri, 'cc-syntax');
    assert.strictEqual(kv.severity, ERROR, 'kv-cachettl-below-minimum severity');
    assert.strictEqual(cc.severity, WARNING, 'cc-syntax severity');
    const want10 = u.rangeOf(doc, '10', 'cacheTtl: 10');
    const wantSemi = u.rangeOf(doc, ';', "'public; max-age=60'");
    assert.strictEqual(u.fmtRange(kv.range), u.fmtRange(want10), 'kv-cachettl-below-minimum range = the 10 literal');
    assert.strictEqual(u.fmtRange(cc.range), u.fmtRange(wantSemi), "cc-syntax range = the ';'");
    for (const d of [kv, cc]) {
      assert.strictEqual(typeof d.code, 'object', `${u.ruleOf(d)}: code should be {value, target} (codeDescription.href set)`);
      assert.ok(d.code.target instanceof vscode.Uri, `${u.ruleOf(d)}: code.target should be a Uri`);
      assert.ok(d.code.target.toString().includes(u.ruleOf(d)), `${u.ruleOf(d)}: docs link ${d.code.target} should name the rule`);
      assert.ok(d.message.length > 10, `${u.ruleOf(d)}: message too short: ${d.message}`);
    }
    console.log(`[edgelint-e2e] src/index.ts: ${u.describeDiags(doc.uri)()}`);
  });

  it('wrangler.toml: wrangler-workers-sites-deprecated (Warning) on [site]', async () => {
    const doc = await u.open('wrangler.toml');
    const d = await u.waitForDiag(doc.uri, 'wrangler-workers-sites-deprecated');
    assert.strictEqual(d.severity, WARNING);
    assert.strictEqual(d.range.start.line, u.lineOf(doc, '[site]'), `range ${u.fmtRange(d.range)} should start on the [site] line`);
  });

  it('legacy/wrangler.jsonc: wrangler-workers-sites-deprecated (Warning) on "site"', async () => {
    const doc = await u.open('legacy/wrangler.jsonc');
    const d = await u.waitForDiag(doc.uri, 'wrangler-workers-sites-deprecated');
    assert.strictEqual(d.severity, WARNING);
    assert.strictEqual(d.range.start.line, u.lineOf(doc, '"site"'), `range ${u.fmtRange(d.range)} should start on the "site" line`);
  });

  it('legacy/src/worker.js: cc-conflicting-directives (Warning); cacheTtl: 300 stays clean', async () => {
    const doc = await u.open('legacy/src/worker.js');
    const d = await u.waitForDiag(doc.uri, 'cc-conflicting-directives');
    assert.strictEqual(d.severity, WARNING);
    const value = u.rangeOf(doc, 'no-store, max-age=600');
    assert.ok(value.contains(d.range) || d.range.contains(value) || value.intersection(d.range),
      `range ${u.fmtRange(d.range)} should overlap the value ${u.fmtRange(value)}`);
    assert.ok(!u.edgelintDiags(doc.uri).some((x) => u.ruleOf(x) === 'kv-cachettl-below-minimum'), 'cacheTtl: 300 must not be reported');
  });

  it('public/_headers: headers-syntax (Error, missing colon) and cc-conflicting-directives (Warning)', async () => {
    const doc = await u.open('public/_headers');
    const syn = await u.waitForDiag(doc.uri, 'headers-syntax');
    assert.strictEqual(syn.severity, ERROR);
    assert.match(syn.message, /is neither a "Name: value" nor a "! Name" line/);
    assert.strictEqual(syn.range.start.line, u.lineOf(doc, '  Cache-Control public'), `headers-syntax range ${u.fmtRange(syn.range)}`);
    const conf = await u.waitForDiag(doc.uri, 'cc-conflicting-directives');
    assert.strictEqual(conf.severity, WARNING);
    assert.strictEqual(conf.range.start.line, u.lineOf(doc, 'no-store, max-age=600'), `cc-conflicting-directives range ${u.fmtRange(conf.range)}`);
    assert.ok(!u.edgelintDiags(doc.uri).some((x) => x.range.start.line <= u.lineOf(doc, 'public, max-age=3600')),
      `the /static/* rule must stay clean: ${u.describeDiags(doc.uri)()}`);
  });
});
