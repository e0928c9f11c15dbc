// cache-api-local-only: Cache API code that expects a global effect: a purge after a data write or from a cron, "warming"
// loops, and stale-* directives in responses it stores; the Cache API is per data center and never serves stale (A4).
import { cacheCalls, type CacheCall } from '../../engine/domain/cache-api/cache-api';
import { responseAt } from '../../engine/domain/cache-api/put-response';
import { intentEvidence } from '../../engine/domain/deploy/intent-evidence';
import { cronScopeOf, cronScopes } from '../../engine/domain/runtime/cron-scopes';
import { dataWriteAround } from '../../engine/domain/runtime/data-writes';
import { describeRepetition } from '../../engine/js/repetition';
import { defineRule } from '../../engine/define-rule';
import { parseCacheControl } from '../../engine/parse/cache-control';
import { mapRange } from '../../engine/parse/constants';
import { calleeName, repetitionOf, ts, type WorkerModel } from '../../engine/parse/worker';

const STALE = new Set(['stale-while-revalidate', 'stale-if-error']);
const CC_HEADERS = new Set(['cache-control', 'cdn-cache-control', 'cloudflare-cdn-cache-control']);

export default defineRule({
  id: 'cache-api-local-only',
  description: 'The Cache API is per data center: a cache.delete() purge, a cron or a warming loop reaches one location only.',
  defaultSeverity: 'warn',
  messageSeverities: { warmingLoop: 'info', staleIgnored: 'info' },
  fixable: false,
  hasSuggestions: false,
  kinds: ['worker'],
  defaultOptions: {},
  messages: {
    deleteAfterWrite: '{{call}} next to {{write}} purges only this data center; other locations keep their old copy.',
    deleteInCron: '{{call}} in {{where}} purges only the data center the cron runs in.',
    warmingLoop: '{{call}} in a {{loop}} ({{evidence}}) fills only this data center; the Cache API is not replicated or tiered.',
    staleIgnored: '{{directive}} has no effect on the cache.put() copy: the Cache API never serves stale entries.',
  },
  mayApply: (text) => text.includes('caches') && /\b(put|delete)\b/.test(text),
  check(context) {
    const model = context.worker();
    const { sf } = model;
    const calls = cacheCalls(model);
    if (calls.length === 0) return;
    const scopes = cronScopes(model, context.facts);
    for (const cache of calls) {
      const at = { start: cache.call.getStart(sf), end: cache.call.end };
      const label = callLabel(cache, sf);
      const cron = cronScopeOf(scopes, cache.call);
      if (cache.method === 'delete') {
        if (cron) {
          context.report({ ...at, messageId: 'deleteInCron', data: { call: label, where: cron.where } });
          continue;
        }
        const write = dataWriteAround(model, context.facts, cache.call);
        if (write) context.report({ ...at, messageId: 'deleteAfterWrite', data: { call: label, write } });
      } else if (cache.method === 'put') {
        // cache.put() in cron code is kv-cron-warming's finding; here: request-path warming loops and stale-* directives.
        const rep = !cron ? repetitionOf(cache.call) : undefined;
        const evidence = rep && intentEvidence(model, rep.node, cache.request ? { node: cache.request, what: 'the key' } : undefined, context.path);
        if (rep && evidence) context.report({ ...at, messageId: 'warmingLoop', data: { call: label, loop: describeRepetition(rep, sf), evidence } });
        for (const stale of staleDirectives(model, cache)) {
          context.report({ start: stale.start, end: stale.end, messageId: 'staleIgnored', data: { directive: stale.directive } });
        }
      }
    }
  },
});

/** `stale-while-revalidate`/`stale-if-error` in the Cache-Control of the response the put stores, with their ranges. */
function staleDirectives(model: WorkerModel, cache: CacheCall): { start: number; end: number; directive: string }[] {
  const found: { start: number; end: number; directive: string }[] = [];
  const response = cache.response && responseAt(model, cache.response, cache.call);
  for (const header of response ? response.headers : []) {
    if (!CC_HEADERS.has(header.name) || !header.value) continue;
    for (const directive of parseCacheControl(header.value.value).directives) {
      const range = STALE.has(directive.key) ? mapRange(header.value, directive.start, directive.end) : undefined;
      if (range) found.push({ ...range, directive: directive.name });
    }
  }
  return found;
}

/** `caches.default.delete()`, `cache.put()` for long receivers. */
function callLabel(cache: CacheCall, sf: ts.SourceFile): string {
  const text = cache.cache.getText(sf).replace(/\s+/g, '');
  return `${text.length > 30 ? 'cache' : text}.${calleeName(cache.call)}()`;
}
