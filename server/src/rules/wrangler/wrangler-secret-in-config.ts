// wrangler-secret-in-config: `vars` values (top level or any `env.*`) that look like secrets. Messages name the variable and
// why it looks secret, never the value: the value must not reach any output format, hover or log (domain.md §F 41).
import { defineRule, type RuleContext } from '../../engine/define-rule';
import { getNode, type ConfigNode } from '../../engine/parse/config-tree';
import { configSections } from '../../engine/parse/wrangler';
import { isHighEntropy, KNOWN_SECRET_FORMATS } from '../../engine/redact';

/** Names that hold credentials (after camelCase → SNAKE_CASE): `*_TOKEN`, `*_SECRET`, `*_API_KEY`, `PASSWORD`… */
const SECRET_NAME = /(^|_)(TOKEN|SECRET|PASSWORD|PASSWD|API_?KEY|PRIVATE_?KEY|SECRET_?KEY|ACCESS_?KEY|AUTH_?KEY|SIGNING_?KEY|CREDENTIALS?)$/;
/** Names that are public by design (publishable keys, Turnstile/reCAPTCHA site keys, public VAPID keys). */
const PUBLIC_NAME = /PUBLIC|PUBLISHABLE|SITE_?KEY/;
/** Values that are placeholders or instructions, not secrets. */
const PLACEHOLDER = /^(<[^>]*>|\$\{[^}]*\}|\{\{[^}]*\}\}|x+|\*+|\.+|todo|tbd|changeme|change[-_ ]me|replace[-_ ]?me|your[-_ ].*|none|null|undefined|true|false|\d+|demo|test|testing|example|sample|dummy|fake|mock|placeholder|secret|password|token|dev|local)$/i;

export default defineRule({
  id: 'wrangler-secret-in-config',
  description: 'Values in `vars` that look like secrets: they are plain text in the config, the repository and the dashboard.',
  defaultSeverity: 'error',
  messageSeverities: { secret: ['error', 'warn'] },
  fixable: false,
  hasSuggestions: false,
  kinds: ['wrangler'],
  defaultOptions: {},
  messages: {
    secret: '`{{name}}` in `{{section}}` looks like a secret ({{reason}}): `vars` are plain text in the repo and dashboard.',
  },
  mayApply: (text) => text.includes('vars'),
  check(context) {
    for (const { env, node } of configSections(context.wrangler())) {
      const vars = getNode(node, 'vars');
      if (vars?.type !== 'object') continue;
      const section = env ? `env.${env}.vars` : 'vars';
      for (const [name, value] of vars.properties!) visit(context, section, name, value);
    }
  },
});

/** Checks one var; object values (JSON vars) are checked member by member under their own names. */
function visit(context: RuleContext<object, 'secret'>, section: string, name: string, node: ConfigNode): void {
  if (node.type === 'object') {
    for (const [key, child] of node.properties!) visit(context, section, `${name}.${key}`, child);
    return;
  }
  if (node.type !== 'string' || typeof node.value !== 'string') return;
  const found = looksSecret(name.split('.').pop()!, node.value);
  if (!found) return;
  context.report({
    start: node.keyStart ?? node.start, end: node.keyEnd ?? node.end, messageId: 'secret',
    data: { name, section, reason: found.reason },
    severity: found.byEntropyOnly ? 'warn' : undefined,
    // Keeps the value out of outputs that copy source text (the JSON formatter's merged multi-edit fixes of other rules).
    sensitive: [{ start: node.start, end: node.end }],
  });
}

function snakeUpper(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[^A-Za-z0-9]+/g, '_').toUpperCase();
}

/** Why a name/value pair looks like a secret (never containing the value), or undefined. */
function looksSecret(name: string, raw: string): { reason: string; byEntropyOnly?: boolean } | undefined {
  const value = raw.trim();
  if (value === '' || PLACEHOLDER.test(value)) return undefined;
  const upper = snakeUpper(name);
  if (PUBLIC_NAME.test(upper) || /^pk_(live|test)_/.test(value)) return undefined;
  const format = KNOWN_SECRET_FORMATS.find(([re]) => re.test(value));
  if (format) return { reason: `the value has the format of ${format[1]}` };
  if (SECRET_NAME.test(upper)) return { reason: 'its name' };
  if (isHighEntropy(value)) return { reason: 'a long random-looking value', byEntropyOnly: true };
  return undefined;
}
