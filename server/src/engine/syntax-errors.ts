// The fatal syntax errors of a file, straight from its kind's parser (independent of which rules ran or were filtered out).
import { parseJsoncTree } from './parse/jsonc';
import { parsePackageJson } from './parse/package-json';
import { parseWorker } from './parse/worker';
import { parseWorkflow } from './parse/workflow';
import { parseWrangler } from './parse/wrangler';
import type { FileKind } from './types';

/** A syntax error with its 0-based UTF-16 range. */
export interface FileSyntaxError {
  message: string;
  start: number;
  end: number;
}

/**
 * Parses `text` with the parser of `kind` and returns its syntax errors (empty when it parses, and for `_headers`, whose
 * parser never fails: its issues are rule findings). Used by the fixer and the rule tester, so "does it still parse"
 * never depends on a rule's `mayApply` filter having let the file be parsed.
 */
export function syntaxErrors(path: string, text: string, kind: FileKind | undefined): FileSyntaxError[] {
  switch (kind) {
    case 'worker': return parseWorker(path, text).syntaxErrors;
    case 'wrangler': return parseWrangler(path, text).errors;
    case 'package': return parsePackageJson(text).errors;
    case 'workflow': return parseWorkflow(text).errors;
    case 'edgelint-config': return parseJsoncTree(text).errors;
    default: return [];
  }
}
