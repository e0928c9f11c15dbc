// LanguageClient options: dist/server.js over node IPC, the document selector (incl. wrangler.toml and _headers by pattern).
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type DocumentSelector, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

/** Every file edgelint lints: Worker sources by language, config files by name (VS Code has no built-in TOML language). */
export const DOCUMENT_SELECTOR: DocumentSelector = [
  ...['javascript', 'typescript', 'javascriptreact', 'typescriptreact', 'cloudflare-headers'].map((language) => ({ scheme: 'file', language })),
  ...['**/wrangler.{toml,json,jsonc}', '**/_headers', '**/package.json', '**/.edgelintrc.json', '**/.edgelintrc', '**/.github/workflows/*.{yml,yaml}']
    .map((pattern) => ({ scheme: 'file', pattern })),
];

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
