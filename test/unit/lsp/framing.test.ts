// The LSP framer: messages split across any chunking, bad header blocks dropped with a reason and reading resumed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Framer, parseHeaders, type Frame } from '../../../server/src/lsp/framing';

const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
const bodies = (frames: Frame[]) => frames.flatMap((f) => (f.type === 'body' ? [f.body.toString('utf8')] : []));
const bad = (frames: Frame[]) => frames.filter((f) => f.type === 'bad-header').length;

function feed(bytes: Buffer, chunkSize: number): Frame[] {
  const framer = new Framer();
  const frames: Frame[] = [];
  for (let i = 0; i < bytes.length; i += chunkSize) frames.push(...framer.push(bytes.subarray(i, i + chunkSize)));
  return frames;
}

describe('LSP framing', () => {
  it('yields the same bodies for every chunk size, multi-byte UTF-8 included', () => {
    const messages = ['{"a":1}', '{"text":"é€😀"}', JSON.stringify({ big: 'x'.repeat(100_000) })];
    const bytes = Buffer.from(messages.map(frame).join(''));
    for (const size of [1, 3, 7, 64, 4096, bytes.length]) assert.deepEqual(bodies(feed(bytes, size)), messages, `chunk size ${size}`);
  });

  it('drops bad header blocks and resumes at the next Content-Length', () => {
    const stream = ['X: y\r\n\r\n', 'Content-Length: abc\r\n\r\n', 'junk without colon\r\n\r\n', 'GARBAGE', frame('{"ok":1}'), 'Content-Length: -1\r\n\r\n', frame('{"ok":2}')].join('');
    const frames = feed(Buffer.from(stream), 5);
    assert.deepEqual(bodies(frames), ['{"ok":1}', '{"ok":2}']);
    assert.equal(bad(frames), 5, 'X: y, abc, no colon, GARBAGE glued to a header, -1');
  });

  it('treats over 8 KiB without a header end as garbage and keeps nothing of it', () => {
    const framer = new Framer();
    const frames = framer.push(Buffer.alloc(50_000, 0xff));
    assert.equal(bad(frames), 1);
    assert.ok(framer.pending < 8, `${framer.pending} bytes kept`);
    assert.deepEqual(bodies(framer.push(Buffer.from(frame('{"after":true}')))), ['{"after":true}']);
  });

  it('parses header blocks as the LSP base protocol defines them', () => {
    assert.equal(parseHeaders('Content-Length: 12'), 12);
    assert.equal(parseHeaders('content-length:12\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8'), 12);
    assert.deepEqual(parseHeaders('Content-Type: x'), { error: 'no Content-Length header' });
    assert.deepEqual(parseHeaders('Content-Length: 1e3'), { error: 'Content-Length is not a number' });
    assert.match((parseHeaders('Content-Length: 9999999999') as { error: string }).error, /over the/);
  });

  it('the few bytes after a large message do not keep its buffer alive', () => {
    const framer = new Framer();
    const big = frame(`{"x":"${'y'.repeat(5 * 1024 * 1024)}"}`);
    const frames = framer.push(Buffer.from(`${big}Content-Length: 11`));
    assert.equal(bodies(frames).length, 1);
    assert.equal(framer.pending, 'Content-Length: 11'.length);
    assert.ok(framer.retained < 64 * 1024, `the framer keeps ${framer.retained} bytes alive`);
    assert.deepEqual(bodies(framer.push(Buffer.from('\r\n\r\n{"a":[1,2]}'))), ['{"a":[1,2]}']);
  });
});
