// GitHub Actions workflow commands (::error/::warning/::notice) so problems show as annotations on the PR.
import type { FileReport } from '../report';
import { escapeControl } from './escape';

const COMMAND = { error: 'error', warn: 'warning', info: 'notice' } as const;

/** GitHub's escaping of a command's data (`%`, CR, LF); other control characters (ESC, BEL…) become visible escapes first. */
function escapeData(s: string): string {
  return escapeControl(s, '\r\n').replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** Formats reports as workflow commands, one line per problem. */
export function formatGithub(reports: readonly FileReport[]): string {
  const lines: string[] = [];
  for (const report of reports) {
    for (const p of report.problems) {
      const props = [`file=${escapeProperty(report.relativePath)}`, `line=${p.line}`, `endLine=${p.endLine}`, `col=${p.column}`, `endColumn=${p.endColumn}`, `title=${escapeProperty(`edgelint(${p.ruleId})`)}`];
      lines.push(`::${COMMAND[p.severity]} ${props.join(',')}::${escapeData(p.message)}`);
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
