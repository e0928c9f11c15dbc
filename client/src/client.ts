// LanguageClient options: dist/server.js over node IPC, the document selector (data in selector.ts).
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type DocumentSelector, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { DOCUMENT_SELECTOR_DATA } from './selector';

/** Every file edgelint lints (from `selector.ts`, checked against the server's LANGUAGES table by a meta test). */
export const DOCUMENT_SELECTOR: DocumentSelector = DOCUMENT_SELECTOR_DATA.map((filter) => ({ ...filter }));

/** Creates (does not start) the client. Its id `edgelint` makes the library honour `edgelint.trace.server`. */
export function createClient(context: vscode.ExtensionContext, output: vscode.OutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    outputChannel: output,
    // The server pulls resource-scoped settings itself (workspace/configuration) and registers its own file watchers.
    initializationOptions: { statusNotifications: true },
    diagnosticPullOptions: { onChange: true, onSave: true },
  };
  return new LanguageClient('edgelint', 'edgelint', serverOptions, clientOptions);
}
