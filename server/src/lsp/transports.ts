// The language server's transports: `--stdio` (default), `--socket=N` (127.0.0.1), `--pipe=NAME` and `--node-ipc`, each
// through the guarded readers (guarded-transport.ts); a transport argument that cannot be served is refused at startup.
import type { Duplex } from 'node:stream';
import { createServerPipeTransport, createServerSocketTransport, IPCMessageWriter, type MessageWriter } from 'vscode-languageserver/node';
import { GuardedIpcReader, GuardedReader } from './guarded-transport';
import { runStdio, serveGuarded } from './stdio';

/** The transports `dist/server.js` serves, for startup errors and the README. */
export const SUPPORTED_TRANSPORTS = '--stdio (default), --socket=<port> (connects to 127.0.0.1:<port>), --pipe=<name> (a local pipe or socket path), --node-ipc';

/** A transport chosen on the command line. */
export type Transport = { kind: 'stdio' } | { kind: 'node-ipc' } | { kind: 'socket'; port: number } | { kind: 'pipe'; name: string };

/** The first transport argument (`--socket=N` or `--socket N`, the library's spellings); stdio when there is none. */
export function parseTransport(args: readonly string[]): Transport | { error: string } {
  for (let i = 0; i < args.length; i++) {
    const match = /^--(stdio|node-ipc|socket|pipe)(?:=(.*))?$/s.exec(args[i]!);
    if (!match) continue;
    const kind = match[1] as Transport['kind'];
    if (kind === 'stdio' || kind === 'node-ipc') return match[2] === undefined ? { kind } : { error: `--${kind} takes no value` };
    const value = match[2] ?? (args[i + 1]?.startsWith('--') ? undefined : args[i + 1]);
    if (!value) return { error: `--${kind} needs a ${kind === 'socket' ? 'port' : 'name'}` };
    if (kind === 'pipe') return { kind, name: value };
    const port = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
    return port >= 1 && port <= 65535 ? { kind, port } : { error: `--socket needs a port from 1 to 65535, not '${value.slice(0, 40)}'` };
  }
  return { kind: 'stdio' };
}

/** Serves the language server on a transport; returns an error message instead when it cannot be served. */
export function serveTransport(transport: Transport): string | undefined {
  switch (transport.kind) {
    case 'stdio':
      runStdio();
      return undefined;
    case 'node-ipc': {
      if (typeof process.send !== 'function') return '--node-ipc needs an IPC channel (start the server with child_process.fork)';
      const writer = new IPCMessageWriter(process);
      serveGuarded(new GuardedIpcReader(process, writer), writer, { source: process, events: ['disconnect'] }, false);
      return undefined;
    }
    case 'socket':
    case 'pipe': {
      const where = transport.kind === 'socket' ? `127.0.0.1:${transport.port}` : transport.name;
      // The library opens the connection (loopback or a local pipe only); its writer frames output, our reader reads.
      const [, writer] = transport.kind === 'socket' ? createServerSocketTransport(transport.port) : createServerPipeTransport(transport.name);
      const socket = socketOf(writer);
      if (!socket) return `--${transport.kind}: the transport library changed; cannot guard its connection`;
      socket.on('error', (error: Error) => process.stderr.write(`edgelint language server: ${where}: ${error.message}\n`));
      serveGuarded(new GuardedReader(socket, writer), writer, { source: socket, events: ['end', 'close'] }, false);
      return undefined;
    }
  }
}

/** The connection under the library's SocketMessageWriter (it keeps it to destroy it on dispose). */
function socketOf(writer: MessageWriter): Duplex | undefined {
  const socket = (writer as unknown as { socket?: Duplex }).socket;
  return socket && typeof socket.on === 'function' && typeof socket.write === 'function' ? socket : undefined;
}
