// kv-cachettl-below-minimum: KV get()/getWithMetadata() with a cacheTtl under the runtime minimum (30 s), which throws.
import { kvTtlOptions, valueEdit } from '../../engine/domain/kv/kv-ttl';
import { kvTtlThroughCalls } from '../../engine/domain/kv/kv-ttl-calls';
import { ttlIssues } from '../../engine/domain/kv/kv-ttl-issues';
import { defineRule } from '../../engine/define-rule';
import { removePropertyEdit } from '../../engine/edits';
import { ts, unwrap } from '../../engine/parse/worker';
import type { Fix, TextEdit } from '../../engine/types';
import { mayUseImportedHelpers, passesTtl } from '../../engine/project/imports';

export default defineRule({
  id: 'kv-cachettl-below-minimum',
  description: 'KV cacheTtl must be at least 30 seconds; smaller values make get() throw.',
  defaultSeverity: 'error',
  messageSeverities: { passThrough: 'warn', requestInput: 'warn', inputThroughCall: 'warn' },
  fixable: false,
  hasSuggestions: true,
  kinds: ['worker'],
  defaultOptions: { minimum: 30 },
  messages: {
    belowMinimum: 'cacheTtl: {{value}} on {{binding}}.{{method}}() is below KV\'s {{minimum}} s minimum, so the call throws.',
    passThrough: '`{{text}}` as cacheTtl can be {{value}} ({{reason}}): {{binding}}.{{method}}() throws under {{minimum}}.',
    requestInput: '`{{text}}` from {{source}} is cacheTtl of {{binding}}.{{method}}() unclamped: under {{minimum}}, it throws.',
    throughCall: 'cacheTtl: {{value}} reaches {{via}}: below KV\'s {{minimum}} s minimum, so the call throws.',
    inputThroughCall: '`{{text}}` from {{source}} becomes cacheTtl through {{via}} unclamped: under {{minimum}}, get() throws.',
  },
  // Files that only call an imported helper carry no `cacheTtl` text: admit files with relative imports too.
  mayApply: (text, facts) => text.includes('cacheTtl') || mayUseImportedHelpers(text, facts, passesTtl(['cacheTtl'])),
  check(context) {
    const model = context.worker();
    const configured = Number(context.options.minimum);
    // domain.md A2: 30 s since 2026-01-30 (60 s before); the option lets older runtimes keep 60.
    const minimum = Number.isFinite(configured) && configured > 0 ? configured : 30;
    for (const { kv, name, entry } of kvTtlOptions(model, context.facts)) {
      if (name !== 'cacheTtl') continue;
      for (const issue of ttlIssues(entry.value, minimum, model)) {
        const { node } = issue;
        const text = node.getText(model.sf);
        const clamp: Fix[] = [{ title: `Clamp with Math.max(${minimum}, …)`, edits: [valueEdit(entry, node, `Math.max(${minimum}, ${text})`, model.sf)] }];
        if (issue.kind === 'low') {
          context.report({ start: node.getStart(model.sf), end: node.end, messageId: 'passThrough', data: { text, value: issue.value, reason: issue.reason, binding: kv.binding, method: kv.method, minimum }, suggestions: clamp });
          continue;
        }
        if (issue.kind === 'input') {
          context.report({ start: node.getStart(model.sf), end: node.end, messageId: 'requestInput', data: { text, source: issue.source, binding: kv.binding, method: kv.method, minimum }, suggestions: clamp });
          continue;
        }
        const value = issue.value;
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
    for (const { argument, param, via } of kvTtlThroughCalls(model, context.facts)) {
      if (param.option !== 'cacheTtl') continue;
      for (const issue of ttlIssues(argument, minimum, model)) {
        const { node } = issue;
        if (issue.kind === 'constant') {
          context.report({
            start: node.getStart(model.sf), end: node.end, messageId: 'throughCall', data: { value: issue.value, via, minimum },
            suggestions: [{ title: `Pass ${minimum}`, edits: [{ start: node.getStart(model.sf), end: node.end, text: String(minimum) }] }],
          });
        } else if (issue.kind === 'input') {
          context.report({ start: node.getStart(model.sf), end: node.end, messageId: 'inputThroughCall', data: { text: node.getText(model.sf), source: issue.source, via, minimum } });
        }
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
