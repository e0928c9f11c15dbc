// `edgelint explain <rule-id>` (a rule's facts from the registry, and its doc's why and fix) and `explain --cache-control <value>` (the hover's explanation per context).
import { docsUrl, type Rule } from '../engine/define-rule';
import { explainCacheControl } from '../engine/explain-cache-control';
import type { HoverContext } from '../engine/explain-context';
import { messageGroups, severityFacts } from '../engine/message-severity';
import { ruleDocSections, type RuleDocSections } from './rule-doc';

/** The rule's facts as text (or JSON) from its definition, then its doc's "Why" and "How to fix" when the doc is there. */
export function explainRule(rule: Rule, json: boolean, doc: RuleDocSections = ruleDocSections(rule.id)): string {
  const facts = {
    id: rule.id, description: rule.description, defaultSeverity: rule.defaultSeverity, ...severityFacts(rule), enabledByDefault: rule.enabledByDefault !== false, fixable: rule.fixable,
    hasSuggestions: rule.hasSuggestions, kinds: [...rule.kinds], docs: docsUrl(rule.id), ...doc,
  };
  if (json) return `${JSON.stringify(facts, null, 2)}\n`;
  const sections = [['Why', doc.why], ['How to fix', doc.howToFix]].flatMap(([title, body]) => (body ? [`${title}:`, indent(body!), ''] : []));
  return [
    `${rule.id}: ${rule.description}`,
    '',
    `  default severity  ${rule.defaultSeverity}`,
    ...severityLines(rule),
    ...(rule.enabledByDefault === false ? ['  on by default     no (turn it on in the edgelint config)'] : []),
    `  fixable           ${rule.fixable ? 'yes (--fix applies it)' : 'no'}`,
    `  suggestions       ${rule.hasSuggestions ? 'yes (quick fixes in the editor)' : 'no'}`,
    `  checks            ${rule.kinds.join(', ')}`,
    `  docs              ${facts.docs}`,
    '',
    ...sections,
  ].join('\n');
}

function indent(text: string): string {
  return text.split('\n').map((line) => (line ? `  ${line}` : line)).join('\n');
}

/** With more than one severity: which messages are reported at which (`warn/info`: each report picks one). */
function severityLines(rule: Rule): string[] {
  const groups = messageGroups(rule);
  if (groups.length < 2 && groups[0]!.severities.length < 2) return [];
  return groups.map((g, i) => `  ${i === 0 ? 'severities' : ''.padEnd(10)}        ${g.severities.join('/').padEnd(11)} ${g.messageIds.join(', ')}`);
}

/** The contexts `explain --cache-control` walks through, with the label each one prints under (domain.md §0: context decides). */
const CC_CONTEXTS: { context: HoverContext; label: string }[] = [
  { context: 'workers-cache', label: 'Worker response with Workers Cache on (cache.enabled)' },
  { context: 'worker-response', label: 'Worker response with Workers Cache off' },
  { context: 'cache-put', label: 'Stored with cache.put (Workers Cache API)' },
  { context: 'headers-file', label: '_headers on static assets (zone cache)' },
];

/** `edgelint explain --cache-control "<value>"`: each directive's meaning, then what each context does with the value. */
export function explainCacheControlValue(value: string, header: string, json: boolean): string {
  const all = CC_CONTEXTS.map(({ context, label }) => ({ label, explanation: explainCacheControl(value, header, context) }));
  const first = all[0]!.explanation;
  if (json) {
    return `${JSON.stringify({
      header: first.header, value, directives: first.directives.map(({ name, value: arg, meaning, warning }) => ({ name, value: arg, meaning, warning })),
      warnings: first.warnings, edgeTtl: first.edgeTtl, browserTtl: first.browserTtl, browser: first.browser,
      contexts: all.map(({ label, explanation: e }) => ({ context: e.context, label, where: e.where, edge: e.edge, stale: e.stale, cachePut: e.cachePut, storedByEdge: e.storedByEdge })),
    }, null, 2)}\n`;
  }
  const lines = [`${first.header}: ${value}`, ''];
  for (const d of first.directives) lines.push(`  ${value.slice(d.start, d.end)}  ${d.meaning}${d.warning ? ` (warning: ${d.warning})` : ''}`);
  for (const warning of first.warnings) lines.push(`  warning: ${warning}`);
  lines.push('', 'Browser', ...first.browser.map((s) => `  ${s}`));
  for (const { label, explanation: e } of all) {
    lines.push('', label, ...[...e.where, ...e.edge, ...e.stale, ...(e.context === 'cache-put' ? e.cachePut : [])].map((s) => `  ${s}`));
  }
  return `${lines.join('\n')}\n`;
}
