// Names shared by the server and the VS Code client (no imports, so the client bundle stays free of server code).

/** The fix-all code action kind (editor.codeActionsOnSave: { "source.fixAll.edgelint": "explicit" }). */
export const FIX_ALL_KIND = 'source.fixAll.edgelint';
/** Client-side command that opens a rule's documentation (VS Code: vscode.env.openExternal; others: window/showDocument). */
export const OPEN_DOCS_COMMAND = 'edgelint.openDocs';
/** Server-side command: fix all auto-fixable problems of a document and apply the edit through workspace/applyEdit. */
export const APPLY_FIX_ALL_COMMAND = 'edgelint.applyFixAll';
/** Custom notification, sent only when initializationOptions.statusNotifications is true, feeding the status item. */
export const STATUS_NOTIFICATION = 'edgelint/status';

/** Arguments of APPLY_FIX_ALL_COMMAND: the document and, optionally, the version the fix must apply to. */
export interface ApplyFixAllArgs {
  uri: string;
  version?: number;
}

/** Payload of edgelint/status: one open document was linted. */
export interface StatusParams {
  uri: string;
  state: 'ok' | 'error';
  problems: number;
  ms: number;
  time: string;
}
