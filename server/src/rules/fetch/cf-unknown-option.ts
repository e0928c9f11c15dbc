// cf-unknown-option: a `cf` key Cloudflare does not know (`cacheTTL`, `cache_ttl`, `ttl`) is silently ignored; retired
// keys (`minify`) do nothing. Suggests the intended key when it is certain.
import { cfOptionsSites } from '../../engine/domain/fetch/cf-options';
import { CF_INCOMING_KEYS, CF_KEYS, CF_RETIRED_KEYS, intendedCfKey } from '../../engine/domain/fetch/cf-keys';
import type { ObjectEntry } from '../../engine/parse/constants';
import { defineRule } from '../../engine/define-rule';
import type { Fix } from '../../engine/types';
import { ts, type WorkerModel } from '../../engine/parse/worker';

export default defineRule({
  id: 'cf-unknown-option',
  description: 'Unknown keys in a subrequest\'s cf object are silently ignored; retired keys do nothing.',
  defaultSeverity: 'error',
  messageSeverities: { retired: 'info' },
  fixable: false,
  hasSuggestions: true,
  kinds: ['worker'],
  defaultOptions: {},
  messages: {
    unknown: 'cf.{{key}} is not a cf option, so Cloudflare silently ignores it{{hint}}.',
    retired: 'cf.{{key}} does nothing: Cloudflare retired {{feature}}.',
  },
  // A `cf` key in an options object (`cf: {…}`, `'cf': {…}`, or shorthand `{ cf }`).
  mayApply: (text) => text.includes('cf') && /\bcf['"]?\s*[:,}]/.test(text) && (text.includes('fetch') || text.includes('Request')),
  check(context) {
    const model = context.worker();
    const reported = new Set<number>();
    for (const site of cfOptionsSites(model)) {
      const keys = new Set(site.cfEntries.map((e) => e.key));
      for (const entry of site.cfEntries) {
        if (CF_KEYS.has(entry.key) && !CF_RETIRED_KEYS.has(entry.key)) continue;
        if (CF_INCOMING_KEYS.has(entry.key)) continue;
        const start = entry.keyNode.getStart(model.sf);
        if (reported.has(start)) continue;
        reported.add(start);
        const feature = CF_RETIRED_KEYS.get(entry.key);
        if (feature) {
          context.report({ start, end: entry.keyNode.end, messageId: 'retired', data: { key: entry.key, feature } });
          continue;
        }
        const intended = intendedCfKey(entry.key);
        const rename = intended && !keys.has(intended) ? renameKey(model, entry, intended) : undefined;
        context.report({
          start, end: entry.keyNode.end, messageId: 'unknown', data: { key: entry.key, hint: intended ? ` (did you mean ${intended}?)` : '' },
          ...(rename ? { suggestions: [rename] } : {}),
        });
      }
    }
  },
});

/** Renames a key in place: `cacheTTL` → `cacheTtl`, `'cache_ttl'` → `'cacheTtl'`, shorthand `{ ttl }` → `{ cacheTtl: ttl }`. */
function renameKey(model: WorkerModel, entry: ObjectEntry, intended: string): Fix | undefined {
  const node = entry.keyNode;
  const start = node.getStart(model.sf);
  const title = `Rename to ${intended}`;
  if (ts.isShorthandPropertyAssignment(entry.property)) return { title, edits: [{ start, end: node.end, text: `${intended}: ${entry.key}` }] };
  if (ts.isIdentifier(node)) return { title, edits: [{ start, end: node.end, text: intended }] };
  if (ts.isStringLiteral(node)) return { title, edits: [{ start: start + 1, end: node.end - 1, text: intended }] };
  return undefined;
}
