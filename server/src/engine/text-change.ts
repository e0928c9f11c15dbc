// The edit between two texts (common prefix and suffix kept): the incremental reparse and the incremental line index.

/** Chunk compared at once: comparing slices runs in native code, about 10× faster than a charCodeAt loop per character. */
const CHUNK = 1024;

/** Where `after` differs from `before`: `start` (common prefix), `oldEnd` in `before`, `newEnd` in `after` (common suffix). */
export interface TextChange {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** The smallest single edit turning `before` into `after`: longest common prefix first, then the longest common suffix. */
export function textChange(before: string, after: string): TextChange {
  const max = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix + CHUNK <= max && before.slice(prefix, prefix + CHUNK) === after.slice(prefix, prefix + CHUNK)) prefix += CHUNK;
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  const limit = max - prefix;
  let suffix = 0;
  while (suffix + CHUNK <= limit
    && before.slice(before.length - suffix - CHUNK, before.length - suffix) === after.slice(after.length - suffix - CHUNK, after.length - suffix)) suffix += CHUNK;
  while (suffix < limit && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { start: prefix, oldEnd: before.length - suffix, newEnd: after.length - suffix };
}
