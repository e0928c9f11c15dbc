// Helpers for the extension-host suite: polling (never fixed sleeps), fixture paths, diagnostics lookups,
// code actions and restoring the per-run workspace copy to the pristine fixture after every test.
'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');

/** The pristine fixture in the repo; tests only ever mutate the per-run copy opened in the editor. */
const PRISTINE = process.env.EDGELINT_E2E_PRISTINE || path.join(__dirname, '..', 'workspace');
const EXT_ID = 'edgelint.edgelint';

/** Root of the workspace copy opened by the editor. */
function root() {
  const folders = vscode.workspace.workspaceFolders;
  assert.ok(folders && folders.length, 'no workspace folder open');
  return folders[0].uri;
}
function uri(rel) { return vscode.Uri.joinPath(root(), ...rel.split('/')); }
function pristineText(rel) { return fs.readFileSync(path.join(PRISTINE, rel), 'utf8'); }

/** Poll fn() until it returns a truthy value; on timeout throw with describe() of the last state. */
async function waitFor(what, fn, { timeoutMs = 30000, stepMs = 100, describe } = {}) {
  const end = Date.now() + timeoutMs;
  let last;
  for (;;) {
    last = await fn();
    if (last) return last;
    if (Date.now() > end) {
      const state = describe ? describe() : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${state ? `; last state: ${state}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, stepMs));
  }
}

function ruleOf(d) { return d.code && typeof d.code === 'object' ? String(d.code.value) : String(d.code); }
// Fail fast when the server is dead: until a first edgelint diagnostic has been seen, only the first wait gets
// the long (cold start) timeout; later waits give up after a few seconds instead of 30 s each.
let everSeen = false;
let coldWaitUsed = false;
function edgelintDiags(u) {
  const list = vscode.languages.getDiagnostics(u).filter((d) => d.source === 'edgelint');
  if (list.length) everSeen = true;
  return list;
}
function diagTimeout(ms) {
  if (everSeen) return ms;
  if (!coldWaitUsed) { coldWaitUsed = true; return Math.max(ms, 45000); }
  return Math.min(ms, 5000);
}
function fmtDiag(d) {
  const sev = ['Error', 'Warning', 'Information', 'Hint'][d.severity];
  return `${ruleOf(d)}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}(${sev})`;
}
function describeDiags(u) { return () => `[${edgelintDiags(u).map(fmtDiag).join(', ')}]`; }

/** Wait until an edgelint diagnostic of `rule` (optionally matching pred) is present; returns it. */
function waitForDiag(u, rule, pred = () => true, timeoutMs = 30000) {
  return waitFor(`${rule} on ${path.basename(u.fsPath)}`,
    () => edgelintDiags(u).find((d) => ruleOf(d) === rule && pred(d)), { timeoutMs: diagTimeout(timeoutMs), describe: describeDiags(u) });
}
/** Wait until no edgelint diagnostic of `rule` is present. */
function waitForNoDiag(u, rule, timeoutMs = 30000) {
  return waitFor(`${rule} to disappear from ${path.basename(u.fsPath)}`,
    () => !edgelintDiags(u).some((d) => ruleOf(d) === rule), { timeoutMs, describe: describeDiags(u) });
}

/** Range of `needle` (first occurrence, or inside `within` when given) in a document. */
function rangeOf(doc, needle, within) {
  const text = doc.getText();
  const base = within === undefined ? 0 : text.indexOf(within);
  assert.ok(base >= 0, `fixture text ${JSON.stringify(within)} not found in ${doc.uri.fsPath}`);
  const at = text.indexOf(needle, base);
  assert.ok(at >= 0, `fixture text ${JSON.stringify(needle)} not found in ${doc.uri.fsPath}`);
  return new vscode.Range(doc.positionAt(at), doc.positionAt(at + needle.length));
}
function lineOf(doc, needle) { return rangeOf(doc, needle).start.line; }
function fmtRange(r) { return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`; }

async function open(rel) {
  const doc = await vscode.workspace.openTextDocument(uri(rel));
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/**
 * Code actions at a range (optionally of one kind), as returned to the editor. Retries a "Canceled" rejection:
 * while tsserver is still loading the project, TypeScript's own quick-fix provider gets cancelled and VS Code
 * rethrows provider cancellations from vscode.executeCodeActionProvider (seen on the first request for a .ts
 * file in a fresh window, ~2 s in; not an edgelint problem: the same request succeeds right after).
 */
async function codeActions(u, range, kind, timeoutMs = 30000) {
  const args = ['vscode.executeCodeActionProvider', u, range];
  if (kind) args.push(kind);
  const end = Date.now() + timeoutMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return (await vscode.commands.executeCommand(...args)) || [];
    } catch (e) {
      if (!/Canceled/.test(String(e)) || Date.now() > end) throw e;
      console.log(`[edgelint-e2e] executeCodeActionProvider was cancelled (attempt ${attempt}); retrying`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}
function titles(actions) { return actions.map((a) => a.title); }

/** Apply a code action the way the editor does: its edit first, then its command. */
async function applyAction(action) {
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `applyEdit failed for "${action.title}"`);
  if (action.command) {
    const c = action.command;
    await vscode.commands.executeCommand(c.command, ...(c.arguments || []));
  }
}

async function replaceAll(doc, text) {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text);
  assert.ok(await vscode.workspace.applyEdit(edit), 'applyEdit(replaceAll) failed');
}

/** Replace the first occurrence of `from` with `to` in an open document (through a WorkspaceEdit). */
async function replaceText(doc, from, to) {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, rangeOf(doc, from), to);
  assert.ok(await vscode.workspace.applyEdit(edit), `applyEdit(${from} -> ${to}) failed`);
}

function listFiles(dir, rel = '') {
  const out = [];
  for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...listFiles(dir, r));
    else out.push(r);
  }
  return out;
}

const touchedSettings = new Set();
/** Update a workspace-level setting for this test (restored by restoreWorkspace). */
async function setWorkspaceSetting(section, key, value) {
  touchedSettings.add(`${section}\u0000${key}`);
  await vscode.workspace.getConfiguration(section).update(key, value, vscode.ConfigurationTarget.Workspace);
}

/**
 * Bring the workspace copy back to the pristine fixture: reset touched settings, undo unsaved edits and
 * saved changes of open documents through the editor (so the server sees them), rewrite other files on
 * disk, drop files the test created. Asserts that every file matches the fixture afterwards.
 */
async function restoreWorkspace() {
  for (const k of touchedSettings) {
    const [section, key] = k.split('\u0000');
    await vscode.workspace.getConfiguration(section).update(key, undefined, vscode.ConfigurationTarget.Workspace);
  }
  touchedSettings.clear();
  const rootPath = root().fsPath;
  for (const rel of listFiles(PRISTINE)) {
    const want = pristineText(rel);
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === path.join(rootPath, rel));
    if (doc && (doc.isDirty || doc.getText() !== want)) {
      if (doc.getText() !== want) await replaceAll(doc, want);
      await doc.save();
    }
    const file = path.join(rootPath, rel);
    if (fs.readFileSync(file, 'utf8') !== want) fs.writeFileSync(file, want);
  }
  fs.rmSync(path.join(rootPath, '.vscode'), { recursive: true, force: true });
  const extra = listFiles(rootPath).filter((r) => !fs.existsSync(path.join(PRISTINE, r)));
  assert.deepStrictEqual(extra, [], 'files left behind in the workspace copy');
  for (const rel of listFiles(PRISTINE)) {
    assert.strictEqual(fs.readFileSync(path.join(rootPath, rel), 'utf8'), pristineText(rel), `${rel} not restored`);
  }
}

module.exports = {
  EXT_ID, PRISTINE, root, uri, pristineText, waitFor, ruleOf, edgelintDiags, fmtDiag, describeDiags, waitForDiag,
  waitForNoDiag, rangeOf, lineOf, fmtRange, open, codeActions, titles, applyAction, replaceAll, replaceText,
  setWorkspaceSetting, restoreWorkspace,
};
