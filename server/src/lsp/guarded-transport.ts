// The transports' protocol guards (stdio, socket, pipe, node-ipc): bad framing is skipped, invalid JSON gets -32700, requests
// before initialize -32002 and after shutdown -32600 (LSP spec), answered here before the library sees them.
import {
  AbstractMessageReader, ErrorCodes, type DataCallback, type Disposable, type Message, type MessageReader, type MessageWriter,
} from 'vscode-languageserver/node';
import { Framer } from './framing';

type Id = number | string | null;

/** Where the transport reports dropped input (the client's log once connected). */
export type TransportLog = (message: string) => void;

/** Lifecycle state the guard enforces: initialize first, nothing but exit after shutdown. */
export class ProtocolGate {
  initialized = false;
  shutdown = false;

  /** True when the message may reach the server; otherwise it was answered (requests) or dropped (notifications). */
  admit(message: Record<string, unknown>, reply: (id: Id, code: number, text: string) => void): boolean {
    const method = typeof message.method === 'string' ? message.method : undefined;
    const isRequest = method !== undefined && 'id' in message;
    if (method === undefined) return true; // a response to one of the server's requests
    if (!isRequest) return this.initialized ? true : method === 'exit';
    const id = message.id as Id;
    if (!this.initialized && method !== 'initialize') {
      reply(id, ErrorCodes.ServerNotInitialized, 'Server not initialized');
      return false;
    }
    if (this.shutdown) {
      reply(id, ErrorCodes.InvalidRequest, 'Server is shutting down');
      return false;
    }
    if (method === 'initialize') this.initialized = true;
    if (method === 'shutdown') this.shutdown = true;
    return true;
  }
}

/** Reads framed JSON-RPC from a stream; never stops reading because of one bad message. */
export class GuardedReader extends AbstractMessageReader implements MessageReader {
  private readonly framer = new Framer();
  log: TransportLog = () => undefined;

  constructor(
    private readonly input: NodeJS.ReadableStream,
    private readonly writer: MessageWriter,
    readonly gate = new ProtocolGate(),
  ) {
    super();
  }

  /** Bytes the framing holds between messages (the test-only stats request). */
  stats(): { pendingBytes: number; retainedBytes: number } {
    return { pendingBytes: this.framer.pending, retainedBytes: this.framer.retained };
  }

  listen(callback: DataCallback): Disposable {
    const onData = (chunk: Buffer | string) => {
      for (const frame of this.framer.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk)) {
        if (frame.type === 'bad-header') this.log(`edgelint: dropped malformed LSP header (${frame.reason})`);
        else this.deliver(frame.body, callback);
      }
    };
    this.input.on('data', onData);
    this.input.on('error', (error: Error) => this.fireError(error));
    this.input.on('close', () => this.fireClose());
    return { dispose: () => this.input.off('data', onData) };
  }

  private deliver(body: Buffer, callback: DataCallback): void {
    let message: unknown;
    try {
      message = JSON.parse(body.toString('utf8'));
    } catch {
      this.reply(null, ErrorCodes.ParseError, 'Parse error: the message is not valid JSON');
      return;
    }
    admitParsed(message, this.gate, this.writer, callback);
  }

  private reply(id: Id, code: number, message: string): void {
    replyError(this.writer, id, code, message);
  }
}

/**
 * Reads node-ipc messages (`--node-ipc`, VS Code's transport): Node frames and parses them, so only the JSON-RPC shape
 * and the lifecycle are checked, as for streams.
 */
export class GuardedIpcReader extends AbstractMessageReader implements MessageReader {
  constructor(
    private readonly channel: NodeJS.EventEmitter,
    private readonly writer: MessageWriter,
    readonly gate = new ProtocolGate(),
  ) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    const onMessage = (message: unknown) => admitParsed(message, this.gate, this.writer, callback);
    this.channel.on('message', onMessage);
    this.channel.on('error', (error: Error) => this.fireError(error));
    this.channel.on('disconnect', () => this.fireClose());
    return { dispose: () => this.channel.off('message', onMessage) };
  }
}

/** Passes a parsed message on when it is JSON-RPC 2.0 and the lifecycle admits it; answers it otherwise. */
function admitParsed(message: unknown, gate: ProtocolGate, writer: MessageWriter, callback: DataCallback): void {
  if (!isMessage(message)) {
    const id = typeof message === 'object' && message !== null && 'id' in message ? (message as { id: Id }).id : null;
    replyError(writer, validId(id) ? id : null, ErrorCodes.InvalidRequest, 'Invalid request: not a JSON-RPC 2.0 message');
    return;
  }
  if (gate.admit(message, (id, code, text) => replyError(writer, id, code, text))) callback(message as unknown as Message);
}

function replyError(writer: MessageWriter, id: Id, code: number, message: string): void {
  writer.write({ jsonrpc: '2.0', id, error: { code, message } } as Message).catch(() => undefined);
}

function validId(id: unknown): id is Id {
  return id === null || typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id));
}

/** A JSON-RPC 2.0 request, notification or response object. */
function isMessage(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const message = value as Record<string, unknown>;
  if (message.jsonrpc !== '2.0') return false;
  if ('method' in message) return typeof message.method === 'string' && (!('id' in message) || validId(message.id));
  return 'id' in message && validId(message.id) && ('result' in message || 'error' in message);
}
