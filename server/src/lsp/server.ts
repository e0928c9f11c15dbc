// The language server: wires LSP requests and notifications to thin modules over the engine (no rule logic here).
import {
  DidChangeConfigurationNotification, type CodeAction, type Connection, type InitializeParams, type InitializeResult, type WorkspaceFolder,
} from 'vscode-languageserver/node';
import { VERSION } from '../version';
import { clientCaps, serverCapabilities } from './capabilities';
import { fixAllAction, quickFixes, wants } from './code-actions';
import { DocumentsHost, pathToUri, uriToPath } from './documents-host';
import { documentEdit, regionEdit } from './fix-all';
import { describe, guardEvent, guardRequest } from './guard';
import { hoverAt } from './hover';
import { withRuleNotes } from './rule-hover';
import { INTERNAL_ERROR, LintService, type LintEntry } from './linting';
import { APPLY_FIX_ALL_COMMAND, FIX_ALL_KIND, OPEN_DOCS_COMMAND, STATUS_NOTIFICATION, type ApplyFixAllArgs, type StatusParams } from './protocol';
import { Reporting } from './reporting';
import { SettingsStore } from './settings';
import { CACHE_STATS_REQUEST, cacheStatsEnabled, currentTransportStats, liveHeap, testRules } from './test-hooks';
import { classify, isProjectFile, registerWatchers } from './watchers';
import { WorkspaceScanner } from './workspace-scan';

/** Starts edgelint's language server on a connection (stdio, node-ipc or socket) and begins listening. */
export function startServer(connection: Connection): void {
  const log = (message: string) => connection.console.error(message);
  const info = (message: string) => connection.console.log(message);
  const caps = clientCaps({ capabilities: {} } as InitializeParams);
  const host = new DocumentsHost();
  const settings = new SettingsStore(connection, () => caps.configuration, info);
  const linter = new LintService(host, testRules(), log, (entry) => status(entry));
  const scanner = new WorkspaceScanner(host, linter, (uri) => settings.get(uri), info);
  const reporting = new Reporting({ connection, caps, host, settings, linter, scanner, log: info, error: log });
  const status = (entry: LintEntry) => {
    if (!caps.statusNotifications || entry.version === null) return;
    const params: StatusParams = {
      uri: entry.uri, state: entry.problems.some((p) => p.ruleId === INTERNAL_ERROR) ? 'error' : 'ok',
      problems: entry.problems.length, ms: entry.ms, time: new Date().toISOString(),
    };
    connection.sendNotification(STATUS_NOTIFICATION, params).catch(() => undefined);
  };
  const folderPaths = (folders: readonly WorkspaceFolder[]) => folders.map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
  let folders: WorkspaceFolder[] = [];

  connection.onInitialize(guardRequest(log, 'initialize', { capabilities: {} } as InitializeResult, (params: InitializeParams) => {
    Object.assign(caps, clientCaps(params));
    settings.clear(params.initializationOptions);
    folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
    scanner.setFolders(folderPaths(folders));
    linter.setRoots(folderPaths(folders));
    info(`edgelint ${VERSION} language server: ${caps.pull ? 'pull' : 'push'} diagnostics, ${folders.length} workspace folder(s)`);
    return { capabilities: serverCapabilities(caps), serverInfo: { name: 'edgelint', version: VERSION } };
  }));

  connection.onInitialized(guardEvent(log, 'initialized', async () => {
    if (caps.configurationChange) await connection.client.register(DidChangeConfigurationNotification.type, { section: 'edgelint' });
    if (caps.watchers) await registerWatchers(connection);
    if (caps.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(guardEvent(log, 'didChangeWorkspaceFolders', (event) => {
        const removed = new Set(event.removed.map((f) => f.uri));
        folders = [...folders.filter((f) => !removed.has(f.uri)), ...event.added];
        scanner.setFolders(folderPaths(folders));
    linter.setRoots(folderPaths(folders));
        reporting.backgroundScan();
      }));
    }
    reporting.backgroundScan();
  }));

  // Documents: incremental sync. A change to an open config document changes project facts for every other file.
  const { documents } = host;
  const opening = new Set<string>();
  documents.onDidOpen(guardEvent(log, 'didOpen', ({ document }) => {
    opening.add(document.uri); // onDidChangeContent follows for the same open: not an edit
    linter.markSaved(document);
    reporting.schedule(document.uri, 0);
  }));
  documents.onDidChangeContent(guardEvent(log, 'didChange', ({ document }) => {
    if (opening.delete(document.uri)) return;
    const path = uriToPath(document.uri);
    if (path && isProjectFile(path)) reporting.projectChanged(`${path} edited`);
    // Files that call helpers in this one (module summaries) are re-linted too; facts stay.
    else if (path) reporting.dependentsChanged(linter.importersOf(path).filter((p) => p !== path).map(pathToUri).filter((uri) => host.get(uri)));
    reporting.schedule(document.uri);
  }));
  documents.onDidSave(guardEvent(log, 'didSave', ({ document }) => {
    linter.markSaved(document);
    reporting.schedule(document.uri, 0);
  }));
  documents.onDidClose(guardEvent(log, 'didClose', ({ document }) => {
    linter.forget(document.uri);
    settings.forget(document.uri);
    reporting.closed(document.uri);
    const path = uriToPath(document.uri);
    // Unsaved edits to a config document are gone: facts come from the disk again.
    if (path && isProjectFile(path)) reporting.projectChanged(`${path} closed`);
  }));
  documents.listen(connection);

  connection.languages.diagnostics.on(guardRequest(log, 'textDocument/diagnostic', { kind: 'full', items: [] } as never, (params, token) => reporting.pullDocument(params, token)));
  connection.languages.diagnostics.onWorkspace(guardRequest(log, 'workspace/diagnostic', { items: [] }, (params, token) => reporting.pullWorkspace(params, token)));

  connection.onDidChangeConfiguration(guardEvent(log, 'didChangeConfiguration', (params) => {
    settings.clear(params.settings);
    reporting.projectChanged('settings changed', false);
  }));
  connection.onDidChangeWatchedFiles(guardEvent(log, 'didChangeWatchedFiles', (params) => {
    const change = classify(params);
    if (change.filesAddedOrRemoved) scanner.markDirty();
    if (change.projectChanged) reporting.projectChanged(`changed on disk: ${change.paths.join(', ')}`);
    else reporting.backgroundScan();
  }));

  const fixedText = async (uri: string) => {
    const doc = host.get(uri);
    if (!doc) return undefined;
    const fixed = linter.fixAll(doc, await settings.get(uri));
    return fixed === undefined ? undefined : { doc, fixed, entry: linter.current(doc, await settings.get(uri)) };
  };

  connection.onCodeAction(guardRequest(log, 'textDocument/codeAction', [] as CodeAction[], async (params) => {
    const doc = host.get(params.textDocument.uri);
    if (!doc) return [];
    const current = await settings.get(doc.uri);
    if (!current.enable) return [];
    const actions = wants(params.context.only, 'quickfix') ? quickFixes(params, doc, linter.current(doc, current), caps.documentChanges) : [];
    if (wants(params.context.only, FIX_ALL_KIND)) {
      const result = await fixedText(doc.uri);
      if (result && result.doc.version === doc.version) actions.push(fixAllAction(doc, result.entry, result.fixed, caps.documentChanges));
    }
    return actions;
  }));

  connection.onHover(guardRequest(log, 'textDocument/hover', null, async (params) => {
    const doc = host.get(params.textDocument.uri);
    if (!doc) return null;
    const current = await settings.get(doc.uri);
    const problems = current.enable ? linter.current(doc, current).problems : [];
    return withRuleNotes(hoverAt(doc, params.position, (path) => linter.project.factsFor(path)), doc, params.position, problems);
  }));

  connection.onExecuteCommand(guardRequest(log, 'workspace/executeCommand', null, async (params) => {
    const [arg] = params.arguments ?? [];
    if (params.command === APPLY_FIX_ALL_COMMAND) {
      const target = typeof arg === 'string' ? { uri: arg } : arg as Partial<ApplyFixAllArgs> | undefined;
      if (!target?.uri) return null;
      const result = await fixedText(target.uri);
      if (!result || (target.version !== undefined && target.version !== result.doc.version)) return null;
      const edit = documentEdit(result.doc, [regionEdit(result.entry.index, result.entry.text, result.fixed)], caps.documentChanges);
      const applied = await connection.workspace.applyEdit({ label: 'edgelint: fix all', edit });
      return { applied: applied.applied };
    }
    if (params.command === OPEN_DOCS_COMMAND && typeof arg === 'string' && caps.showDocument && /^https:\/\//.test(arg)) {
      await connection.window.showDocument({ uri: arg, external: true });
    }
    return null;
  }));

  if (cacheStatsEnabled()) {
    connection.onRequest(CACHE_STATS_REQUEST, () => ({ ...linter.stats(), openDocuments: host.all().length, transport: currentTransportStats(), heap: liveHeap() }));
  }

  connection.onShutdown(guardRequest(log, 'shutdown', undefined, () => reporting.dispose()));
  process.on('uncaughtException', (error) => log(`edgelint: uncaught exception: ${describe(error)}`));
  process.on('unhandledRejection', (error) => log(`edgelint: unhandled rejection: ${describe(error)}`));
  connection.listen();
}
