// cf-ineffective-option: `cf` cache options that do nothing: on non-GET/HEAD subrequests, `cacheTtl`/`cacheEverything` on
// `ctx.exports.X.fetch()`, `cacheKey` outside Enterprise, and `cacheEverything: true` next to `cacheTtl` (domain.md A5, §E 25).
import { cfOption, cfOptionsSites, lastEntry, type CfOptionsSite } from '../../engine/domain/fetch/cf-options';
import { requestMethod } from '../../engine/domain/cache-api/request-method';
import { defineRule } from '../../engine/define-rule';
import type { Fix } from '../../engine/types';
import type { ObjectEntry } from '../../engine/parse/constants';
import { ts, type WorkerModel } from '../../engine/parse/worker';

/** Options that apply to GET and HEAD only [req-cf]. */
const GET_ONLY = ['cacheTtl', 'cacheTtlByStatus', 'cacheEverything'];
/** Options `ctx.exports.X.fetch()` does not support [wc-lim]. */
const NOT_ON_EXPORTS = ['cacheTtl', 'cacheEverything'];

const rule = defineRule({
  id: 'cf-ineffective-option',
  description: 'cf cache options that do nothing: non-GET subrequests, ctx.exports fetches, Enterprise-only cacheKey, redundant cacheEverything.',
  defaultSeverity: 'warn',
  messageSeverities: { enterpriseOnly: 'info', redundant: 'info' },
  fixable: false,
  hasSuggestions: true,
  kinds: ['worker'],
  defaultOptions: {},
  messages: {
    nonGet: 'cf.{{key}} does nothing on this {{method}} request: Cloudflare caches only GET and HEAD subrequests.',
    onExports: 'cf.{{key}} is not supported on ctx.exports fetches: Workers Cache ignores it.',
    enterpriseOnly: 'cf.cacheKey works only on Enterprise zones; elsewhere it is ignored.',
    redundant: 'cacheEverything: true is redundant next to cf.cacheTtl, which already implies Cache Everything.',
  },
  mayApply: (text) => text.includes('cache') && /\bcache(Ttl|TtlByStatus|Everything|Key)\b/.test(text),
  check(context) {
    const model = context.worker();
    const reported = new Set<string>();
    const report = (entry: ObjectEntry, messageId: MessageId, data: Record<string, string>, extra: { suggestions?: Fix[] } = {}) => {
      const start = entry.keyNode.getStart(model.sf);
      if (reported.has(`${start}:${messageId}`)) return;
      reported.add(`${start}:${messageId}`);
      context.report({ start, end: entry.keyNode.end, messageId, data, ...extra });
    };
    for (const site of cfOptionsSites(model)) {
      if (site.api === 'ctx.exports fetch()') {
        for (const key of NOT_ON_EXPORTS) {
          const entry = cfOption(site, key);
          if (entry) report(entry, 'onExports', { key });
        }
      } else {
        const method = nonGetMethod(model, site);
        const first = method && GET_ONLY.map((key) => cfOption(site, key)).find((e) => !!e);
        if (method && first) report(first, 'nonGet', { key: first.key, method });
      }
      const cacheKey = cfOption(site, 'cacheKey');
      if (cacheKey && site.api !== 'ctx.exports fetch()') report(cacheKey, 'enterpriseOnly', {});
      const everything = cfOption(site, 'cacheEverything');
      const ttl = cfOption(site, 'cacheTtl');
      if (everything && ttl && everything.value.kind === ts.SyntaxKind.TrueKeyword && (model.resolver.resolveNumber(ttl.value) ?? -1) >= 0) {
        report(everything, 'redundant', {}, { suggestions: removal(model, site, everything) });
      }
    }
  },
});
export default rule;

type MessageId = keyof typeof rule.messages;

/** A non-GET/HEAD method the subrequest certainly has: `method` in the init, or the input request's known method. */
function nonGetMethod(model: WorkerModel, site: CfOptionsSite): string | undefined {
  const entry = lastEntry(site.entries, 'method');
  if (entry) {
    const method = model.resolver.resolveString(entry.value)?.value.toUpperCase();
    return method && method !== 'GET' && method !== 'HEAD' ? method : undefined;
  }
  if (!site.input) return undefined;
  const known = requestMethod(model, site.input, site.call);
  return known && known.method !== 'non-GET' && known.method !== 'HEAD' && !known.method.includes('GET') ? known.method : undefined;
}

/** Deletes `cacheEverything: true,` from the cf object literal it is written in (with its separator). */
function removal(model: WorkerModel, site: CfOptionsSite, entry: ObjectEntry): Fix[] {
  const object = entry.property.parent;
  if (!ts.isObjectLiteralExpression(object) || object !== site.cf || !ts.isPropertyAssignment(entry.property)) return [];
  const properties = object.properties;
  const index = properties.indexOf(entry.property);
  const next = properties[index + 1];
  const previous = properties[index - 1];
  const start = next || !previous ? entry.property.getStart(model.sf) : previous.end;
  const end = next ? next.getStart(model.sf) : entry.property.end;
  return [{ title: 'Remove cacheEverything', edits: [{ start, end, text: '' }] }];
}
