// Maps engine problems (0-based UTF-16 offsets) to LSP diagnostics: ranges, severities, rule id code and docs link.
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation, type Range } from 'vscode-languageserver/node';
import { docsUrl } from '../engine/define-rule';
import type { LineIndex } from '../engine/line-index';
import type { Problem, Severity } from '../engine/types';
import { ruleById } from '../rules';

/** The diagnostics `source` every client filters on. */
export const SOURCE = 'edgelint';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warn: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** The LSP range of an offset range. */
export function toRange(index: LineIndex, start: number, end: number): Range {
  return { start: index.position(start), end: index.position(Math.max(start, end)) };
}

/** True when the id names a registered rule (parse-error, config-error, file-error and internal-error do not). */
export function isRule(ruleId: string): boolean {
  return ruleById(ruleId) !== undefined;
}

/** One diagnostic: `code` is the rule id, `codeDescription.href` its doc (rules only; pseudo ids have no doc page). */
export function toDiagnostic(problem: Problem, index: LineIndex): Diagnostic {
  return {
    range: toRange(index, problem.start, problem.end),
    severity: SEVERITY[problem.severity] ?? DiagnosticSeverity.Error,
    source: SOURCE,
    code: problem.ruleId,
    ...(isRule(problem.ruleId) ? { codeDescription: { href: docsUrl(problem.ruleId) } } : {}),
    message: problem.message,
    ...(problem.related?.some((r) => r.path && r.range) ? { relatedInformation: relatedInformation(problem) } : {}),
  };
}

/** Related locations in other files (the engine gives their positions), as LSP `relatedInformation`. */
function relatedInformation(problem: Problem): DiagnosticRelatedInformation[] {
  return (problem.related ?? []).filter((r) => r.path && r.range)
    .map((r) => ({ location: { uri: pathToFileURL(r.path!).href, range: r.range! }, message: r.message }));
}

/** True when two ranges overlap or touch (a zero-width cursor at either end counts). */
export function rangesMeet(a: Range, b: Range): boolean {
  const before = (x: Range['start'], y: Range['start']) => x.line < y.line || (x.line === y.line && x.character < y.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}
