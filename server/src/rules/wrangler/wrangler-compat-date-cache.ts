// wrangler-compat-date-cache: a missing compatibility_date, or code whose cache options need a newer date or flag than the
// nearest wrangler config has (`cache: 'no-store'` throws before 2024-11-11, `'no-cache'` before 2025-08-07, `'reload'` always;
// `cf` cache settings lose to Cache Rules before 2025-04-02, on Cache API requests before 2025-05-19).
import { CACHE_API_REQUEST_CF, CACHE_NO_CACHE, CACHE_OPTION_ENABLED, REQUEST_CF_OVERRIDES_CACHE_RULES, compatSections, compatState, type CompatFlag } from '../../engine/domain/runtime/compat';
import { cacheCalls } from '../../engine/domain/cache-api/cache-api';
import { defineRule, type RuleContext } from '../../engine/define-rule';
import { calleeName, ts, unwrap } from '../../engine/parse/worker';

const CF_CACHE_KEYS = new Set(['cacheEverything', 'cacheTtl', 'cacheTtlByStatus']);
/** Request cache modes workerd rejects at any date (`'reload'` is experimental only; domain.md §0). */
const UNSUPPORTED_MODES = new Set(['reload', 'force-cache', 'only-if-cached']);
/** A RequestCache mode as a string (every mode a `cache` option can take). */
const CACHE_MODE_LITERAL = /['"`](?:default|no-store|reload|no-cache|force-cache|only-if-cached)['"`]/;

/** Today's date (UTC) at lint time: the suggested compatibility_date when the option does not fix one. */
export function todayUtc(now: number = Date.now()): string {
  return new Date(now).toISOString().slice(0, 10);
}

export default defineRule({
  id: 'wrangler-compat-date-cache',
  description: 'The compatibility date must exist and be new enough for the cache options the code uses.',
  defaultSeverity: 'warn',
  messageSeverities: { unsupportedMode: 'error', noCacheBeforeDate: 'error', noCacheDisabled: 'error', cacheOptionBeforeDate: 'error', cacheOptionDisabled: 'error' },
  fixable: false,
  hasSuggestions: true,
  kinds: ['wrangler', 'worker'],
  defaultOptions: { suggestedDate: '' },
  messages: {
    missingDate: 'No compatibility_date in {{config}}: `wrangler deploy` fails in CI and `wrangler dev` picks a default.',
    noCacheBeforeDate: '`cache: \'no-cache\'` throws with compatibility_date {{date}} in {{config}} (before 2025-08-07).',
    noCacheDisabled: '`cache: \'no-cache\'` throws: {{config}} sets the "cache_no_cache_disabled" flag.',
    unsupportedMode: '`cache: \'{{value}}\'` is not supported by Workers: the request throws.',
    cacheApiCfBeforeDate: '`cf: { {{keys}} }` passed to {{call}} is ignored before 2025-05-19 ({{date}} in {{config}}).',
    cacheApiCfDisabled: '{{config}} sets no_cache_api_request_cf_overrides_cache_rules: `cf: { {{keys}} }` in {{call}} is ignored.',
    cacheOptionBeforeDate: '`cache: \'{{value}}\'` throws with compatibility_date {{date}} in {{config}} (before 2024-11-11).',
    cacheOptionDisabled: '`cache: \'{{value}}\'` throws: {{config}} sets the "cache_option_disabled" flag.',
    cfBeforeDate: '`cf: { {{keys}} }` loses to Cache Rules with compatibility_date {{date}} in {{config}} (before 2025-04-02).',
    cfDisabled: '`cf: { {{keys}} }` loses to Cache Rules: {{config}} sets "no_request_cf_overrides_cache_rules".',
  },
  // Code: only files that use cache options. Config: every wrangler file (the missing-date check; configs are parsed anyway).
  // Source files: cf cache options, or a `cache` key of a fetch/Request init with a cache mode string.
  mayApply: (text, _facts, kind) => kind === 'wrangler' || (text.includes('cache') && /\bcacheTtl|\bcacheEverything/.test(text))
    || (/\bcache\b/.test(text) && CACHE_MODE_LITERAL.test(text) && /\bfetch\b|\bRequest\b/.test(text)),
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
  // domain.md §0: a deploy script passing --compatibility-date satisfies "missing"; vitest pool configs infer it on purpose.
  if (context.facts.compatDateOnCommandLine || context.facts.vitestPoolConfig) return;
  const text = context.text;
  const date = /^\d{4}-\d{2}-\d{2}$/.test(context.options.suggestedDate) ? context.options.suggestedDate : todayUtc();
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
    ...at, messageId: 'missingDate', data: { config: basename(context.path) },
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
  const noCache = offSection(context, CACHE_NO_CACHE);
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
      if (entry.key !== 'cache') continue;
      const value = resolver.resolveString(entry.value)?.value;
      if (value === undefined) continue;
      const at = { start: entry.property.getStart(sf), end: entry.property.end };
      if (UNSUPPORTED_MODES.has(value)) context.report({ ...at, messageId: 'unsupportedMode', data: { value } });
      else if (noStore) {
        context.report({ ...at, messageId: noStore.state === 'disabled' ? 'cacheOptionDisabled' : 'cacheOptionBeforeDate', data: { value, date: noStore.date, config: noStore.config } });
      } else if (value === 'no-cache' && noCache) {
        context.report({ ...at, messageId: noCache.state === 'disabled' ? 'noCacheDisabled' : 'noCacheBeforeDate', data: { date: noCache.date, config: noCache.config } });
      }
    }
  }
  const cacheApiCf = cacheApiRequestCf(context, cfObjects);
  const override = offSection(context, REQUEST_CF_OVERRIDES_CACHE_RULES);
  if (!override) return;
  for (const property of model.properties) {
    if (ts.isIdentifier(property.name) && property.name.text === 'cf' || ts.isStringLiteral(property.name) && property.name.text === 'cf') {
      const cf = resolver.resolveObject(property.initializer);
      if (cf) cfObjects.add(cf);
    }
  }
  for (const cf of [...cfObjects].sort((a, b) => a.pos - b.pos)) {
    if (cacheApiCf.has(cf)) continue; // reported against the Cache API flag
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

/**
 * `cf` cache settings on a `new Request(…, { cf })` passed (directly or through a const) to `cache.put`/`cache.match`: they
 * override Cache Rules only from 2025-05-19 (`cache_api_request_cf_overrides_cache_rules`, domain.md §0). Returns the cf
 * objects it looked at, so the fetch() check does not report them again.
 */
function cacheApiRequestCf(context: RuleContext<{ suggestedDate: string }>, cfObjects: Set<ts.ObjectLiteralExpression>): Set<ts.ObjectLiteralExpression> {
  const model = context.worker();
  const { resolver, sf } = model;
  const seen = new Set<ts.ObjectLiteralExpression>();
  const off = offSection(context, CACHE_API_REQUEST_CF);
  for (const cache of cacheCalls(model)) {
    if (!cache.request || cache.method === 'delete') continue;
    let request = unwrap(cache.request);
    if (ts.isIdentifier(request)) request = resolver.constInitializer(request) ? unwrap(resolver.constInitializer(request)!) : request;
    if (!ts.isNewExpression(request) || calleeName(request) !== 'Request') continue;
    const init = request.arguments?.[1] && resolver.resolveObject(request.arguments[1]);
    const cfValue = init && resolver.objectValue(init, 'cf');
    const cf = cfValue && resolver.resolveObject(cfValue);
    if (!cf || seen.has(cf)) continue;
    seen.add(cf);
    cfObjects.delete(cf);
    const entries = resolver.objectEntries(cf).filter((e) => CF_CACHE_KEYS.has(e.key) && !(e.key === 'cacheEverything' && unwrap(e.value).kind === ts.SyntaxKind.FalseKeyword));
    if (!off || entries.length === 0) continue;
    const receiver = cache.cache.getText(sf).replace(/\s+/g, '');
    context.report({
      start: entries[0]!.property.getStart(sf), end: entries[0]!.property.end,
      messageId: off.state === 'disabled' ? 'cacheApiCfDisabled' : 'cacheApiCfBeforeDate',
      data: { keys: [...new Set(entries.map((e) => e.key))].join(', '), call: `${receiver.length > 30 ? 'cache' : receiver}.${cache.method}()`, date: off.date, config: off.config },
    });
  }
  return seen;
}
