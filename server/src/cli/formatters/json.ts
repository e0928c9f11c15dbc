// ESLint's JSON result shape, so existing tools can read edgelint output.
import type { Fix } from '../../engine/types';
import type { FileReport, PositionedProblem } from '../report';

const ESLINT_SEVERITY = { error: 2, warn: 1, info: 1 } as const;

type Range = { start: number; end: number };

/**
 * ESLint represents a fix as one range; several edits are merged into one covering replacement, which copies the source
 * text between them. When that text touches a sensitive range (a secret's value), the fix is left out instead.
 */
function eslintFix(fix: Fix, text: string | undefined, sensitive: readonly Range[]): { range: [number, number]; text: string } | undefined {
  const edits = [...fix.edits].sort((a, b) => a.start - b.start);
  if (edits.length === 1 || text === undefined) return { range: [edits[0]!.start, edits[0]!.end], text: edits[0]!.text };
  const start = edits[0]!.start;
  const end = Math.max(...edits.map((e) => e.end));
  let out = '';
  let cursor = start;
  const copy = (from: number, to: number) => {
    if (sensitive.some((r) => r.start < to && from < r.end)) return undefined;
    return text.slice(from, to);
  };
  for (const edit of edits) {
    const between = copy(cursor, edit.start);
    if (between === undefined) return undefined;
    out += between + edit.text;
    cursor = edit.end;
  }
  const tail = copy(cursor, end);
  return tail === undefined ? undefined : { range: [start, end], text: out + tail };
}

function message(p: PositionedProblem, text: string | undefined, sensitive: readonly Range[] = []) {
  const fix = p.fix ? eslintFix(p.fix, text, sensitive) : undefined;
  const suggestions = (p.suggestions ?? []).flatMap((s) => {
    const merged = eslintFix(s, text, sensitive);
    return merged ? [{ desc: s.title, fix: merged }] : [];
  });
  return {
    ruleId: p.ruleId, severity: ESLINT_SEVERITY[p.severity], ...(p.severity === 'info' ? { edgelintSeverity: 'info' } : {}),
    message: p.message, ...(p.messageId ? { messageId: p.messageId } : {}),
    line: p.line, column: p.column, endLine: p.endLine, endColumn: p.endColumn,
    ...(p.fatal ? { fatal: true } : {}),
    ...(fix ? { fix } : {}),
    ...(p.suggestions && suggestions.length ? { suggestions } : {}),
  };
}

/** Formats reports as ESLint-compatible JSON. */
export function formatJson(reports: readonly FileReport[]): string {
  return JSON.stringify(reports.map((r) => {
    const count = (severity: string, fixable = false) => r.problems.filter((p) => (severity === 'error' ? p.severity === 'error' : p.severity !== 'error') && (!fixable || p.fix)).length;
    return {
      filePath: r.path,
      messages: r.problems.map((p) => message(p, r.text, sensitiveOf(r))),
      suppressedMessages: (r.suppressed ?? []).map((p) => ({ ...message(p, r.text, sensitiveOf(r)), suppressions: p.suppressions })),
      errorCount: count('error'),
      fatalErrorCount: r.problems.filter((p) => p.fatal && p.severity === 'error').length,
      warningCount: count('warn'),
      fixableErrorCount: count('error', true),
      fixableWarningCount: count('warn', true),
      ...(r.output !== undefined ? { output: r.output } : {}),
      usedDeprecatedRules: [],
    };
  }), null, 2);
}

/** Every sensitive range that any problem of the file (reported or suppressed) declares. */
function sensitiveOf(r: FileReport): Range[] {
  return [...r.problems, ...(r.suppressed ?? [])].flatMap((p) => p.sensitive ?? []);
}
