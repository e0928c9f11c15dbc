// Runs the language server over stdin/stdout (`edgelint --lsp`, `node dist/server.js --stdio`, any editor's LSP client).
import { createConnection, ProposedFeatures, StreamMessageWriter } from 'vscode-languageserver/node';
import { GuardedReader } from './guarded-transport';
import { startServer } from './server';

/** Starts the server on stdio. stdout carries JSON-RPC only, so console output is routed to the client's log. */
export function runStdio(): void {
  // Own framing and lifecycle guards (guarded-transport.ts): malformed input is answered or skipped, never a silent hang.
  const writer = new StreamMessageWriter(process.stdout);
  const reader = new GuardedReader(process.stdin, writer);
  // The editor closed our stdin: exit as the library does for raw streams (0 only after shutdown).
  const exit = () => process.exit(reader.gate.shutdown ? 0 : 1);
  process.stdin.on('end', exit);
  process.stdin.on('close', exit);
  const connection = createConnection(ProposedFeatures.all, reader, writer);
  const toClient = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
  console.log = toClient;
  console.info = toClient;
  console.debug = toClient;
  console.warn = (...args: unknown[]) => connection.console.warn(args.map(String).join(' '));
  console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));
  reader.log = (message) => connection.console.warn(message);
  startServer(connection);
}

/** Alias of runStdio for the CLI's `--lsp` flag. */
export const runLanguageServerStdio = runStdio;
