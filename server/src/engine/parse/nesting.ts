// Nesting guard: parsers and tree walks recurse once per level, so text nested deeper than a bound is not analysed at all.

/** Levels of brackets a file may nest. Real configs and code stay far below; parsers overflow the stack far above. */
export const MAX_NESTING = 200;

/** The file problem message for text nested deeper than MAX_NESTING. */
export const NESTED_TOO_DEEPLY = `Nested too deeply (more than ${MAX_NESTING} levels of brackets); not analysed.`;

/** Any bracket: the scan jumps from bracket to bracket in native code (2–4× faster than a charCodeAt loop over the text). */
const BRACKET = /[()[\]{}]/g;

/**
 * Offset of the bracket that opens level `limit + 1`, or -1. Counts `(`, `[`, `{` up and `)`, `]`, `}` down everywhere,
 * strings and comments included: a cheap, linear upper bound that never recurses. It runs on every lint (keystroke).
 */
export function tooDeepAt(text: string, limit = MAX_NESTING): number {
  let depth = 0;
  BRACKET.lastIndex = 0;
  while (BRACKET.test(text)) {
    const at = BRACKET.lastIndex - 1;
    const c = text.charCodeAt(at);
    if (c === 0x28 || c === 0x5b || c === 0x7b) {
      if (++depth > limit) return at;
    } else if (depth > 0) depth--;
  }
  return -1;
}

/** The syntax error a parser returns instead of a tree for text nested too deeply, or undefined. */
export function nestingError(text: string): { message: string; start: number; end: number } | undefined {
  const at = tooDeepAt(text);
  return at < 0 ? undefined : { message: NESTED_TOO_DEEPLY, start: at, end: at + 1 };
}
