// Turns engine fixes (offset edits, or a whole fixed text) into version-checked LSP workspace edits.
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LineIndex } from '../engine/line-index';
import type { TextEdit as EngineEdit } from '../engine/types';
import { toRange } from './diagnostics';

/** Wraps edits for one document: `documentChanges` with the version when the client supports it, else `changes`. */
export function documentEdit(doc: Pick<TextDocument, 'uri' | 'version'>, edits: TextEdit[], documentChanges: boolean): WorkspaceEdit {
  return documentChanges
    ? { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits }] }
    : { changes: { [doc.uri]: edits } };
}

/** LSP edits for engine edits, skipping any that overlaps an earlier one (as the engine's applyEdits does). */
export function toTextEdits(index: LineIndex, edits: readonly EngineEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const result: TextEdit[] = [];
  let cursor = -1;
  for (const edit of sorted) {
    if (edit.start < cursor) continue;
    result.push({ range: toRange(index, edit.start, edit.end), newText: edit.text });
    cursor = edit.end;
  }
  return result;
}

/** One edit replacing only the region that differs between `before` and `after` (the fix-all result). */
export function regionEdit(index: LineIndex, before: string, after: string): TextEdit {
  let prefix = 0;
  const max = Math.min(before.length, after.length);
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  // Never split a surrogate pair or a CRLF: widen the region instead.
  while (prefix > 0 && (isHighSurrogate(before.charCodeAt(prefix - 1)) || (before[prefix - 1] === '\r' && before[prefix] === '\n'))) prefix--;
  while (suffix > 0 && (isLowSurrogate(before.charCodeAt(before.length - suffix)) || (before[before.length - suffix] === '\n' && before[before.length - suffix - 1] === '\r'))) suffix--;
  return { range: toRange(index, prefix, before.length - suffix), newText: after.slice(prefix, after.length - suffix) };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
