// ESLint's "stylish" format: a block per file, aligned `path:line:col  severity  message  rule`, then a summary line.
import { paint, type Paint } from '../color';
import { tally, type FileReport } from '../report';
import { escapeControl } from './escape';

const LABEL = { error: 'error', warn: 'warning', info: 'info' } as const;
const HUE = { error: 'red', warn: 'yellow', info: 'blue' } as const;

/** What the run did besides its problems: how many files it checked, how long it took, and whether to colour. */
export interface RunStats {
  files: number;
  seconds: number;
  color?: boolean;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Formats reports for a terminal; with `stats`, always ends with a summary line (also for clean runs). */
export function formatStylish(reports: readonly FileReport[], stats?: RunStats): string {
  const c: Paint = paint(stats?.color ?? false);
  const withProblems = reports.filter((r) => r.problems.length > 0);
  if (withProblems.length === 0) return stats ? `${c.green('✓')} ${plural(stats.files, 'file')} checked, no problems\n` : '';
  let out = '';
  for (const report of withProblems) {
    // File names and messages come from the workspace: control characters would draw fake lines (`::add-mask::`) or
    // drive the terminal, so each problem stays on its one line.
    const path = escapeControl(report.relativePath);
    out += `\n${c.underline(path)}\n`;
    const rows = report.problems.map((p) => [`${path}:${p.line}:${p.column}`, LABEL[p.severity], escapeControl(p.message), escapeControl(p.ruleId), p.severity] as const);
    const widths = [0, 1].map((col) => Math.max(...rows.map((row) => row[col].length)));
    for (const row of rows) out += `  ${row[0].padEnd(widths[0]!)}  ${c[HUE[row[4]]](row[1].padEnd(widths[1]!))}  ${row[2]}  ${c.dim(row[3])}\n`;
  }
  const t = tally(reports);
  const total = t.errors + t.warnings + t.infos;
  const parts = [plural(t.errors, 'error'), plural(t.warnings, 'warning')];
  if (t.infos > 0) parts.push(`${t.infos} info`);
  const where = stats ? ` in ${withProblems.length} of ${plural(stats.files, 'file')} · ${stats.seconds.toFixed(1)} s` : '';
  const line = `${t.errors > 0 ? '✖' : '⚠'} ${plural(total, 'problem')} (${parts.join(', ')})${where}`;
  out += `\n${c.bold(t.errors > 0 ? c.red(line) : c.yellow(line))}\n`;
  if (t.fixableErrors + t.fixableWarnings > 0) {
    out += `  ${plural(t.fixableErrors, 'error')} and ${plural(t.fixableWarnings, 'warning')} potentially fixable with the \`--fix\` option.\n`;
  }
  return out;
}
