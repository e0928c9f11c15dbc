// The data every formatter receives: one entry per linted file with problems and 1-based positions.
import { LineIndex } from '../engine/line-index';
import type { Problem, SuppressedProblem } from '../engine/types';

/** A problem with 1-based line/column positions (end column exclusive, as ESLint). */
export interface PositionedProblem extends Problem {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Problems of one file, ready to print. */
export interface FileReport {
  /** Absolute path. */
  path: string;
  /** Path relative to the working folder, with forward slashes. */
  relativePath: string;
  problems: PositionedProblem[];
  /** The text that was linted (ESLint's `source`), when available. */
  text?: string;
  /** Problems silenced by disable comments (ESLint's `suppressedMessages`). */
  suppressed?: (PositionedProblem & Pick<SuppressedProblem, 'suppressions'>)[];
  /** `--fix-dry-run`: the fixed text, when fixes changed the file (ESLint's `output`; `text` is then unset). */
  output?: string;
}

/** Adds 1-based positions to problems (keeping their other fields, such as `suppressions`). */
export function positioned<P extends Problem>(text: string, problems: readonly P[]): (P & PositionedProblem)[] {
  const index = new LineIndex(text);
  return problems.map((p) => {
    const start = index.position(p.start);
    const end = index.position(p.end);
    return { ...p, line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
  });
}

/** Counts by severity, and how many problems have a fix. */
export function tally(reports: readonly FileReport[]) {
  const all = reports.flatMap((r) => r.problems);
  return {
    errors: all.filter((p) => p.severity === 'error').length,
    warnings: all.filter((p) => p.severity === 'warn').length,
    infos: all.filter((p) => p.severity === 'info').length,
    fixableErrors: all.filter((p) => p.severity === 'error' && p.fix).length,
    fixableWarnings: all.filter((p) => p.severity !== 'error' && p.fix).length,
  };
}
