// The fatal syntax errors of a file, straight from its kind's parser (independent of which rules ran or were filtered out).
import { languageOf } from './languages';
import type { FileKind } from './types';

/** A syntax error with its 0-based UTF-16 range. */
export interface FileSyntaxError {
  message: string;
  start: number;
  end: number;
}

/**
 * Parses `text` with the parser of `kind` (from the LANGUAGES table) and returns its syntax errors. Used by the fixer and
 * the rule tester, so "does it still parse" never depends on a rule's `mayApply` filter having let the file be parsed.
 */
export function syntaxErrors(path: string, text: string, kind: FileKind | undefined): FileSyntaxError[] {
  if (!kind) return [];
  const language = languageOf(kind) as { parse(path: string, text: string): unknown; errors(model: unknown): FileSyntaxError[] };
  return language.errors(language.parse(path, text));
}
