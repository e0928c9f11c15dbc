// Content-Length framing that never wedges: a malformed header block is dropped and reading resynchronises on the next `Content-Length`.

/** What the framer produced from the bytes so far: message bodies and dropped header blocks, in order. */
export type Frame = { type: 'body'; body: Buffer } | { type: 'bad-header'; reason: string };

/** Longest header block accepted; more bytes without `\r\n\r\n` are garbage. */
const MAX_HEADER_BYTES = 8 * 1024;
/** Largest message accepted (a 50 MB buffer is already far over the server's 1 MiB lint limit). */
export const MAX_CONTENT_LENGTH = 256 * 1024 * 1024;
const HEADER_END = Buffer.from('\r\n\r\n');
const CONTENT_LENGTH = /content-length\s*:/i;

/** Splits a byte stream into LSP message bodies; bad headers are reported and skipped instead of stopping the stream. */
export class Framer {
  private chunks: Buffer[] = [];
  private size = 0;
  /** Body length being awaited, or -1 while reading headers. */
  private expected = -1;

  /** Feeds bytes; returns every frame they complete. */
  push(chunk: Buffer): Frame[] {
    this.chunks.push(chunk);
    this.size += chunk.length;
    const frames: Frame[] = [];
    for (;;) {
      if (this.expected < 0 && !this.readHeader(frames)) return frames;
      if (this.expected >= 0) {
        if (this.size < this.expected) return frames;
        const all = this.take();
        frames.push({ type: 'body', body: all.subarray(0, this.expected) });
        this.keep(all.subarray(this.expected));
        this.expected = -1;
      }
    }
  }

  /** Bytes buffered but not yet framed (for tests). */
  get pending(): number {
    return this.size;
  }

  /** Bytes of the memory the buffered chunks keep alive (their backing stores; for tests). */
  get retained(): number {
    return this.chunks.reduce((sum, chunk) => sum + chunk.buffer.byteLength, 0);
  }

  /** Reads one header block; false when more bytes are needed. A bad block is dropped (true: keep going). */
  private readHeader(frames: Frame[]): boolean {
    const all = this.take();
    const end = all.indexOf(HEADER_END);
    if (end < 0) {
      if (all.length > MAX_HEADER_BYTES) {
        frames.push({ type: 'bad-header', reason: `no header end in ${all.length} bytes` });
        this.keep(resync(all, all.length - HEADER_END.length));
        return true;
      }
      this.keep(all);
      return false;
    }
    const block = all.subarray(0, end).toString('latin1');
    const parsed = parseHeaders(block);
    if (typeof parsed === 'number') {
      this.expected = parsed;
      this.keep(all.subarray(end + HEADER_END.length));
    } else {
      frames.push({ type: 'bad-header', reason: parsed.error });
      this.keep(resync(all, end + HEADER_END.length));
    }
    return true;
  }

  private take(): Buffer {
    const all = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
    this.chunks = [];
    this.size = 0;
    return all;
  }

  private keep(rest: Buffer): void {
    if (rest.length === 0) return;
    // A view keeps its whole backing store alive (a 50 MB message behind a few bytes of the next header): copy it out.
    this.chunks = [rest.buffer.byteLength > 2 * rest.length + 64 * 1024 ? Buffer.from(rest) : rest];
    this.size = rest.length;
  }
}

/** The bytes from the next `Content-Length` after the start, or else from `fallback` on. */
function resync(all: Buffer, fallback: number): Buffer {
  const text = all.toString('latin1');
  const next = text.slice(1).search(CONTENT_LENGTH);
  return all.subarray(next >= 0 ? next + 1 : Math.max(0, fallback));
}

/** The Content-Length of a header block, or why the block is unusable. */
export function parseHeaders(block: string): number | { error: string } {
  let length: number | undefined;
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) return { error: 'header line without a name and ":"' };
    if (line.slice(0, colon).trim().toLowerCase() !== 'content-length') continue;
    const value = line.slice(colon + 1).trim();
    if (!/^\d{1,10}$/.test(value)) return { error: 'Content-Length is not a number' };
    length = Number(value);
    if (length > MAX_CONTENT_LENGTH) return { error: `Content-Length ${length} is over the ${MAX_CONTENT_LENGTH}-byte limit` };
  }
  return length === undefined ? { error: 'no Content-Length header' } : length;
}
