// ESLint's "stylish" format: a block per file, aligned `line:col  severity  message  rule`, then a summary.
import { tally, type FileReport } from '../report';
import { escapeControl } from './escape';

const LABEL = { error: 'error', warn: 'warning', info: 'info' } as const;

/** Formats reports for a terminal. */
export function formatStylish(reports: readonly FileReport[]): string {
  const withProblems = reports.filter((r) => r.problems.length > 0);
  if (withProblems.length === 0) return '';
  let out = '';
  for (const report of withProblems) {
    // File names and messages come from the workspace: control characters would draw fake lines (`::add-mask::`) or
    // drive the terminal, so each problem stays on its one line.
    out += `\n${escapeControl(report.relativePath)}\n`;
    const rows = report.problems.map((p) => [`${p.line}:${p.column}`, LABEL[p.severity], escapeControl(p.message), escapeControl(p.ruleId)]);
    const widths = [0, 1].map((col) => Math.max(...rows.map((row) => row[col]!.length)));
    for (const row of rows) out += `  ${row[0]!.padEnd(widths[0]!)}  ${row[1]!.padEnd(widths[1]!)}  ${row[2]}  ${row[3]}\n`;
  }
  const t = tally(reports);
  const total = t.errors + t.warnings + t.infos;
  const parts = [`${t.errors} error${t.errors === 1 ? '' : 's'}`, `${t.warnings} warning${t.warnings === 1 ? '' : 's'}`];
  if (t.infos > 0) parts.push(`${t.infos} info`);
  out += `\n${t.errors > 0 ? '✖' : '⚠'} ${total} problem${total === 1 ? '' : 's'} (${parts.join(', ')})\n`;
  if (t.fixableErrors + t.fixableWarnings > 0) {
    out += `  ${t.fixableErrors} error${t.fixableErrors === 1 ? '' : 's'} and ${t.fixableWarnings} warning${t.fixableWarnings === 1 ? '' : 's'} potentially fixable with the \`--fix\` option.\n`;
  }
  return out;
}
