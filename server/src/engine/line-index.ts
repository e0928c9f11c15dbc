// Maps 0-based offsets to 1-based or 0-based line/column positions and back.
import { textChange } from './text-change';

/** A precomputed table of line starts for one text. */
export class LineIndex {
  private readonly starts: number[];

  constructor(private readonly text: string, starts?: number[]) {
    this.starts = starts ?? [0];
    if (!starts) pushStarts(text, 0, text.length, this.starts);
  }

  /**
   * The index of `text`, built from the index of an earlier version of it (an editor keystroke): line starts before the
   * edit are kept, those after it shifted, and only the edited span is scanned. Same table as `new LineIndex(text)`.
   */
  static after(previous: LineIndex, text: string): LineIndex {
    const before = previous.text;
    if (before === text) return previous;
    const { start, oldEnd, newEnd } = textChange(before, text);
    // A line start s depends on the characters at s - 1 and s only: kept when both are in the common prefix (s < start)
    // or both in the common suffix (s > oldEnd, shifted); the rest (start <= s <= newEnd in the new text) is rescanned.
    const old = previous.starts;
    const starts: number[] = [];
    let i = 0;
    for (; i < old.length && old[i]! < Math.max(start, 1); i++) starts.push(old[i]!);
    pushStarts(text, Math.max(start - 1, 0), newEnd, starts);
    const shift = text.length - before.length;
    while (i < old.length && old[i]! <= oldEnd) i++;
    for (; i < old.length; i++) starts.push(old[i]! + shift);
    return new LineIndex(text, starts);
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

/** Appends the line starts that follow the characters at `from` … `to - 1` (a start after every LF, CRLF or lone CR). */
function pushStarts(text: string, from: number, to: number, starts: number[]): void {
  for (let i = from; i < to; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) starts.push(i + 1);
    else if (ch === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
}
