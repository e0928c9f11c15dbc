// `edgelint explain <rule-id>`: a rule's description, default severity, fixability, file kinds and docs URL, from the registry.
import { docsUrl, type Rule } from '../engine/define-rule';

/** The rule's facts as text (or JSON), all from its definition: docs/ is not shipped in the bundle. */
export function explainRule(rule: Rule, json: boolean): string {
  const facts = {
    id: rule.id, description: rule.description, defaultSeverity: rule.defaultSeverity, enabledByDefault: rule.enabledByDefault !== false, fixable: rule.fixable,
    hasSuggestions: rule.hasSuggestions, kinds: [...rule.kinds], docs: docsUrl(rule.id),
  };
  if (json) return `${JSON.stringify(facts, null, 2)}\n`;
  return [
    `${rule.id}: ${rule.description}`,
    '',
    `  default severity  ${rule.defaultSeverity}`,
    ...(rule.enabledByDefault === false ? ['  on by default     no (turn it on in the edgelint config)'] : []),
    `  fixable           ${rule.fixable ? 'yes (--fix applies it)' : 'no'}`,
    `  suggestions       ${rule.hasSuggestions ? 'yes (quick fixes in the editor)' : 'no'}`,
    `  checks            ${rule.kinds.join(', ')}`,
    `  docs              ${facts.docs}`,
    '',
  ].join('\n');
}
