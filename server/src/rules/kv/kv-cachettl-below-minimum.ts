// kv-cachettl-below-minimum: KV get()/getWithMetadata() with a cacheTtl under the runtime minimum (30 s), which throws.
import { kvTtlOptions, numberCandidates, valueEdit } from '../../engine/analysis/kv-ttl';
import { defineRule } from '../../engine/define-rule';
import { removePropertyEdit } from '../../engine/edits';
import { ts, unwrap } from '../../engine/parse/worker';
import type { Fix, TextEdit } from '../../engine/types';

export default defineRule({
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
    const configured = Number(context.options.minimum);
    // domain.md A2: 30 s since 2026-01-30 (60 s before); the option lets older runtimes keep 60.
    const minimum = Number.isFinite(configured) && configured > 0 ? configured : 30;
    for (const { kv, name, entry } of kvTtlOptions(model, context.facts)) {
      if (name !== 'cacheTtl') continue;
      for (const { value, node } of numberCandidates(entry.value, model)) {
        if (value >= minimum) continue;
        const suggestions: Fix[] = [{ title: `Use cacheTtl: ${minimum}`, edits: [valueEdit(entry, node, String(minimum), model.sf)] }];
        // Removing the option is only offered when it removes this value (not one branch of a conditional).
        const whole = node === entry.value;
        if (whole && (ts.isPropertyAssignment(entry.property) || ts.isShorthandPropertyAssignment(entry.property))) {
          suggestions.push({ title: 'Remove cacheTtl (KV\'s default is 60 s)', edits: [removeOptionEdit(kv.call, kv.options, entry.property, model.sf)] });
        }
        context.report({
          start: node.getStart(model.sf), end: node.end, messageId: 'belowMinimum',
          data: { value, binding: kv.binding, method: kv.method, minimum }, suggestions,
        });
      }
    }
  },
});

/** Removes the property; when it is the only one of an inline options literal, removes the whole argument instead. */
function removeOptionEdit(call: ts.CallExpression, options: ts.Expression | undefined, property: ts.ObjectLiteralElementLike, sf: ts.SourceFile): TextEdit {
  const literal = property.parent;
  const index = options ? call.arguments.indexOf(options) : -1;
  if (options && unwrap(options) === literal && ts.isObjectLiteralExpression(literal) && literal.properties.length === 1 && index > 0
    && index === call.arguments.length - 1) {
    return { start: call.arguments[index - 1]!.end, end: options.end, text: '' };
  }
  return removePropertyEdit(property, sf);
}
