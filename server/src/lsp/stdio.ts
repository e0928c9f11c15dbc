// Runs the language server over stdin/stdout (`edgelint --lsp`, `node dist/server.js --stdio`, any editor's LSP client).
import { createConnection, ProposedFeatures, StreamMessageWriter, type MessageReader, type MessageWriter } from 'vscode-languageserver/node';
import { GuardedReader, type ProtocolGate, type TransportLog } from './guarded-transport';
import { startServer } from './server';
import { setTransportStats } from './test-hooks';

/** A guarded reader of any transport (guarded-transport.ts). */
export interface GuardedMessageReader extends MessageReader {
  readonly gate: ProtocolGate;
  log?: TransportLog;
  stats?(): Record<string, number>;
}

/** Where a transport ends: the events of `source` after which the server exits (0 only after shutdown, as the library). */
export interface TransportEnd {
  source: NodeJS.EventEmitter;
  events: readonly string[];
}

/** Starts the server on a guarded reader and a writer; `routeConsole` sends console output to the client's log. */
export function serveGuarded(reader: GuardedMessageReader, writer: MessageWriter, end: TransportEnd, routeConsole: boolean): void {
  const exit = () => process.exit(reader.gate.shutdown ? 0 : 1);
  for (const event of end.events) end.source.on(event, exit);
  const connection = createConnection(ProposedFeatures.all, reader, writer);
  if (routeConsole) {
    const toClient = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
    console.log = toClient;
    console.info = toClient;
    console.debug = toClient;
    console.warn = (...args: unknown[]) => connection.console.warn(args.map(String).join(' '));
    console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));
  }
  reader.log = (message) => connection.console.warn(message);
  setTransportStats(() => reader.stats?.() ?? {});
  startServer(connection);
}

/** Starts the server on stdio. stdout carries JSON-RPC only, so console output is routed to the client's log. */
export function runStdio(): void {
  // Own framing and lifecycle guards (guarded-transport.ts): malformed input is answered or skipped, never a silent hang.
  const writer = new StreamMessageWriter(process.stdout);
  // The editor closed our stdin: exit as the library does for raw streams.
  serveGuarded(new GuardedReader(process.stdin, writer), writer, { source: process.stdin, events: ['end', 'close'] }, true);
}

/** Alias of runStdio for the CLI's `--lsp` flag. */
export const runLanguageServerStdio = runStdio;
