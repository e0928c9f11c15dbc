// LSP protocol faults over a real stdio connection: malformed headers, invalid JSON, requests before initialize and after shutdown.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LspClient } from '../../harness/lsp-client';
import { PUSH_CAPS } from './fixtures';

const HOVER = { textDocument: { uri: 'untitled:Untitled-1' }, position: { line: 0, character: 0 } };

/** The error code a request was answered with (fails when it was answered with a result). */
async function errorCode(promise: Promise<unknown>): Promise<number> {
  const outcome = await promise.then((result) => ({ result }), (error: { code: number }) => ({ error }));
  if ('result' in outcome) assert.fail(`answered with a result instead of an error: ${JSON.stringify(outcome.result)}`);
  return outcome.error.code;
}

/** Asserts the server still answers a normal request quickly (it did not wedge on what came before). */
async function stillAnswers(client: LspClient, what: string): Promise<void> {
  assert.equal(await client.request('textDocument/hover', HOVER, 3000).catch((e: Error) => assert.fail(`${what}: ${e.message}`)), null);
}

describe('LSP protocol guards', { timeout: 20_000 }, () => {
  it('a request before initialize gets -32002 (ServerNotInitialized); notifications are dropped; initialize still works', async () => {
    const client = LspClient.start();
    try {
      assert.equal(await errorCode(client.request('textDocument/hover', HOVER, 3000)), -32002);
      client.notify('textDocument/didOpen', { textDocument: { uri: 'file:///x.ts', languageId: 'typescript', version: 1, text: '' } });
      const result = await client.initialize(null, PUSH_CAPS);
      assert.equal(result.serverInfo.name, 'edgelint');
      await stillAnswers(client, 'after initialize');
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });

  it('invalid JSON gets -32700 (ParseError) with id null, a non-JSON-RPC object -32600, and the server keeps serving', async () => {
    const client = LspClient.start();
    try {
      await client.initialize(null, PUSH_CAPS);
      const body = '{"jsonrpc":"2.0","id":7,"method":';
      client.writeRaw(`Content-Length: ${body.length}\r\n\r\n${body}`);
      await client.waitFor('a ParseError answer', () => client.unmatched.find((m) => m.error?.code === -32700), 3000);
      assert.equal(client.unmatched.find((m) => m.error?.code === -32700).id, null);
      const notRpc = '{"id":8,"method":42}';
      client.writeRaw(`Content-Length: ${notRpc.length}\r\n\r\n${notRpc}`);
      const invalid = await client.waitFor('an InvalidRequest answer', () => client.unmatched.find((m) => m.error?.code === -32600), 3000);
      assert.equal(invalid.id, 8);
      await stillAnswers(client, 'after invalid JSON');
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });

  const malformed: [string, string | Buffer][] = [
    ['no Content-Length', 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{"jsonrpc":"2.0","id":90,"method":"x"}'],
    ['a non-numeric Content-Length', 'Content-Length: abc\r\n\r\n{"jsonrpc":"2.0","id":91,"method":"x"}'],
    ['a negative Content-Length', 'Content-Length: -5\r\n\r\n'],
    ['a header line without a colon', 'hello world\r\n\r\n'],
    ['garbage bytes with no header end', Buffer.alloc(20_000, 0xfe)],
    ['garbage glued to the next header', 'GARBAGE\x00\x01\x02'],
    ['an absurd Content-Length', 'Content-Length: 99999999999\r\n\r\n'],
  ];
  for (const [name, bytes] of malformed) {
    it(`after ${name} the server recovers and answers the next request`, async () => {
      const client = LspClient.start();
      try {
        await client.initialize(null, PUSH_CAPS);
        client.writeRaw(bytes);
        await stillAnswers(client, name);
        await client.waitFor('the dropped header in the log', () => client.received.some((m) => m.method === 'window/logMessage' && /malformed LSP header|not valid JSON/.test(m.params.message)) || client.unmatched.length > 0, 3000);
      } finally {
        assert.equal(await client.stop(), 0);
      }
    });
  }

  it('requests after shutdown get -32600 (InvalidRequest); exit then ends with code 0', async () => {
    const client = LspClient.start();
    await client.initialize(null, PUSH_CAPS);
    assert.equal(await client.request('shutdown', null), null);
    assert.equal(await errorCode(client.request('textDocument/hover', HOVER, 3000)), -32600);
    assert.equal(await errorCode(client.request('shutdown', null, 3000)), -32600);
    client.notify('exit', null);
    assert.equal(await client.exit, 0);
  });
});
