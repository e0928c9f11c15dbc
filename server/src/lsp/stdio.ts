// Runs the language server over stdin/stdout (`edgelint --lsp`, `node dist/server.js --stdio`, any editor's LSP client).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

/** Starts the server on stdio. stdout carries JSON-RPC only, so console output is routed to the client's log. */
export function runStdio(): void {
  // Raw streams (not message readers) so the library exits the process when stdin closes.
  const connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout);
  const toClient = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
  console.log = toClient;
  console.info = toClient;
  console.debug = toClient;
  console.warn = (...args: unknown[]) => connection.console.warn(args.map(String).join(' '));
  console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));
  startServer(connection);
}

/** Alias of runStdio for the CLI's `--lsp` flag. */
export const runLanguageServerStdio = runStdio;
