// Edits on wrangler config text shared by rules: removing a `key = value` line of a TOML config.
import type { Fix } from '../types';
import type { ConfigNode } from './config-tree';

/** TOML only: deletes the line of a `key = value` entry that is alone on its line (a trailing comment goes with it). */
export function removeTomlEntryLine(format: 'toml' | 'json', text: string, node: ConfigNode): Fix | undefined {
  if (format !== 'toml' || node.entryStart === undefined || node.entryEnd === undefined) return undefined;
  const lineStart = text.lastIndexOf('\n', node.entryStart - 1) + 1;
  const newline = text.indexOf('\n', node.entryEnd);
  const lineEnd = newline < 0 ? text.length : newline + 1;
  if (text.slice(lineStart, node.entryStart).trim() !== '' || !/^[ \t]*(#.*)?\r?\n?$/.test(text.slice(node.entryEnd, lineEnd))) return undefined;
  return { title: 'Remove the line', edits: [{ start: lineStart, end: lineEnd, text: '' }] };
}
