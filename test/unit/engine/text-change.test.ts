// The keystroke path's exact shortcuts: textChange finds the edit, LineIndex.after equals a fresh LineIndex after any edit,
// the nesting guard's bracket scan equals its per-character definition.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineIndex } from '../../../server/src/engine/line-index';
import { tooDeepAt } from '../../../server/src/engine/parse/nesting';
import { textChange } from '../../../server/src/engine/text-change';
import { random } from '../../harness/random';

const PIECES = ['\n', '\r', '\r\n', 'a', ' ', 'x\ny', '\n\n', '\r\r', '€', 'kv.put(k, v);\n', ''];

/** A text of `n` random pieces (line breaks of every style, non-ASCII, long runs past the 1,024-character chunk). */
function textOf(next: () => number, n: number): string {
  let text = '';
  for (let i = 0; i < n; i++) text += next() < 0.05 ? 'z'.repeat(1500) : PIECES[Math.floor(next() * PIECES.length)]!;
  return text;
}

/** Replaces a random span of `text` with a random piece. */
function edit(next: () => number, text: string): string {
  const at = Math.floor(next() * (text.length + 1));
  const removed = Math.floor(next() * Math.min(4, text.length - at + 1));
  return text.slice(0, at) + PIECES[Math.floor(next() * PIECES.length)]! + text.slice(at + removed);
}

/** Every line start of an index, through its public API. */
function starts(index: LineIndex): number[] {
  return Array.from({ length: index.lineCount }, (_, line) => index.lineStart(line));
}

describe('textChange', () => {
  it('finds the longest common prefix, then the longest common suffix', () => {
    assert.deepEqual(textChange('abcdef', 'abXYef'), { start: 2, oldEnd: 4, newEnd: 4 });
    assert.deepEqual(textChange('aaaa', 'aaaaa'), { start: 4, oldEnd: 4, newEnd: 5 });
    assert.deepEqual(textChange('same', 'same'), { start: 4, oldEnd: 4, newEnd: 4 });
    assert.deepEqual(textChange('', 'new'), { start: 0, oldEnd: 0, newEnd: 3 });
    const long = 'q'.repeat(5000);
    assert.deepEqual(textChange(`${long}A${long}`, `${long}BC${long}`), { start: 5000, oldEnd: 5001, newEnd: 5002 });
  });

  it('turns `before` into `after` for 500 random edits (text outside the change is common)', () => {
    const next = random(7);
    let text = textOf(next, 200);
    for (let i = 0; i < 500; i++) {
      const edited = edit(next, text);
      const { start, oldEnd, newEnd } = textChange(text, edited);
      assert.equal(text.slice(0, start) + edited.slice(start, newEnd) + text.slice(oldEnd), edited);
      assert.ok(start <= oldEnd && start <= newEnd);
      text = edited;
    }
  });
});

describe('LineIndex.after', () => {
  for (const seed of [1, 2, 3]) {
    it(`equals a fresh index after each of 400 random edits (seed ${seed})`, () => {
      const next = random(seed);
      let text = textOf(next, 150);
      let index = new LineIndex(text);
      for (let i = 0; i < 400; i++) {
        text = i % 50 === 49 ? textOf(next, 20) : edit(next, text);
        index = LineIndex.after(index, text);
        const fresh = new LineIndex(text);
        assert.deepEqual(starts(index), starts(fresh), `edit ${i}`);
        const at = Math.floor(next() * (text.length + 1));
        assert.deepEqual(index.position(at), fresh.position(at));
      }
    });
  }

  it('returns the same index when the text did not change, and keeps CRLF pairs split by an edit right', () => {
    const index = new LineIndex('a\r\nb');
    assert.equal(LineIndex.after(index, 'a\r\nb'), index);
    assert.deepEqual(starts(LineIndex.after(index, 'a\rX\nb')), [0, 2, 4]);
    assert.deepEqual(starts(LineIndex.after(new LineIndex('a\rX\nb'), 'a\r\nb')), [0, 3]);
  });
});

/** The nesting guard's definition, one character at a time. */
function tooDeepByCharacter(text: string, limit: number): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if ('([{'.includes(c)) {
      if (++depth > limit) return i;
    } else if (')]}'.includes(c) && depth > 0) depth--;
  }
  return -1;
}

describe('tooDeepAt', () => {
  it('equals the per-character definition on 300 random bracket texts, deep and shallow', () => {
    const next = random(11);
    const alphabet = ['(', '[', '{', ')', ']', '}', 'a', '€', '\n', '(('];
    for (let i = 0; i < 300; i++) {
      let text = '';
      const length = Math.floor(next() * 400);
      const bias = next() * 0.3; // some texts mostly open brackets: they go past the limit
      for (let j = 0; j < length; j++) text += next() < bias ? '(' : alphabet[Math.floor(next() * alphabet.length)]!;
      const limit = 1 + Math.floor(next() * 20);
      assert.equal(tooDeepAt(text, limit), tooDeepByCharacter(text, limit), JSON.stringify(text));
    }
  });
});
