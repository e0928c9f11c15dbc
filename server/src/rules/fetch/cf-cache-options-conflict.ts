// cf-cache-options-conflict: `cf.cacheControl` with `cf.cacheTtl`, or with the `cache` request option, makes fetch() throw.
import { callsNamed } from '../../engine/js/functions';
import { isGlobalReference } from '../../engine/js/scopes';
import type { ObjectEntry } from '../../engine/parse/constants';
import { defineRule } from '../../engine/define-rule';
import { contains, lineOf, ts, unwrap, type WorkerModel } from '../../engine/parse/worker';

export default defineRule({
  id: 'cf-cache-options-conflict',
  description: 'cf.cacheControl cannot be combined with cf.cacheTtl or the cache request option; the fetch throws.',
  defaultSeverity: 'error',
  fixable: false,
  hasSuggestions: false,
  kinds: ['worker'],
  defaultOptions: {},
  messages: {
    withCacheTtl: 'cf.cacheControl is set together with cf.cacheTtl (line {{line}}) in {{api}}: the request throws a TypeError. Keep one of them.',
    withCacheMode: 'cf.cacheControl is set together with the cache option (line {{line}}) in {{api}}: the request throws a TypeError. Keep one of them.',
  },
  mayApply: (text) => text.includes('cacheControl') && (text.includes('fetch') || text.includes('Request')),
  check(context) {
    const model = context.worker();
    const { sf } = model;
    const reported = new Set<number>();
    for (const { init, api } of requestInits(model)) {
      const options = model.resolver.resolveObject(init);
      if (!options) continue;
      const entries = model.resolver.objectEntries(options);
      const cfValue = last(entries, 'cf')?.value;
      const cf = cfValue && model.resolver.resolveObject(cfValue);
      if (!cf) continue;
      const cfEntries = model.resolver.objectEntries(cf);
      const cacheControl = last(cfEntries, 'cacheControl');
      if (!cacheControl || isUndefined(cacheControl.value)) continue;
      const ttl = last(cfEntries, 'cacheTtl');
      const mode = last(entries, 'cache');
      const other = ttl && !isUndefined(ttl.value) ? { entry: ttl, messageId: 'withCacheTtl' as const }
        : mode && !isUndefined(mode.value) ? { entry: mode, messageId: 'withCacheMode' as const } : undefined;
      if (!other) continue;
      // Report on the cacheControl key when this call's options show it, otherwise on the options argument.
      const at = contains(init, cacheControl.keyNode) ? cacheControl.keyNode : init;
      const start = at.getStart(sf);
      if (reported.has(start)) continue;
      reported.add(start);
      context.report({ start, end: at.end, messageId: other.messageId, data: { line: lineOf(other.entry.keyNode), api } });
    }
  },
});

/** The init argument of each global `fetch(input, init)` and `new Request(input, init)`. */
function requestInits(model: WorkerModel): { init: ts.Expression; api: string }[] {
  const result: { init: ts.Expression; api: string }[] = [];
  for (const call of callsNamed(model, 'fetch')) {
    const init = call.arguments[1];
    if (init && isGlobalReference(call.expression, 'fetch')) result.push({ init, api: 'fetch()' });
  }
  for (const made of model.news) {
    const init = made.arguments?.[1];
    if (init && isGlobalReference(made.expression, 'Request')) result.push({ init, api: 'new Request()' });
  }
  return result;
}

function last(entries: ObjectEntry[], key: string): ObjectEntry | undefined {
  for (let i = entries.length - 1; i >= 0; i--) if (entries[i]!.key === key) return entries[i];
  return undefined;
}

function isUndefined(value: ts.Expression): boolean {
  const expr = unwrap(value);
  return (ts.isIdentifier(expr) && expr.text === 'undefined') || expr.kind === ts.SyntaxKind.NullKeyword;
}
