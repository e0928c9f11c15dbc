// wrangler-compat-date-cache: a missing compatibility_date, or code whose cache options need a newer date or flag than the
// nearest wrangler config has (`cache: 'no-store'` throws before 2024-11-11; `cf` cache settings lose to Cache Rules before 2025-04-02).
import { CACHE_OPTION_ENABLED, REQUEST_CF_OVERRIDES_CACHE_RULES, compatSections, compatState, type CompatFlag } from '../../engine/domain/runtime/compat';
import { defineRule, type RuleContext } from '../../engine/define-rule';
import { calleeName, ts, unwrap } from '../../engine/parse/worker';

const CF_CACHE_KEYS = new Set(['cacheEverything', 'cacheTtl', 'cacheTtlByStatus']);

export default defineRule({
  id: 'wrangler-compat-date-cache',
  description: 'The compatibility date must exist and be new enough for the cache options the code uses.',
  defaultSeverity: 'warn',
  fixable: false,
  hasSuggestions: true,
  kinds: ['wrangler', 'worker'],
  defaultOptions: { suggestedDate: '2025-04-02' },
  messages: {
    missingDate: 'No compatibility_date in {{config}}: `wrangler deploy` fails ("A compatibility_date is required when publishing") and `wrangler dev` falls back to a default date. Add compatibility_date "{{suggested}}" or later.',
    cacheOptionBeforeDate: "`cache: '{{value}}'` throws with compatibility_date {{date}} in {{config}} (\"The 'cache' field on 'RequestInitializerDict' is not implemented\"). Add \"cache_option_enabled\" to compatibility_flags or set compatibility_date to 2024-11-11 or later.",
    cacheOptionDisabled: "`cache: '{{value}}'` throws because {{config}} sets the \"cache_option_disabled\" compatibility flag. Remove that flag.",
    cfBeforeDate: '`cf: { {{keys}} }` does not override the zone\'s Cache Rules with compatibility_date {{date}} in {{config}} (Cache Rules win before 2025-04-02). Add "request_cf_overrides_cache_rules" to compatibility_flags or set compatibility_date to 2025-04-02 or later.',
    cfDisabled: '`cf: { {{keys}} }` does not override the zone\'s Cache Rules because {{config}} sets "no_request_cf_overrides_cache_rules". Remove that flag if the Worker\'s settings should win.',
  },
  mayApply: (text) => /\bcache\s*:|\bcacheTtl|\bcacheEverything/.test(text)
    || (!/^[ \t]*["']?compatibility_date["']?[ \t]*[=:]/m.test(text) && /^\s*(\{|\[|[\w"'-]+\s*=)/m.test(text)),
  check(context) {
    if (context.kind === 'wrangler') checkConfig(context);
    else checkCode(context);
  },
});

function basename(path: string): string {
  return path.slice(path.replace(/\\/g, '/').lastIndexOf('/') + 1);
}

function checkConfig(context: RuleContext<{ suggestedDate: string }>): void {
  const { root, format } = context.wrangler();
  if (!root || root.properties!.has('compatibility_date')) return;
  const text = context.text;
  const date = context.options.suggestedDate;
  const first = [...root.properties!.values()].filter((n) => n.keyStart !== undefined).sort((a, b) => a.keyStart! - b.keyStart!)[0];
  let start: number;
  let insert: string;
  if (format === 'toml') {
    start = first ? text.lastIndexOf('\n', first.keyStart! - 1) + 1 : 0;
    insert = `compatibility_date = "${date}"\n`;
  } else if (first) {
    start = first.keyStart!;
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    const indent = text.slice(lineStart, start);
    insert = `"compatibility_date": "${date}",${indent.trim() === '' ? `\n${indent}` : ' '}`;
  } else {
    start = root.start + 1;
    insert = `"compatibility_date": "${date}"`;
  }
  const at = first ? { start: first.keyStart!, end: first.keyEnd! } : { start: root.start, end: Math.min(root.end, root.start + 1) };
  context.report({
    ...at, messageId: 'missingDate', data: { config: basename(context.path), suggested: date },
    suggestions: [{ title: `Add compatibility_date "${date}"`, edits: [{ start, end: start, text: insert }] }],
  });
}

/** The first section of the nearest config where `flag` is off, as message data. */
function offSection(context: RuleContext<{ suggestedDate: string }>, flag: CompatFlag): { state: 'before-date' | 'disabled'; date: string; config: string } | undefined {
  const config = context.facts.wrangler;
  if (!config) return undefined;
  for (const section of compatSections(config)) {
    const state = compatState(flag, section);
    if (state !== 'before-date' && state !== 'disabled') continue;
    const name = basename(config.path) + (section.env ? ` (env.${section.env})` : '');
    return { state, date: section.date ?? '', config: name };
  }
  return undefined;
}

function checkCode(context: RuleContext<{ suggestedDate: string }>): void {
  const model = context.worker();
  const { resolver, sf } = model;
  const cfObjects = new Set<ts.ObjectLiteralExpression>();
  const noStore = offSection(context, CACHE_OPTION_ENABLED);
  for (const call of [...model.calls, ...model.news]) {
    const name = calleeName(call);
    const isFetch = ts.isCallExpression(call) && name === 'fetch';
    const isRequest = ts.isNewExpression(call) && ts.isIdentifier(unwrap(call.expression)) && name === 'Request';
    const initArg = (isFetch || isRequest) ? call.arguments?.[1] : undefined;
    const init = initArg && resolver.resolveObject(initArg);
    if (!init) continue;
    for (const entry of resolver.objectEntries(init)) {
      if (entry.key === 'cf') {
        const cf = resolver.resolveObject(entry.value);
        if (cf) cfObjects.add(cf);
      }
      if (entry.key !== 'cache' || !noStore) continue;
      const value = resolver.resolveString(entry.value)?.value;
      if (value === undefined) continue;
      context.report({
        start: entry.property.getStart(sf), end: entry.property.end, severity: 'error',
        messageId: noStore.state === 'disabled' ? 'cacheOptionDisabled' : 'cacheOptionBeforeDate', data: { value, date: noStore.date, config: noStore.config },
      });
    }
  }
  const override = offSection(context, REQUEST_CF_OVERRIDES_CACHE_RULES);
  if (!override) return;
  for (const property of model.properties) {
    if (ts.isIdentifier(property.name) && property.name.text === 'cf' || ts.isStringLiteral(property.name) && property.name.text === 'cf') {
      const cf = resolver.resolveObject(property.initializer);
      if (cf) cfObjects.add(cf);
    }
  }
  for (const cf of [...cfObjects].sort((a, b) => a.pos - b.pos)) {
    const entries = resolver.objectEntries(cf).filter((e) => CF_CACHE_KEYS.has(e.key)
      && !(e.key === 'cacheEverything' && unwrap(e.value).kind === ts.SyntaxKind.FalseKeyword));
    if (entries.length === 0) continue;
    const keys = [...new Set(entries.map((e) => e.key))].join(', ');
    context.report({
      start: entries[0]!.property.getStart(sf), end: entries[0]!.property.end,
      messageId: override.state === 'disabled' ? 'cfDisabled' : 'cfBeforeDate', data: { keys, date: override.date, config: override.config },
    });
  }
}
