// Builds the README rule table from the registry, between <!-- rules:start --> and <!-- rules:end --> markers.
import { allRules } from '../../server/src/rules';

const SEVERITY = { error: 'error', warn: 'warning', info: 'info' } as const;

/** The Markdown rule table. */
export function ruleTable(): string {
  const rows = allRules.map((r) => `| [\`${r.id}\`](docs/rules/${r.id}.md) | ${r.description} | ${r.enabledByDefault === false ? `off (${SEVERITY[r.defaultSeverity]} when on)` : SEVERITY[r.defaultSeverity]} | ${r.fixable ? '🔧 fix' : ''}${r.fixable && r.hasSuggestions ? ' · ' : ''}${r.hasSuggestions ? '💡 suggestion' : ''} |`);
  return ['| Rule | What it checks | Default | Fixes |', '|---|---|---|---|', ...rows].join('\n');
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
