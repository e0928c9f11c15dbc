// ESLint's "unix" and "compact" formats: one line per problem, for grep, editors' error parsers and CI logs (no summary).
import type { FileReport, PositionedProblem } from '../report';

const LABEL = { error: 'Error', warn: 'Warning', info: 'Info' } as const;

const oneLine = (message: string) => message.replace(/\s*\r?\n\s*/g, ' ');

function lines(reports: readonly FileReport[], line: (path: string, p: PositionedProblem) => string): string {
  const out = reports.flatMap((r) => r.problems.map((p) => line(r.relativePath, p)));
  return out.length ? `${out.join('\n')}\n` : '';
}

/** `path:line:col: message [Severity/rule-id]` per problem. */
export function formatUnix(reports: readonly FileReport[]): string {
  return lines(reports, (path, p) => `${path}:${p.line}:${p.column}: ${oneLine(p.message)} [${LABEL[p.severity]}/${p.ruleId}]`);
}

/** `path: line L, col C, Severity - message (rule-id)` per problem. */
export function formatCompact(reports: readonly FileReport[]): string {
  return lines(reports, (path, p) => `${path}: line ${p.line}, col ${p.column}, ${LABEL[p.severity]} - ${oneLine(p.message)} (${p.ruleId})`);
}
