// A small JSON-RPC/LSP client for tests: spawns `node dist/server.js --stdio`, Content-Length framing, tracked documents,
// answers to server requests (configuration, registrations, applyEdit), and event-driven waits with timeouts (no sleeps).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { resolve } from 'node:path';

/** The built server the tests talk to (run `npm run build` first). */
export const SERVER_JS = resolve('dist/server.js');

/** Untyped JSON-RPC payloads (tests assert on their shape). */
type Json = any;
interface Position { line: number; character: number }
interface Range { start: Position; end: Position }
/** An LSP TextEdit. */
export interface TextEdit { range: Range; newText: string }

/** Options of LspClient.start. */
export interface StartOptions {
  /** Extra environment variables for the server process. */
  env?: Record<string, string>;
  args?: string[];
  /** Node options before the script (e.g. `--import` of a preload). */
  nodeArgs?: string[];
}

/** A message received from the server, in arrival order. */
export interface Received { method: string; params: Json }

/** Applies LSP text edits (UTF-16 positions) to a text; edits must not overlap. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = (p: Position) => Math.min(text.length, (p.line < starts.length ? starts[p.line]! : text.length) + p.character);
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let result = text;
  for (const edit of sorted) result = result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end));
  return result;
}

/** One server process and the client side of its connection. */
export class LspClient {
  readonly received: Received[] = [];
  readonly serverRequests: Received[] = [];
  readonly docs = new Map<string, { languageId: string; version: number; text: string }>();
  /** Latest publishDiagnostics per URI. */
  readonly published = new Map<string, Json[]>();
  /** Answers workspace/configuration for a scope URI (the `edgelint` section). */
  settings: (scopeUri: string | undefined) => Json = () => ({});
  stderr = '';
  /** Responses with no pending request (e.g. error answers with id null to unparsable input). */
  readonly unmatched: Json[] = [];
  exitCode?: number | null;
  private nextId = 1;
  private buffer = Buffer.alloc(0);
  private readonly pending = new Map<number, { resolve: (v: Json) => void; reject: (e: Error) => void; method: string }>();
  private readonly waiters = new Set<() => void>();
  private readonly handlers = new Map<string, (params: Json) => Json>();
  private readonly exited: Promise<number | null>;

  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    child.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    child.stderr.on('data', (chunk: Buffer) => { this.stderr += chunk.toString('utf8'); });
    this.exited = new Promise((done) => child.on('exit', (code) => {
      this.exitCode = code;
      for (const { reject, method } of this.pending.values()) reject(new Error(`server exited (${code}) before answering ${method}`));
      this.pending.clear();
      this.wake();
      done(code);
    }));
    this.handlers.set('workspace/configuration', (params) => params.items.map((item: Json) => this.settings(item.scopeUri)));
    this.handlers.set('workspace/applyEdit', (params) => ({ applied: this.applyWorkspaceEdit(params.edit) }));
    for (const method of ['client/registerCapability', 'client/unregisterCapability', 'workspace/diagnostic/refresh', 'window/workDoneProgress/create']) {
      this.handlers.set(method, () => null);
    }
    this.handlers.set('window/showDocument', () => ({ success: true }));
  }

  /** Spawns the built server over stdio. */
  static start(options: StartOptions = {}): LspClient {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), SERVER_JS, ...(options.args ?? ['--stdio'])], {
      env: { ...process.env, ...options.env }, stdio: ['pipe', 'pipe', 'pipe'],
    });
    return new LspClient(child);
  }

  /** Overrides the answer to a server->client request. */
  onRequest(method: string, handler: (params: Json) => Json): void {
    this.handlers.set(method, handler);
  }

  /** Sends a request and waits for its answer (rejects on an error answer or after timeoutMs). */
  request<T = Json>(method: string, params: Json, timeoutMs = 15000): Promise<T> {
    const id = this.nextId++;
    this.write({ jsonrpc: '2.0', id, method, params });
    return new Promise<T>((resolvePromise, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method} timed out after ${timeoutMs} ms; stderr: ${this.stderr.slice(-2000)}`));
      }, timeoutMs);
      this.pending.set(id, {
        method,
        resolve: (value) => { clearTimeout(timer); resolvePromise(value); },
        reject: (error) => { clearTimeout(timer); reject(error); },
      });
    });
  }

  /** Sends a notification. */
  notify(method: string, params: Json): void {
    this.write({ jsonrpc: '2.0', method, params });
  }

  /** initialize + initialized with the given capabilities; returns the initialize result. */
  async initialize(rootUri: string | null, capabilities: Json, initializationOptions?: Json): Promise<Json> {
    const result = await this.request('initialize', {
      processId: process.pid, rootUri, capabilities, initializationOptions,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'root' }] : null,
    });
    this.notify('initialized', {});
    return result;
  }

  /** didOpen, tracked so edits can be applied and versions checked. */
  open(uri: string, languageId: string, text: string): void {
    this.docs.set(uri, { languageId, version: 1, text });
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Incremental didChange with LSP edits (applied to the tracked text too). */
  change(uri: string, edits: TextEdit[]): number {
    const doc = this.docs.get(uri);
    if (!doc) throw new Error(`not open: ${uri}`);
    doc.text = applyTextEdits(doc.text, edits);
    doc.version++;
    this.notify('textDocument/didChange', { textDocument: { uri, version: doc.version }, contentChanges: edits.map((e) => ({ range: e.range, text: e.newText })) });
    return doc.version;
  }

  /** Replaces the whole text through an incremental change. */
  replaceAll(uri: string, text: string): number {
    const doc = this.docs.get(uri)!;
    const lines = doc.text.split('\n');
    return this.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: lines[lines.length - 1]!.length } }, newText: text }]);
  }

  /** didClose. */
  close(uri: string): void {
    this.docs.delete(uri);
    this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  /** Applies a WorkspaceEdit to tracked documents (version-checked) and sends the didChange, as an editor would. */
  applyWorkspaceEdit(edit: Json): boolean {
    const perDoc: [string, number | null, TextEdit[]][] = edit.documentChanges
      ? edit.documentChanges.map((c: Json) => [c.textDocument.uri, c.textDocument.version, c.edits])
      : Object.entries(edit.changes ?? {}).map(([uri, edits]) => [uri, null, edits as TextEdit[]]);
    for (const [uri, version] of perDoc) {
      const doc = this.docs.get(uri);
      if (!doc || (version !== null && version !== doc.version)) return false;
    }
    for (const [uri, , edits] of perDoc) this.change(uri, edits);
    return true;
  }

  /** Resolves when `check()` returns a truthy value (re-checked on every message); rejects after timeoutMs. */
  waitFor<T>(what: string, check: () => T | undefined | false, timeoutMs = 10000): Promise<T> {
    return new Promise<T>((resolvePromise, reject) => {
      const attempt = () => {
        let value: T | undefined | false;
        try {
          value = check();
        } catch (error) {
          finish();
          reject(error as Error);
          return;
        }
        if (value) {
          finish();
          resolvePromise(value);
        } else if (this.exitCode !== undefined) {
          finish();
          reject(new Error(`server exited (${this.exitCode}) while waiting for ${what}; stderr: ${this.stderr.slice(-2000)}`));
        }
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const finish = () => {
        clearTimeout(timer);
        this.waiters.delete(attempt);
      };
      this.waiters.add(attempt);
      attempt();
    });
  }

  /** Waits until the latest published diagnostics for `uri` satisfy `check`. */
  waitForDiagnostics(uri: string, check: (diagnostics: Json[]) => boolean, timeoutMs = 10000): Promise<Json[]> {
    return this.waitFor(`publishDiagnostics for ${uri}`, () => {
      const diagnostics = this.published.get(uri);
      return diagnostics && check(diagnostics) ? diagnostics : undefined;
    }, timeoutMs);
  }

  /** Count of received notifications/requests with a method (optionally matching). */
  count(method: string, match: (params: Json) => boolean = () => true): number {
    return [...this.received, ...this.serverRequests].filter((m) => m.method === method && match(m.params)).length;
  }

  /** shutdown + exit; resolves with the exit code. */
  async stop(timeoutMs = 5000): Promise<number | null> {
    if (this.exitCode === undefined) {
      await this.request('shutdown', null, timeoutMs).catch(() => undefined);
      this.notify('exit', null);
    }
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    const code = await this.exited;
    clearTimeout(timer);
    return code;
  }

  /** Kills the process without the protocol (for tests that expect it dead already). */
  kill(): void {
    if (this.exitCode === undefined) this.child.kill('SIGKILL');
  }

  /** Resolves when the process exits. */
  get exit(): Promise<number | null> {
    return this.exited;
  }

  /** Writes raw bytes to the server's stdin (framing and protocol fault tests). */
  writeRaw(bytes: string | Buffer): void {
    if (this.child.stdin.writable) this.child.stdin.write(bytes);
  }

  private write(message: Json): void {
    const body = JSON.stringify(message);
    if (!this.child.stdin.writable) return;
    this.child.stdin.write(`Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`);
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const length = Number(/Content-Length: (\d+)/i.exec(header)?.[1]);
      if (!Number.isFinite(length)) throw new Error(`bad LSP header: ${header}`);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(JSON.parse(body));
    }
  }

  private dispatch(message: Json): void {
    if (message.id !== undefined && message.method === undefined) {
      const pending = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (!pending) this.unmatched.push(message);
      else {
        if (message.error) pending.reject(Object.assign(new Error(`${pending.method}: ${message.error.message}`), { code: message.error.code }));
        else pending.resolve(message.result);
      }
    } else if (message.id !== undefined) {
      this.serverRequests.push({ method: message.method, params: message.params });
      const handler = this.handlers.get(message.method);
      if (handler) {
        let result: Json;
        try {
          result = handler(message.params);
        } catch (error) {
          this.write({ jsonrpc: '2.0', id: message.id, error: { code: -32603, message: String(error) } });
          return;
        }
        this.write({ jsonrpc: '2.0', id: message.id, result: result ?? null });
      } else {
        this.write({ jsonrpc: '2.0', id: message.id, error: { code: -32601, message: `unhandled ${message.method}` } });
      }
    } else {
      this.received.push({ method: message.method, params: message.params });
      if (message.method === 'textDocument/publishDiagnostics') this.published.set(message.params.uri, message.params.diagnostics);
    }
    this.wake();
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}
