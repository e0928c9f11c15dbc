// Makes text from files (messages quoting content, file names) safe to print on a terminal or in a CI log.

/**
 * C0 controls (newline, CR, ESC, BEL…), DEL, C1 controls (0x9b is a one-byte CSI on some terminals), line and paragraph
 * separators, and bidirectional overrides/isolates ("Trojan Source"): each can end a line, move the cursor, start an
 * escape sequence or reorder what the reader sees.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Replaces every unsafe character with a visible escape (`\n`, `\r`, `\t`, `\u001b`…), so one problem prints as one line. */
export function escapeControl(text: string, keep = ''): string {
  return text.replace(UNSAFE, (c) => (keep.includes(c) ? c : NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}
