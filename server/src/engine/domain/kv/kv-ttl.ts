// KV TTL options (get's cacheTtl, put's expirationTtl/expiration) and the shapes of their values: constants, "now" timestamps.
import type { ObjectEntry } from '../../parse/constants';
import { accessPath, calleeName, calleeObject, ts, unwrap, type WorkerModel } from '../../parse/worker';
import type { FileFacts } from '../../project/facts';
import { kvCalls, type KvCall } from './kv';
import { classFieldInitializers, optionObjects } from './kv-bindings';

/** A TTL-like option passed to a KV call (domain.md A2, A3). */
export interface KvTtlOption {
  kv: KvCall;
  name: 'cacheTtl' | 'expirationTtl' | 'expiration';
  /** The entry that wins (the last one for its key, as in JS). Its property may sit in a const or spread object. */
  entry: ObjectEntry;
}

/** Every cacheTtl (get/getWithMetadata) and expirationTtl/expiration (put) whose options object is statically known. */
export function kvTtlOptions(model: WorkerModel, facts: FileFacts): KvTtlOption[] {
  const result: KvTtlOption[] = [];
  for (const kv of kvCalls(model, facts)) {
    if (!kv.options) continue;
    const names: KvTtlOption['name'][] = kv.method === 'put' ? ['expirationTtl', 'expiration']
      : kv.method === 'get' || kv.method === 'getWithMetadata' ? ['cacheTtl'] : [];
    if (names.length === 0) continue;
    // Each branch of `cond ? {} : { cacheTtl: 10 }` is a possible options object (domain.md §G).
    for (const options of optionObjects(kv.options, model)) {
      const entries = model.resolver.objectEntries(options);
      for (const name of names) {
        const entry = entries.filter((e) => e.key === name).pop();
        if (entry) result.push({ kv, name, entry });
      }
    }
  }
  return result;
}

/** A statically known number and the node that produced it. */
export interface NumberCandidate {
  value: number;
  node: ts.Expression;
}

/** The constant value of an expression, or of each constant branch of a `cond ? a : b` (nested conditionals too). */
export function numberCandidates(expr: ts.Expression, model: WorkerModel, depth = 0): NumberCandidate[] {
  const value = model.resolver.resolveNumber(expr);
  if (value !== undefined) return [{ value, node: expr }];
  if (depth > 6) return [];
  const node = unwrap(expr);
  // `const ttl = h ? parseInt(h) : 20` and `this.#period = fast ? 10 : 60`: the branches of what the name holds.
  if (ts.isIdentifier(node)) {
    const init = model.resolver.constInitializer(node);
    return init ? numberCandidates(init, model, depth + 1) : [];
  }
  const path = accessPath(node);
  if (path?.length === 2 && path[0] === 'this') {
    const inits = classFieldInitializers(model).get(path[1]!) ?? [];
    const owner = enclosingClass(node);
    return inits.filter((init) => enclosingClass(init) === owner).flatMap((init) => numberCandidates(init, model, depth + 1));
  }
  if (ts.isConditionalExpression(node)) return [...numberCandidates(node.whenTrue, model, depth + 1), ...numberCandidates(node.whenFalse, model, depth + 1)];
  // `ttl ?? 10`, `ttl || 10`: the fallback is a value the code uses (domain.md §G).
  if (ts.isBinaryExpression(node) && (node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || node.operatorToken.kind === ts.SyntaxKind.BarBarToken)) {
    return numberCandidates(node.right, model, depth + 1);
  }
  // `Math.min(ttl, 10)` is at most 10.
  if (ts.isCallExpression(node) && calleeName(node) === 'min' && isMath(calleeObject(node))) {
    const bounds = node.arguments.flatMap((a) => numberCandidates(a, model, depth + 1)).sort((a, b) => a.value - b.value);
    return bounds.length > 0 ? [bounds[0]!] : [];
  }
  return [];
}

function enclosingClass(node: ts.Node): ts.ClassLikeDeclaration | undefined {
  for (let current = node.parent; current; current = current.parent) if (ts.isClassLike(current)) return current;
  return undefined;
}

function isMath(object: ts.Expression | undefined): boolean {
  const node = object && unwrap(object);
  return !!node && ts.isIdentifier(node) && node.text === 'Math';
}

/** Replacement for an option's value: the value node, or the whole property when it is shorthand (`{ cacheTtl }`). */
export function valueEdit(entry: ObjectEntry, node: ts.Expression, text: string, sf: ts.SourceFile): { start: number; end: number; text: string } {
  if (ts.isShorthandPropertyAssignment(entry.property) && node === entry.value) {
    return { start: entry.property.getStart(sf), end: entry.property.end, text: `${entry.key}: ${text}` };
  }
  return { start: node.getStart(sf), end: node.end, text };
}

/** One operand of an addition/subtraction chain. */
export interface Term {
  node: ts.Expression;
  sign: 1 | -1;
}

/** Splits `a + b - c` (through parentheses) into signed terms. */
export function additiveTerms(expr: ts.Expression, sign: 1 | -1 = 1): Term[] {
  const node = unwrap(expr);
  if (ts.isBinaryExpression(node) && (node.operatorToken.kind === ts.SyntaxKind.PlusToken || node.operatorToken.kind === ts.SyntaxKind.MinusToken)) {
    const rightSign = node.operatorToken.kind === ts.SyntaxKind.MinusToken ? (-sign as 1 | -1) : sign;
    return [...additiveTerms(node.left, sign), ...additiveTerms(node.right, rightSign)];
  }
  return [{ node: expr, sign }];
}

/** How an expression measures "now": `ms` (Date.now()), `float-seconds` (Date.now() / 1000), `seconds` (floored). */
export type NowKind = 'ms' | 'float-seconds' | 'seconds';

const FLOORS = new Set(['floor', 'round', 'trunc', 'ceil']);

/** Recognises Date.now(), new Date().getTime(), +new Date(), their `/ 1000`, floored forms, and consts holding them. */
export function nowKind(expr: ts.Expression, model: WorkerModel, depth = 0): NowKind | undefined {
  if (depth > 6) return undefined;
  const node = unwrap(expr);
  if (ts.isIdentifier(node)) {
    const init = model.resolver.constInitializer(node);
    return init ? nowKind(init, model, depth + 1) : undefined;
  }
  if (isNowMs(node)) return 'ms';
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.SlashToken
    && model.resolver.resolveNumber(node.right) === 1000 && nowKind(node.left, model, depth + 1) === 'ms') return 'float-seconds';
  const inner = flooredOperand(node);
  if (inner && nowKind(inner, model, depth + 1) === 'float-seconds') return 'seconds';
  return undefined;
}

/** The operand of `Math.floor|round|trunc|ceil(x)`, `x | 0`, `~~x` or `parseInt(x)`. */
export function flooredOperand(node: ts.Expression): ts.Expression | undefined {
  if (ts.isCallExpression(node) && node.arguments.length >= 1) {
    const name = calleeName(node);
    const object = calleeObject(node);
    if (name && FLOORS.has(name) && object && ts.isIdentifier(unwrap(object)) && (unwrap(object) as ts.Identifier).text === 'Math') return node.arguments[0];
    if (name === 'parseInt' && (!object || (ts.isIdentifier(unwrap(object)) && (unwrap(object) as ts.Identifier).text === 'Number'))) return node.arguments[0];
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.BarToken && ts.isNumericLiteral(unwrap(node.right)) && (unwrap(node.right) as ts.NumericLiteral).text === '0') return node.left;
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.TildeToken) {
    const operand = unwrap(node.operand);
    if (ts.isPrefixUnaryExpression(operand) && operand.operator === ts.SyntaxKind.TildeToken) return operand.operand;
  }
  return undefined;
}

function isNowMs(node: ts.Expression): boolean {
  if (ts.isCallExpression(node) && node.arguments.length === 0) {
    const name = calleeName(node);
    const object = calleeObject(node);
    if (!object) return false;
    const receiver = unwrap(object);
    if (name === 'now' && ts.isIdentifier(receiver) && receiver.text === 'Date') return true;
    if ((name === 'getTime' || name === 'valueOf') && isNewDate(receiver)) return true;
  }
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.PlusToken && isNewDate(unwrap(node.operand))) return true;
  return false;
}

function isNewDate(node: ts.Expression): boolean {
  return ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Date' && (node.arguments?.length ?? 0) === 0;
}

/** An absolute `expiration` written as now + offset, with its offset in seconds. */
export interface RelativeExpiration {
  /** Seconds into the future. */
  offset: number;
  /** The "now" operand (`now`, `Math.floor(Date.now() / 1000)`, or the `Date.now()` inside a floored ms sum). */
  now: ts.Expression;
  /** Numeric operands added to now (in ms when `unit` is `ms`). */
  offsets: Term[];
  unit: 's' | 'ms';
}

/** Recognises `nowSeconds ± n…` and `Math.floor((Date.now() ± n…) / 1000)` (through one const), with constant n. */
export function relativeExpiration(expr: ts.Expression, model: WorkerModel, depth = 0): RelativeExpiration | undefined {
  const node = unwrap(expr);
  if (ts.isIdentifier(node) && depth < 4) {
    const init = model.resolver.constInitializer(node);
    return init && nowKind(node, model) === undefined ? relativeExpiration(init, model, depth + 1) : sum(expr, model, 'seconds', 's');
  }
  const inner = flooredOperand(node);
  const divided = inner ? unwrap(inner) : undefined;
  if (divided && ts.isBinaryExpression(divided) && divided.operatorToken.kind === ts.SyntaxKind.SlashToken && model.resolver.resolveNumber(divided.right) === 1000) {
    const ms = sum(divided.left, model, 'ms', 'ms');
    if (ms) return ms;
  }
  // `Date.now() / 1000 + 30`: the binding truncates the fraction, so it is now-in-seconds too (domain.md §0).
  return sum(expr, model, 'seconds', 's') ?? sum(expr, model, 'float-seconds', 's');
}

function sum(expr: ts.Expression, model: WorkerModel, kind: NowKind, unit: 's' | 'ms'): RelativeExpiration | undefined {
  const terms = additiveTerms(expr);
  const nows = terms.filter((t) => nowKind(t.node, model) === kind);
  if (nows.length !== 1 || nows[0]!.sign !== 1) return undefined;
  const offsets = terms.filter((t) => t !== nows[0]);
  let total = 0;
  for (const term of offsets) {
    const value = model.resolver.resolveNumber(term.node);
    if (value === undefined) return undefined;
    total += term.sign * value;
  }
  return { offset: unit === 'ms' ? total / 1000 : total, now: nows[0]!.node, offsets, unit };
}
