// The severities a rule reports each message at (`messageSeverities`): a message's default, its allowed set, the rule's summary.
import type { Rule } from './define-rule';
import type { Severity } from './types';

/** Most severe first: the order in which a rule's severities are listed (README, --list-rules, explain). */
const ORDER: readonly Severity[] = ['error', 'warn', 'info'];

/** Every severity `messageId` may be reported at when the user configured none; the first is its default. */
export function declaredSeverities(rule: Rule, messageId: string): readonly Severity[] {
  const declared = (rule.messageSeverities as Partial<Record<string, Severity | readonly Severity[]>> | undefined)?.[messageId];
  if (declared === undefined) return [rule.defaultSeverity];
  return typeof declared === 'string' ? [declared] : declared;
}

/** The severity a report of `messageId` gets unless the report passes another declared one or the user configured one. */
export function messageSeverity(rule: Rule, messageId: string): Severity {
  return declaredSeverities(rule, messageId)[0]!;
}

/** The rule's real severities, most severe first, each with the message ids reported at it. */
export function severitiesOf(rule: Rule): { severity: Severity; messageIds: string[] }[] {
  const ids = Object.keys(rule.messages);
  return ORDER.map((severity) => ({ severity, messageIds: ids.filter((id) => declaredSeverities(rule, id).includes(severity)) }))
    .filter((entry) => entry.messageIds.length > 0);
}

/** The rule's severities as data (`--list-rules --format json`, `explain --format json`): the list, and each message's. */
export function severityFacts(rule: Rule): { severities: Severity[]; messageSeverities: Record<string, Severity[]> } {
  return {
    severities: severitiesOf(rule).map((entry) => entry.severity),
    messageSeverities: Object.fromEntries(Object.keys(rule.messages).map((id) => [id, [...declaredSeverities(rule, id)]])),
  };
}

/** Messages grouped by their declared severities (`warn` or `warn/info`), most severe group first: for docs and `explain`. */
export function messageGroups(rule: Rule): { severities: readonly Severity[]; messageIds: string[] }[] {
  const groups = new Map<string, { severities: readonly Severity[]; messageIds: string[] }>();
  for (const id of Object.keys(rule.messages)) {
    const severities = [...declaredSeverities(rule, id)].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b));
    const key = severities.join('/');
    if (!groups.has(key)) groups.set(key, { severities, messageIds: [] });
    groups.get(key)!.messageIds.push(id);
  }
  const rank = (s: readonly Severity[]) => ORDER.indexOf(s[0]!) * 10 + s.length;
  return [...groups.values()].sort((a, b) => rank(a.severities) - rank(b.severities));
}
