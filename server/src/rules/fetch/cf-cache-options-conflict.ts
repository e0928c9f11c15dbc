// cf-cache-options-conflict: `cf.cacheControl` with `cf.cacheTtl`, or with the `cache` request option, makes fetch() throw.
import { cfOption, cfOptionsSites, lastEntry, isNullish } from '../../engine/domain/fetch/cf-options';
import { defineRule } from '../../engine/define-rule';
import { contains, lineOf } from '../../engine/parse/worker';

export default defineRule({
  id: 'cf-cache-options-conflict',
  description: 'cf.cacheControl cannot be combined with cf.cacheTtl or the cache request option; the fetch throws.',
  defaultSeverity: 'error',
  fixable: false,
  hasSuggestions: false,
  kinds: ['worker'],
  defaultOptions: {},
  messages: {
    withCacheTtl: 'cf.cacheControl and cf.cacheTtl (line {{line}}) are both set in {{api}}: the request throws a TypeError.',
    withCacheMode: 'cf.cacheControl and the cache option (line {{line}}) are both set in {{api}}: the request throws a TypeError.',
  },
  mayApply: (text) => text.includes('cacheControl') && (text.includes('fetch') || text.includes('Request')),
  check(context) {
    const model = context.worker();
    const { sf } = model;
    const reported = new Set<number>();
    for (const site of cfOptionsSites(model)) {
      const cacheControl = cfOption(site, 'cacheControl');
      if (!cacheControl) continue;
      const ttl = cfOption(site, 'cacheTtl');
      const mode = lastEntry(site.entries, 'cache');
      const other = ttl ? { entry: ttl, messageId: 'withCacheTtl' as const }
        : mode && !isNullish(mode.value) ? { entry: mode, messageId: 'withCacheMode' as const } : undefined;
      if (!other) continue;
      // Report on the cacheControl key when this call's options show it, otherwise on the options argument.
      const at = contains(site.init, cacheControl.keyNode) ? cacheControl.keyNode : site.init;
      const start = at.getStart(sf);
      if (reported.has(start)) continue;
      reported.add(start);
      context.report({ start, end: at.end, messageId: other.messageId, data: { line: lineOf(other.entry.keyNode), api: site.api } });
    }
  },
});
