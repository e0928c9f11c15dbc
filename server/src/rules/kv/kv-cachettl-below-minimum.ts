// kv-cachettl-below-minimum: KV get()/getWithMetadata() with a cacheTtl under the runtime minimum (30 s), which throws.
import { kvCalls } from '../../engine/analysis/kv';
import { defineRule } from '../../engine/define-rule';
import { removePropertyEdit, replaceFix } from '../../engine/edits';
import { ts } from '../../engine/parse/worker';

export default defineRule<{ minimum: number }>({
  id: 'kv-cachettl-below-minimum',
  description: 'KV cacheTtl must be at least 30 seconds; smaller values make get() throw.',
  defaultSeverity: 'error',
  fixable: false,
  hasSuggestions: true,
  kinds: ['worker'],
  defaultOptions: { minimum: 30 },
  messages: {
    belowMinimum: 'cacheTtl: {{value}} on {{binding}}.{{method}}() is below KV\'s {{minimum}} s minimum; the runtime throws "Invalid cache_ttl of {{value}}". Use {{minimum}} or more.',
  },
  mayApply: (text) => text.includes('cacheTtl'),
  check(context) {
    const model = context.worker();
    const minimum = Number(context.options.minimum) || 30;
    for (const kv of kvCalls(model, context.facts)) {
      if ((kv.method !== 'get' && kv.method !== 'getWithMetadata') || !kv.options) continue;
      const options = model.resolver.resolveObject(kv.options);
      if (!options) continue;
      const entry = model.resolver.objectEntries(options).filter((e) => e.key === 'cacheTtl').pop();
      if (!entry) continue;
      const value = model.resolver.resolveNumber(entry.value);
      if (value === undefined || value >= minimum) continue;
      const start = entry.value.getStart(model.sf);
      const suggestions = [replaceFix(`Use cacheTtl: ${minimum}`, start, entry.value.end, String(minimum))];
      if (ts.isPropertyAssignment(entry.property) && entry.property.parent === options) {
        suggestions.push({ title: 'Remove cacheTtl (KV\'s default is 60 s)', edits: [removePropertyEdit(entry.property, model.sf)] });
      }
      context.report({
        start, end: entry.value.end, messageId: 'belowMinimum',
        data: { value, binding: kv.binding, method: kv.method, minimum }, suggestions,
      });
    }
  },
});
