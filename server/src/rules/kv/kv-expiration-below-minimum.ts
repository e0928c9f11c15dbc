// kv-expiration-below-minimum: KV put() with expirationTtl < 60 or an expiration < 60 s ahead (throws), or an unclamped TTL that can be.
import { additiveTerms, kvTtlOptions, nowKind, numberCandidates, relativeExpiration, valueEdit, type KvTtlOption } from '../../engine/domain/kv/kv-ttl';
import { kvTtlThroughCalls } from '../../engine/domain/kv/kv-ttl-calls';
import { ttlIssues } from '../../engine/domain/kv/kv-ttl-issues';
import { guarded, lowValue } from '../../engine/js/numeric-bounds';
import { requestInput } from '../../engine/js/request-input';
import { defineRule, type RuleContext } from '../../engine/define-rule';
import { ts, type WorkerModel } from '../../engine/parse/worker';
import type { Fix } from '../../engine/types';
import { mayUseImportedHelpers, passesTtl } from '../../engine/project/imports';

/** domain.md A3: "Expiration targets that are less than 60 seconds into the future are not supported" (Miniflare: MIN_EXPIRATION_TTL_SECONDS 60). */
const MINIMUM = 60;
/** 2025-11-24T16:00:00Z in epoch seconds: a constant absolute expiration before this is in the past at any lint time from now on. */
const PAST_SECONDS = 1_764_000_000;

export default defineRule({
  id: 'kv-expiration-below-minimum',
  description: 'KV expirationTtl must be at least 60 seconds (and expiration at least 60 s ahead); smaller values make put() throw.',
  defaultSeverity: 'error',
  messageSeverities: { passThrough: 'warn', requestInput: 'warn', inputThroughCall: 'warn' },
  fixable: false,
  hasSuggestions: true,
  kinds: ['worker'],
  defaultOptions: {},
  messages: {
    ttlBelowMinimum: 'expirationTtl: {{value}} on {{binding}}.put() is below KV\'s 60 s minimum, so put() throws.',
    expirationPast: 'expiration: {{value}} on {{binding}}.put() is already in the past ({{date}}), so put() throws.',
    expirationTooSoon: 'expiration on {{binding}}.put() is only {{value}} s in the future (under 60 s), so put() throws.',
    passThrough: '`{{text}}` ({{option}} on {{binding}}.put()) can be {{value}} ({{reason}}): under 60 s, put() throws.',
    requestInput: '`{{text}}` ({{option}} on {{binding}}.put()) comes from {{source}} unclamped: under 60, put() throws.',
    throughCall: '{{value}} becomes {{option}} through {{via}}: below KV\'s 60 s minimum, so put() throws.',
    inputThroughCall: '`{{text}}` from {{source}} becomes {{option}} through {{via}} unclamped: under 60, put() throws.',
  },
  // Files that only call an imported helper carry no `expiration` text: admit files with relative imports too.
  mayApply: (text, facts) => (text.includes('expiration') && /\bexpiration(?:Ttl)?\b/.test(text)) || mayUseImportedHelpers(text, facts, passesTtl(['expiration', 'expirationTtl'])),
  check(context) {
    const model = context.worker();
    for (const option of kvTtlOptions(model, context.facts)) {
      if (option.name === 'expirationTtl') checkTtl(context, model, option);
      else if (option.name === 'expiration') checkExpiration(context, model, option);
    }
    checkThroughCalls(context, model);
  },
});

/** TTLs passed to a helper (same file or imported) that writes them to KV unclamped. */
function checkThroughCalls(context: RuleContext, model: WorkerModel): void {
  for (const { argument, param, via } of kvTtlThroughCalls(model, context.facts)) {
    if (param.option === 'cacheTtl') continue;
    const option = param.option === 'expiration' ? 'the expiration offset' : param.option;
    for (const issue of ttlIssues(argument, MINIMUM, model)) {
      const { node } = issue;
      if (issue.kind === 'constant') {
        context.report({
          start: node.getStart(model.sf), end: node.end, messageId: 'throughCall', data: { value: issue.value, via, option },
          suggestions: [{ title: 'Pass 60', edits: [{ start: node.getStart(model.sf), end: node.end, text: '60' }] }],
        });
      } else if (issue.kind === 'input') {
        context.report({ start: node.getStart(model.sf), end: node.end, messageId: 'inputThroughCall', data: { text: node.getText(model.sf), source: issue.source, via, option } });
      }
    }
  }
}

function checkTtl(context: RuleContext, model: WorkerModel, { kv, entry }: KvTtlOption): void {
  const candidates = numberCandidates(entry.value, model);
  const below = candidates.filter((c) => c.value < MINIMUM);
  for (const { value, node } of below) {
    context.report({
      start: node.getStart(model.sf), end: node.end, messageId: 'ttlBelowMinimum', data: { value, binding: kv.binding },
      suggestions: [{ title: 'Use expirationTtl: 60', edits: [valueEdit(entry, node, '60', model.sf)] }],
    });
  }
  if (below.length > 0) return;
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
  // A constant absolute time already in the past throws too (domain.md §0: "in the past or < 60 s ahead throws").
  const constant = model.resolver.resolveNumber(entry.value);
  if (constant !== undefined && Number.isFinite(constant) && constant < PAST_SECONDS) {
    const date = constant >= 0 ? new Date(Math.trunc(constant) * 1000).toISOString().slice(0, 10) : 'before 1970';
    context.report({ start: entry.value.getStart(model.sf), end: entry.value.end, messageId: 'expirationPast', data: { value: constant, date, binding: kv.binding } });
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
  const text = at.getText(model.sf);
  const clamped = `Math.max(60, ${text})`;
  const edit = name === 'expirationTtl' ? valueEdit(entry, at, clamped, model.sf) : { start: at.getStart(model.sf), end: at.end, text: clamped };
  if (!low) {
    // domain.md §G: a TTL from the request body, query or headers with no clamp or `>= 60` guard can be anything.
    const input = requestInput(value, model);
    if (input && !guarded(value, MINIMUM, model)) {
      context.report({
        start: at.getStart(model.sf), end: at.end, messageId: 'requestInput',
        data: { option: name === 'expiration' ? 'the expiration offset' : name, text, source: input.source, binding: kv.binding },
        suggestions: [{ title: `Clamp with ${clamped}`, edits: [edit] }],
      });
    }
    return;
  }
  context.report({
    start: at.getStart(model.sf), end: at.end, messageId: 'passThrough',
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
