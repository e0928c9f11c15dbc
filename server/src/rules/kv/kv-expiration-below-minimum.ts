// kv-expiration-below-minimum: KV put() with expirationTtl < 60 or an expiration < 60 s ahead (throws), or an unclamped TTL that can be.
import { additiveTerms, kvTtlOptions, nowKind, numberCandidates, relativeExpiration, valueEdit, type KvTtlOption } from '../../engine/analysis/kv-ttl';
import { lowValue } from '../../engine/analysis/numeric-bounds';
import { defineRule, type RuleContext } from '../../engine/define-rule';
import { ts, type WorkerModel } from '../../engine/parse/worker';
import type { Fix } from '../../engine/types';

/** domain.md A3: "Expiration targets that are less than 60 seconds into the future are not supported" (Miniflare: MIN_EXPIRATION_TTL_SECONDS 60). */
const MINIMUM = 60;

export default defineRule({
  id: 'kv-expiration-below-minimum',
  description: 'KV expirationTtl must be at least 60 seconds (and expiration at least 60 s ahead); smaller values make put() throw.',
  defaultSeverity: 'error',
  fixable: false,
  hasSuggestions: true,
  kinds: ['worker'],
  defaultOptions: {},
  messages: {
    ttlBelowMinimum: 'expirationTtl: {{value}} on {{binding}}.put() is below KV\'s 60 s minimum; the runtime throws "Invalid expiration_ttl of {{value}}". Use 60 or more.',
    expirationTooSoon: 'expiration on {{binding}}.put() is only {{value}} s in the future; KV throws "Expiration times must be at least 60 seconds in the future". Add at least 60 s.',
    passThrough: '`{{text}}` ({{option}} on {{binding}}.put()) can be {{value}} ({{reason}}), and KV throws for TTLs under 60 s; clamp it with Math.max(60, {{text}}) or guard it.',
  },
  mayApply: (text) => text.includes('expiration'),
  check(context) {
    const model = context.worker();
    for (const option of kvTtlOptions(model, context.facts)) {
      if (option.name === 'expirationTtl') checkTtl(context, model, option);
      else if (option.name === 'expiration') checkExpiration(context, model, option);
    }
  },
});

function checkTtl(context: RuleContext, model: WorkerModel, { kv, entry }: KvTtlOption): void {
  const candidates = numberCandidates(entry.value, model);
  for (const { value, node } of candidates) {
    if (value >= MINIMUM) continue;
    context.report({
      start: node.getStart(model.sf), end: node.end, messageId: 'ttlBelowMinimum', data: { value, binding: kv.binding },
      suggestions: [{ title: 'Use expirationTtl: 60', edits: [valueEdit(entry, node, '60', model.sf)] }],
    });
  }
  if (candidates.length > 0) return;
  reportPassThrough(context, model, entry.value, { kv, entry, name: 'expirationTtl' }, entry.value);
}

function checkExpiration(context: RuleContext, model: WorkerModel, { kv, entry }: KvTtlOption): void {
  const relative = relativeExpiration(entry.value, model);
  if (relative) {
    if (relative.offset >= MINIMUM) return;
    const start = entry.value.getStart(model.sf);
    context.report({
      start, end: entry.value.end, messageId: 'expirationTooSoon', data: { value: relative.offset, binding: kv.binding },
      suggestions: expirationSuggestions(model, relative),
    });
    return;
  }
  // `nowSeconds + ttl` with an unclamped ttl that can be below 60.
  const terms = additiveTerms(entry.value);
  const nows = terms.filter((t) => nowKind(t.node, model) === 'seconds');
  const rest = terms.filter((t) => !nows.includes(t));
  if (nows.length === 1 && rest.length === 1 && rest[0]!.sign === 1) {
    reportPassThrough(context, model, rest[0]!.node, { kv, entry, name: 'expiration' }, rest[0]!.node);
  }
}

function reportPassThrough(context: RuleContext, model: WorkerModel, value: ts.Expression, { kv, entry, name }: KvTtlOption, at: ts.Expression): void {
  const low = lowValue(value, MINIMUM, model);
  if (!low) return;
  const text = at.getText(model.sf);
  const clamped = `Math.max(60, ${text})`;
  const edit = name === 'expirationTtl' ? valueEdit(entry, at, clamped, model.sf) : { start: at.getStart(model.sf), end: at.end, text: clamped };
  context.report({
    start: at.getStart(model.sf), end: at.end, messageId: 'passThrough', severity: 'warn',
    data: { option: name === 'expiration' ? 'the expiration offset' : name, text, value: low.value, reason: low.reason, binding: kv.binding },
    suggestions: [{ title: `Clamp with ${clamped}`, edits: [edit] }],
  });
}

/** Raise a single positive constant offset to 60 s, or add 60 s when there is none; anything else gets no suggestion. */
function expirationSuggestions(model: WorkerModel, relative: NonNullable<ReturnType<typeof relativeExpiration>>): Fix[] {
  const sixty = relative.unit === 'ms' ? '60000' : '60';
  if (relative.offsets.length === 1 && relative.offsets[0]!.sign === 1) {
    const node = relative.offsets[0]!.node;
    return [{ title: 'Expire 60 s from now', edits: [{ start: node.getStart(model.sf), end: node.end, text: sixty }] }];
  }
  if (relative.offsets.length === 0) {
    const now = relative.now;
    const text = now.getText(model.sf);
    // In the ms form `now` is the left operand of `/ 1000`, so the sum needs parentheses.
    const replacement = relative.unit === 'ms' || !(ts.isIdentifier(now) || ts.isCallExpression(now)) ? `(${text} + ${sixty})` : `${text} + ${sixty}`;
    return [{ title: 'Expire 60 s from now', edits: [{ start: now.getStart(model.sf), end: now.end, text: replacement }] }];
  }
  return [];
}
