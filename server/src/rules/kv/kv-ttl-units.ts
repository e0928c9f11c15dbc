// kv-ttl-units: KV cacheTtl/expirationTtl/expiration given in milliseconds (values, names, Date.now()) or as non-integers.
import { additiveTerms, kvTtlOptions, nowKind, valueEdit, type KvTtlOption } from '../../engine/domain/kv/kv-ttl';
import { defineRule, type RuleContext } from '../../engine/define-rule';
import { accessPath, ts, unwrap, type WorkerModel } from '../../engine/parse/worker';
import type { Fix } from '../../engine/types';

/** One year in seconds: plain second values up to this are never called milliseconds (domain.md §E item 5). */
const YEAR_SECONDS = 31_536_000;
const MS_WORDS = new Set(['ms', 'msec', 'msecs', 'milli', 'millis', 'millisecond', 'milliseconds']);

export default defineRule({
  id: 'kv-ttl-units',
  description: 'KV TTLs are whole seconds and expiration is seconds since the epoch; milliseconds and fractions are mistakes.',
  defaultSeverity: 'warn',
  fixable: false,
  hasSuggestions: true,
  kinds: ['worker'],
  defaultOptions: {},
  messages: {
    msValue: '{{option}} is {{value}}, a whole number of minutes in milliseconds; KV TTLs are seconds, so this asks for {{days}} days. Divide by 1000.',
    msName: '{{option}} is `{{text}}`, whose name says milliseconds, but KV expects seconds. Divide by 1000.',
    msEpoch: 'expiration uses `{{text}}`, which is milliseconds since the epoch, but KV expects seconds since the epoch, so the key expires tens of thousands of years late. Use Math.floor({{text}} / 1000).',
    float: '{{option}} is {{value}}, not a whole number; KV TTLs are integer seconds. Use Math.floor().',
    floatEpoch: 'expiration uses `{{text}}`, which is not a whole number of seconds; wrap it in Math.floor().',
  },
  mayApply: (text) => text.includes('cacheTtl') || text.includes('expiration'),
  check(context) {
    const model = context.worker();
    for (const option of kvTtlOptions(model, context.facts)) {
      if (option.name === 'expiration') checkExpiration(context, model, option);
      else checkValue(context, model, option, option.entry.value, option.name);
    }
  },
});

/** Reports a relative TTL (or expiration offset) that is a float, named in ms, or a ms-looking constant. */
function checkValue(context: RuleContext, model: WorkerModel, option: KvTtlOption, node: ts.Expression, label: string, floatOnly = false): boolean {
  const sf = model.sf;
  const text = node.getText(sf);
  const value = model.resolver.resolveNumber(node);
  const edit = (replacement: string) => valueEdit(option.entry, node, replacement, sf);
  const report = (messageId: string, data: Record<string, string | number>, suggestions: Fix[]) => {
    context.report({ start: node.getStart(sf), end: node.end, messageId, data: { option: label, ...data }, suggestions });
    return true;
  };
  if (value !== undefined && Number.isFinite(value) && !Number.isInteger(value)) {
    const replacement = ts.isNumericLiteral(unwrap(node)) ? String(Math.floor(value)) : `Math.floor(${text})`;
    return report('float', { value }, [{ title: `Round down: ${replacement}`, edits: [edit(replacement)] }]);
  }
  if (floatOnly) return false;
  const msRef = msReference(node);
  if (msRef) {
    const replacement = `Math.floor(${paren(node, text)} / 1000)`;
    return report('msName', { text }, [{ title: `Convert to seconds: ${replacement}`, edits: [edit(replacement)] }]);
  }
  if (value !== undefined && value > YEAR_SECONDS && value % 60_000 === 0) {
    return report('msValue', { value, days: Math.round(value / 86_400) }, [{ title: `Divide by 1000: ${secondsText(node, value, sf)}`, edits: [edit(secondsText(node, value, sf))] }]);
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
  const floatIndex = kinds.indexOf('float-seconds');
  if (floatIndex >= 0) {
    const term = terms[floatIndex]!.node;
    const text = term.getText(sf);
    context.report({
      start: term.getStart(sf), end: term.end, messageId: 'floatEpoch', data: { text },
      suggestions: [{ title: `Round down: Math.floor(${text})`, edits: [valueEdit(option.entry, term, `Math.floor(${text})`, sf)] }],
    });
    return;
  }
  if (kinds.includes('seconds')) {
    terms.forEach((t, i) => { if (!kinds[i]) checkValue(context, model, option, t.node, 'the expiration offset'); });
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
  // An absolute timestamp: only a float or a name that says ms can be judged.
  if (!checkValue(context, model, option, value, 'expiration', true) && msReference(value)) checkValue(context, model, option, value, 'expiration');
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
