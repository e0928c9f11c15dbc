// kv-ttl-units: KV cacheTtl/expirationTtl/expiration in milliseconds (names, Date.now(), `* 1000`) or past the int32 limit (throws).
import { additiveTerms, kvTtlOptions, nowKind, valueEdit, type KvTtlOption } from '../../engine/domain/kv/kv-ttl';
import { defineRule, type RuleContext } from '../../engine/define-rule';
import { accessPath, ts, unwrap, type WorkerModel } from '../../engine/parse/worker';
import type { Fix } from '../../engine/types';

/** The binding converts TTL numbers to int32: anything above this throws `Value out of range` (domain.md §0, workerd kv.h). */
export const INT32_MAX = 2_147_483_647;
/** A "now" in seconds that is already in the past (2025-11-24): now + offset above INT32_MAX only gets more certain with time. */
const NOW_FLOOR_SECONDS = 1_764_000_000;
const MS_WORDS = new Set(['ms', 'msec', 'msecs', 'milli', 'millis', 'millisecond', 'milliseconds']);

export default defineRule({
  id: 'kv-ttl-units',
  description: 'KV TTLs are int32 seconds and expiration is seconds since the epoch: milliseconds are mistakes, and values past 2^31 throw.',
  defaultSeverity: 'warn',
  messageSeverities: { overflow: 'error', overflowOffset: 'error', msEpoch: 'error' },
  fixable: false,
  hasSuggestions: true,
  kinds: ['worker'],
  defaultOptions: {},
  messages: {
    overflow: '{{option}} is {{value}}, above the 32-bit limit KV converts TTLs to, so the call throws.{{hint}}',
    overflowOffset: 'the expiration offset is {{value}} s, past 2038-01-19 (the 32-bit limit), so put() throws.{{hint}}',
    msFactor: '{{option}} is `{{text}}`, in milliseconds (`* 1000`): KV TTLs are seconds, so this asks for {{days}} days.',
    msName: '{{option}} is `{{text}}`, whose name says milliseconds, but KV expects seconds.',
    msEpoch: 'expiration uses `{{text}}`, milliseconds since the epoch: KV takes seconds, so put() throws.',
  },
  mayApply: (text) => text.includes('cacheTtl') || text.includes('expiration'),
  check(context) {
    const model = context.worker();
    for (const option of kvTtlOptions(model, context.facts)) {
      if (option.name === 'expiration') checkExpiration(context, model, option);
      else checkValue(context, model, option, option.entry.value, option.name, 'ttl');
    }
  },
});

type Place = 'ttl' | 'offset' | 'absolute';
const MS_HINT = ' It looks like milliseconds.';

/**
 * Reports a TTL, an offset added to now-in-seconds, or an absolute expiration: past int32 (error, throws), named in ms,
 * or written as `x * 1000` (warnings). Fractions are not reported: the binding truncates them, and one that truncates
 * below the minimum is below it already (kv-expiration-below-minimum / kv-cachettl-below-minimum report those).
 */
function checkValue(context: RuleContext, model: WorkerModel, option: KvTtlOption, node: ts.Expression, label: string, place: Place): boolean {
  const sf = model.sf;
  const text = node.getText(sf);
  const value = model.resolver.resolveNumber(node);
  const edit = (replacement: string) => valueEdit(option.entry, node, replacement, sf);
  const limit = place === 'offset' ? INT32_MAX - NOW_FLOOR_SECONDS : INT32_MAX;
  if (value !== undefined && Number.isFinite(value) && value > limit) {
    // int32 overflow is evidence of milliseconds when a thousandth fits (`30 * 24 * 3600 * 1000`, an offset in ms).
    const msLike = place !== 'absolute' && value % 1000 === 0 && value / 1000 <= limit;
    const seconds = secondsText(node, value, sf);
    const suggestions: Fix[] = msLike ? [{ title: `Divide by 1000: ${seconds}`, edits: [edit(seconds)] }] : [];
    const messageId = place === 'offset' ? 'overflowOffset' : 'overflow';
    context.report({ start: node.getStart(sf), end: node.end, messageId, data: { option: label, value, hint: msLike ? MS_HINT : '' }, suggestions });
    return true;
  }
  const msRef = msReference(node);
  if (msRef) {
    const replacement = `Math.floor(${paren(node, text)} / 1000)`;
    context.report({ start: node.getStart(sf), end: node.end, messageId: 'msName', data: { option: label, text }, suggestions: [{ title: `Convert to seconds: ${replacement}`, edits: [edit(replacement)] }] });
    return true;
  }
  if (place !== 'absolute' && value !== undefined && thousandFactor(node, model)) {
    const seconds = secondsText(node, value, sf);
    context.report({
      start: node.getStart(sf), end: node.end, messageId: 'msFactor', data: { option: label, text, days: Math.round(value / 86_400) },
      suggestions: [{ title: `Divide by 1000: ${seconds}`, edits: [edit(seconds)] }],
    });
    return true;
  }
  return false;
}

function checkExpiration(context: RuleContext, model: WorkerModel, option: KvTtlOption): void {
  const sf = model.sf;
  const value = option.entry.value;
  const terms = additiveTerms(value);
  const kinds = terms.map((t) => nowKind(t.node, model));
  const msIndex = kinds.indexOf('ms');
  if (msIndex >= 0) {
    const term = terms[msIndex]!.node;
    const text = term.getText(sf);
    const others = terms.filter((_, i) => i !== msIndex);
    const perTerm: Fix = { title: `Use seconds: Math.floor(${text} / 1000)`, edits: [valueEdit(option.entry, term, `Math.floor(${text} / 1000)`, sf)] };
    const suggestions = [perTerm];
    if (others.length > 0) {
      const whole = `Math.floor((${value.getText(sf)}) / 1000)`;
      const wholeFix: Fix = { title: `Convert the whole sum: ${whole}`, edits: [valueEdit(option.entry, value, whole, sf)] };
      // Offsets written in ms (`Date.now() + 3600 * 1000`) mean the whole sum is ms; otherwise the offset is seconds.
      const msOffsets = others.every((t) => { const n = model.resolver.resolveNumber(t.node); return n !== undefined && n >= 1000 && n % 1000 === 0; });
      suggestions.splice(msOffsets ? 0 : 1, 0, wholeFix);
    }
    context.report({ start: term.getStart(sf), end: term.end, messageId: 'msEpoch', data: { text }, suggestions });
    return;
  }
  // `Date.now() / 1000 + 600` is fine: the binding truncates the fraction (domain.md §0).
  if (kinds.includes('seconds') || kinds.includes('float-seconds')) {
    terms.forEach((t, i) => { if (!kinds[i] && t.sign === 1) checkValue(context, model, option, t.node, 'the expiration offset', 'offset'); });
    return;
  }
  // `const expiresAt = Date.now() + 3_600_000; … { expiration: expiresAt }`: the const holds milliseconds.
  const target = unwrap(value);
  const init = ts.isIdentifier(target) ? model.resolver.constInitializer(target) : undefined;
  if (init && additiveTerms(init).some((t) => nowKind(t.node, model) === 'ms')) {
    const text = value.getText(sf);
    const replacement = `Math.floor(${text} / 1000)`;
    context.report({
      start: value.getStart(sf), end: value.end, messageId: 'msEpoch', data: { text },
      suggestions: [{ title: `Use seconds: ${replacement}`, edits: [valueEdit(option.entry, value, replacement, sf)] }],
    });
    return;
  }
  // An absolute timestamp: after 2038-01-19 it throws; a name that says ms is a warning.
  checkValue(context, model, option, value, 'expiration', 'absolute');
}

/** True for `x * 1000` / `1000 * x` (through parentheses and one const): the usual way to write milliseconds. */
function thousandFactor(node: ts.Expression, model: WorkerModel, depth = 0): boolean {
  const expr = unwrap(node);
  if (ts.isIdentifier(expr) && depth < 3) {
    const init = model.resolver.constInitializer(expr);
    return !!init && thousandFactor(init, model, depth + 1);
  }
  if (!ts.isBinaryExpression(expr) || expr.operatorToken.kind !== ts.SyntaxKind.AsteriskToken) return false;
  const isThousand = (side: ts.Expression) => ts.isNumericLiteral(unwrap(side)) && Number((unwrap(side) as ts.NumericLiteral).text.replace(/_/g, '')) === 1000;
  return isThousand(expr.right) || isThousand(expr.left) || thousandFactor(expr.left, model, depth);
}

/** The ms-named reference in a bare reference or a `+ - *` expression of references and numbers (no division, no calls). */
function msReference(node: ts.Expression): string | undefined {
  const expr = unwrap(node);
  const path = accessPath(expr);
  if (path) return saysMilliseconds(path[path.length - 1]!) ? path.join('.') : undefined;
  if (ts.isBinaryExpression(expr) && [ts.SyntaxKind.PlusToken, ts.SyntaxKind.MinusToken, ts.SyntaxKind.AsteriskToken].includes(expr.operatorToken.kind)) {
    return msReference(expr.left) ?? msReference(expr.right);
  }
  return undefined;
}

/** Splits camelCase / PascalCase / snake_case / kebab-case into words and looks for ms, millis, milliseconds. */
export function saysMilliseconds(name: string): boolean {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2').split(/[^A-Za-z]+/);
  return words.some((word) => MS_WORDS.has(word.toLowerCase()));
}

/** `86_400_000` → `86400`; `X * 1000` → `X`; anything else → `X / 1000`. */
function secondsText(node: ts.Expression, value: number, sf: ts.SourceFile): string {
  const expr = unwrap(node);
  if (ts.isNumericLiteral(expr)) return String(value / 1000);
  if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.AsteriskToken && ts.isNumericLiteral(unwrap(expr.right))
    && Number((unwrap(expr.right) as ts.NumericLiteral).text.replace(/_/g, '')) === 1000) return expr.left.getText(sf);
  return `${paren(node, node.getText(sf))} / 1000`;
}

function paren(node: ts.Expression, text: string): string {
  const expr = unwrap(node);
  return ts.isIdentifier(expr) || ts.isPropertyAccessExpression(expr) || ts.isNumericLiteral(expr) || ts.isCallExpression(expr)
    || ts.isParenthesizedExpression(node) ? text : `(${text})`;
}
