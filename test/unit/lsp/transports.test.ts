// Every language-server transport is guarded (issue 10 item 10): --socket (127.0.0.1 only), --pipe (a temp path) and
// --node-ipc answer framing and lifecycle faults as stdio does; unusable transport arguments fail at startup with the list.
import assert from 'node:assert/strict';
import { fork, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { SERVER_JS } from '../../harness/lsp-client';
import { parseTransport } from '../../../server/src/lsp/transports';

type Json = any;
const HOVER = { textDocument: { uri: 'untitled:Untitled-1' }, position: { line: 0, character: 0 } };
const INIT = { processId: null, rootUri: null, capabilities: {} };

/** The client side of one connection: send JSON-RPC messages, wait for the answer with an id. */
interface Peer {
  send(message: Json): void;
  sendRaw(bytes: string): void;
  answer(id: Json, timeoutMs?: number): Promise<Json>;
}

/** Collects parsed messages and resolves waits on them. */
class Inbox {
  readonly messages: Json[] = [];
  private readonly waiters = new Set<() => void>();
  push(message: Json): void {
    this.messages.push(message);
    for (const wake of this.waiters) wake();
  }
  answer(id: Json, timeoutMs = 5000): Promise<Json> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.messages.find((m) => 'id' in m && m.id === id && !('method' in m));
        if (!found) return;
        this.waiters.delete(check);
        clearTimeout(timer);
        resolve(found);
      };
      const timer = setTimeout(() => { this.waiters.delete(check); reject(new Error(`no answer to id ${id}`)); }, timeoutMs);
      this.waiters.add(check);
      check();
    });
  }
}

/** A peer over a stream connection with Content-Length framing. */
function streamPeer(socket: Socket): Peer {
  const inbox = new Inbox();
  let buffer = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, end).toString())?.[1]);
      if (buffer.length < end + 4 + length) return;
      inbox.push(JSON.parse(buffer.subarray(end + 4, end + 4 + length).toString('utf8')));
      buffer = buffer.subarray(end + 4 + length);
    }
  });
  const sendRaw = (bytes: string) => socket.write(bytes);
  return {
    sendRaw,
    send: (message) => {
      const body = Buffer.from(JSON.stringify(message), 'utf8');
      sendRaw(`Content-Length: ${body.length}\r\n\r\n${body.toString('utf8')}`);
    },
    answer: (id, timeoutMs) => inbox.answer(id, timeoutMs),
  };
}

/** The protocol checks every transport must pass, ending with a clean shutdown. */
async function exerciseGuards(peer: Peer, framed: boolean): Promise<void> {
  peer.send({ jsonrpc: '2.0', id: 1, method: 'textDocument/hover', params: HOVER });
  assert.equal((await peer.answer(1)).error?.code, -32002, 'a request before initialize gets ServerNotInitialized');
  if (framed) peer.sendRaw('Content-Length: abc\r\n\r\n{"jsonrpc":"2.0","id":90,"method":"x"}');
  peer.send({ id: 2, method: 42 });
  assert.equal((await peer.answer(2)).error?.code, -32600, 'a message that is not JSON-RPC gets InvalidRequest');
  peer.send({ jsonrpc: '2.0', id: 3, method: 'initialize', params: INIT });
  assert.equal((await peer.answer(3)).result?.serverInfo?.name, 'edgelint');
  peer.send({ jsonrpc: '2.0', method: 'initialized', params: {} });
  peer.send({ jsonrpc: '2.0', id: 4, method: 'textDocument/hover', params: HOVER });
  assert.equal((await peer.answer(4)).result, null, 'the server answers normally after the faults');
  peer.send({ jsonrpc: '2.0', id: 5, method: 'shutdown' });
  assert.equal((await peer.answer(5)).result, null);
  peer.send({ jsonrpc: '2.0', id: 6, method: 'textDocument/hover', params: HOVER });
  assert.equal((await peer.answer(6)).error?.code, -32600, 'a request after shutdown gets InvalidRequest');
  peer.send({ jsonrpc: '2.0', method: 'exit' });
}

/** Waits for a child's exit code (kills it after `timeoutMs`). */
function exitOf(child: ChildProcess, timeoutMs = 10_000): Promise<number | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill(), timeoutMs);
    child.on('exit', (code) => { clearTimeout(timer); resolve(code); });
  });
}

/** Listens on `where` (a loopback port or a pipe path), starts the server with `arg(address)`, runs the guards. */
async function serveOverStream(listen: (server: Server) => Promise<string>): Promise<{ code: number | null; stderr: string }> {
  const server = createServer();
  let stderr = '';
  try {
    const connected = new Promise<Socket>((resolve) => server.once('connection', resolve));
    const arg = await listen(server);
    const child = spawn(process.execPath, [SERVER_JS, arg], { stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    const exited = exitOf(child);
    await exerciseGuards(streamPeer(await connected), true);
    return { code: await exited, stderr };
  } finally {
    server.close();
  }
}

describe('language-server transports', { timeout: 60_000 }, () => {
  const dirs: string[] = [];
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('parses the library\'s spellings and refuses unusable values', () => {
    assert.deepEqual(parseTransport([]), { kind: 'stdio' });
    assert.deepEqual(parseTransport(['--clientProcessId=12', '--node-ipc']), { kind: 'node-ipc' });
    assert.deepEqual(parseTransport(['--socket=6009']), { kind: 'socket', port: 6009 });
    assert.deepEqual(parseTransport(['--socket', '6009']), { kind: 'socket', port: 6009 });
    assert.deepEqual(parseTransport(['--pipe=/tmp/x.sock']), { kind: 'pipe', name: '/tmp/x.sock' });
    for (const bad of [['--socket=abc'], ['--socket=0'], ['--socket=70000'], ['--socket'], ['--pipe'], ['--pipe', '--stdio'], ['--stdio=1']]) {
      assert.ok('error' in parseTransport(bad), `accepted ${bad.join(' ')}`);
    }
  });

  it('--socket=<port> connects to 127.0.0.1 and is guarded', async () => {
    const { code, stderr } = await serveOverStream(async (server) => {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return `--socket=${(server.address() as { port: number }).port}`;
    });
    assert.equal(code, 0, stderr);
  });

  it('--pipe=<path> connects to a local pipe and is guarded', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'edgelint-pipe-'));
    dirs.push(dir);
    const { code, stderr } = await serveOverStream(async (server) => {
      const path = join(dir, 'lsp.sock');
      await new Promise<void>((resolve) => server.listen(path, resolve));
      return `--pipe=${path}`;
    });
    assert.equal(code, 0, stderr);
  });

  it('--node-ipc is guarded', async () => {
    const child = fork(SERVER_JS, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const inbox = new Inbox();
    child.on('message', (message) => inbox.push(message));
    const exited = exitOf(child);
    try {
      await exerciseGuards({ send: (m) => child.send(m), sendRaw: () => undefined, answer: (id, t) => inbox.answer(id, t) }, false);
    } finally {
      child.disconnect();
    }
    assert.equal(await exited, 0);
  });

  it('unusable transport arguments fail at startup with the supported list', () => {
    for (const args of [['--socket=abc'], ['--pipe'], ['--node-ipc']]) {
      // --node-ipc without an IPC channel (spawned, not forked) cannot be served either.
      const run = spawnSync(process.execPath, [SERVER_JS, ...args], { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'pipe'] });
      assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, /Supported transports: --stdio \(default\), --socket=<port>/);
    }
  });
});
