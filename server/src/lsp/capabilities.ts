// What the client can do (read once from initialize) and what the server announces in return.
import { CodeActionKind, TextDocumentSyncKind, type InitializeParams, type ServerCapabilities } from 'vscode-languageserver/node';
import { APPLY_FIX_ALL_COMMAND, FIX_ALL_KIND } from './protocol';

/** The client features the server adapts to. */
export interface ClientCaps {
  /** textDocument/diagnostic: pull diagnostics (VS Code); otherwise push publishDiagnostics (Neovim 0.7). */
  pull: boolean;
  /** workspace/diagnostic/refresh. */
  refresh: boolean;
  /** workspace/configuration (per-resource settings). */
  configuration: boolean;
  /** Dynamic registration of workspace/didChangeWatchedFiles. */
  watchers: boolean;
  /** Dynamic registration of workspace/didChangeConfiguration. */
  configurationChange: boolean;
  /** WorkspaceEdit.documentChanges (version-checked edits). */
  documentChanges: boolean;
  /** window/showDocument with external URIs (the openDocs command for non-VS Code clients). */
  showDocument: boolean;
  /** workspace/didChangeWorkspaceFolders. */
  workspaceFolders: boolean;
  /** initializationOptions.statusNotifications: the client wants edgelint/status notifications. */
  statusNotifications: boolean;
}

/** Reads the client capabilities the server uses. */
export function clientCaps(params: InitializeParams): ClientCaps {
  const c = params.capabilities;
  const init = (params.initializationOptions ?? {}) as { statusNotifications?: unknown };
  return {
    pull: !!c.textDocument?.diagnostic,
    refresh: !!c.workspace?.diagnostics?.refreshSupport,
    configuration: !!c.workspace?.configuration,
    watchers: !!c.workspace?.didChangeWatchedFiles?.dynamicRegistration,
    configurationChange: !!c.workspace?.didChangeConfiguration?.dynamicRegistration,
    documentChanges: !!c.workspace?.workspaceEdit?.documentChanges,
    showDocument: !!c.window?.showDocument?.support,
    workspaceFolders: !!c.workspace?.workspaceFolders,
    statusNotifications: init.statusNotifications === true,
  };
}

/** The capabilities announced in the initialize result. */
export function serverCapabilities(caps: ClientCaps): ServerCapabilities {
  return {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
    hoverProvider: true,
    executeCommandProvider: { commands: [APPLY_FIX_ALL_COMMAND] },
    workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    ...(caps.pull ? { diagnosticProvider: { identifier: 'edgelint', interFileDependencies: true, workspaceDiagnostics: true } } : {}),
  };
}
