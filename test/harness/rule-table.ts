// Builds the README rule table from the registry (between <!-- rules:start --> and <!-- rules:end -->) and each rule doc's severities row.
import type { Rule } from '../../server/src/engine/define-rule';
import { messageGroups, severitiesOf } from '../../server/src/engine/message-severity';
import { allRules } from '../../server/src/rules';

const SEVERITY = { error: 'error', warn: 'warning', info: 'info' } as const;

/** The rule's real severities, most severe first (`error · warning`), from its messages' declared severities. */
function severities(rule: Rule): string {
  return severitiesOf(rule).map((entry) => SEVERITY[entry.severity]).join(' · ');
}

/** The Markdown rule table. */
export function ruleTable(): string {
  const rows = allRules.map((r) => `| [\`${r.id}\`](docs/rules/${r.id}.md) | ${r.description} | ${r.enabledByDefault === false ? `off (${severities(r)} when on)` : severities(r)} | ${r.fixable ? '🔧 fix' : ''}${r.fixable && r.hasSuggestions ? ' · ' : ''}${r.hasSuggestions ? '💡 suggestion' : ''} |`);
  return ['| Rule | What it checks | Default | Fixes |', '|---|---|---|---|', ...rows].join('\n');
}

const ROW_LABEL = '| Severity by message |';

/** The doc's "Severity by message" row, for a rule with more than one severity (`warning or info`: each report picks one). */
export function severityRow(rule: Rule): string | undefined {
  const groups = messageGroups(rule);
  if (groups.length < 2 && groups[0]!.severities.length < 2) return undefined;
  const cells = groups.map((g) => `${g.severities.map((s) => SEVERITY[s]).join(' or ')}: ${g.messageIds.map((id) => `\`${id}\``).join(', ')}`);
  return `${ROW_LABEL} ${cells.join('; ')} |`;
}

/** The rule doc with its severities row regenerated (right after the "Default severity" row; removed for one severity). */
export function withSeverityRow(doc: string, rule: Rule): string {
  const lines = doc.split('\n').filter((line) => !line.startsWith(ROW_LABEL));
  const row = severityRow(rule);
  const at = lines.findIndex((line) => line.startsWith('| Default severity |'));
  if (row && at < 0) throw new Error(`docs/rules/${rule.id}.md has no "| Default severity |" row`);
  if (row) lines.splice(at + 1, 0, row);
  return lines.join('\n');
}

const START = '<!-- rules:start -->';
const END = '<!-- rules:end -->';

/** The table currently in the README. */
export function currentRuleTable(readme: string): string | undefined {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  return start < 0 || end < start ? undefined : readme.slice(start + START.length, end).trim();
}

/** The README with its table replaced. */
export function replaceRuleTable(readme: string, table: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error('README has no rule table markers');
  return `${readme.slice(0, start + START.length)}\n${table}\n${readme.slice(end)}`;
}
