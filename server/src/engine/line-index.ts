// Maps 0-based offsets to 1-based or 0-based line/column positions and back.

/** A precomputed table of line starts for one text. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 10) this.starts.push(i + 1);
      else if (ch === 13 && text.charCodeAt(i + 1) !== 10) this.starts.push(i + 1);
    }
  }

  /** 0-based line and character (UTF-16) for an offset. */
  position(offset: number): { line: number; character: number } {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: clamped - this.starts[lo]! };
  }

  /** Offset of a 0-based line/character, clamped to the text. */
  offset(line: number, character: number): number {
    if (line < 0) return 0;
    if (line >= this.starts.length) return this.text.length;
    const lineEnd = line + 1 < this.starts.length ? this.starts[line + 1]! : this.text.length;
    return Math.min(this.starts[line]! + Math.max(0, character), lineEnd);
  }

  /** Offset where a 0-based line starts. */
  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))]!;
  }

  /** Number of lines. */
  get lineCount(): number {
    return this.starts.length;
  }
}
