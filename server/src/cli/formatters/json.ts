// ESLint's JSON result shape, so existing tools can read edgelint output.
import type { Fix } from '../../engine/types';
import type { FileReport, PositionedProblem } from '../report';

const ESLINT_SEVERITY = { error: 2, warn: 1, info: 1 } as const;

/** ESLint represents a fix as one range; several edits are merged into one covering replacement. */
function eslintFix(fix: Fix, text: string | undefined): { range: [number, number]; text: string } {
  const edits = [...fix.edits].sort((a, b) => a.start - b.start);
  if (edits.length === 1 || text === undefined) return { range: [edits[0]!.start, edits[0]!.end], text: edits[0]!.text };
  const start = edits[0]!.start;
  const end = Math.max(...edits.map((e) => e.end));
  let out = '';
  let cursor = start;
  for (const edit of edits) {
    out += text.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return { range: [start, end], text: out + text.slice(cursor, end) };
}

function message(p: PositionedProblem, text: string | undefined) {
  return {
    ruleId: p.ruleId, severity: ESLINT_SEVERITY[p.severity], ...(p.severity === 'info' ? { edgelintSeverity: 'info' } : {}),
    message: p.message, ...(p.messageId ? { messageId: p.messageId } : {}),
    line: p.line, column: p.column, endLine: p.endLine, endColumn: p.endColumn,
    ...(p.fatal ? { fatal: true } : {}),
    ...(p.fix ? { fix: eslintFix(p.fix, text) } : {}),
    ...(p.suggestions ? { suggestions: p.suggestions.map((s) => ({ desc: s.title, fix: eslintFix(s, text) })) } : {}),
  };
}

/** Formats reports as ESLint-compatible JSON. */
export function formatJson(reports: readonly FileReport[]): string {
  return JSON.stringify(reports.map((r) => {
    const count = (severity: string, fixable = false) => r.problems.filter((p) => (severity === 'error' ? p.severity === 'error' : p.severity !== 'error') && (!fixable || p.fix)).length;
    return {
      filePath: r.path,
      messages: r.problems.map((p) => message(p, r.text)),
      suppressedMessages: (r.suppressed ?? []).map((p) => ({ ...message(p, r.text), suppressions: p.suppressions })),
      errorCount: count('error'),
      fatalErrorCount: r.problems.filter((p) => p.fatal && p.severity === 'error').length,
      warningCount: count('warn'),
      fixableErrorCount: count('error', true),
      fixableWarningCount: count('warn', true),
      usedDeprecatedRules: [],
    };
  }), null, 2);
}
