// KV read-modify-write: a put whose value is computed (incremented, appended to) from a get of the same key in the same
// function — counters and rate limiters. A read-through cache fill (get miss -> compute -> put) is not one: its value
// does not come from the read.
import { contains, enclosingFunction, ts, unwrap, type WorkerModel } from '../../parse/worker';
import { keyIdentity } from './key-identity';
import type { KvCall } from './kv';
import { functionName } from './kv-writes';

/** A put that writes back a modified read of the same key. */
export interface ReadModifyWrite {
  read: KvCall;
  /** `numeric`: counted (+1, ++, +=); `append`: pushed onto a read list. */
  change: 'numeric' | 'append';
  /** The code compares the read value against a limit or answers 429, or names say rate/limit/throttle. */
  rateLimit: boolean;
}

type Taint = { read: Set<string>; numeric: Set<string>; changed: Set<string>; appended: Set<string> };

/** The read this put writes back a modified version of, if any. */
export function readModifyWrite(model: WorkerModel, put: KvCall, calls: KvCall[]): ReadModifyWrite | undefined {
  const id = keyIdentity(model, put.key);
  if (put.method !== 'put' || !put.value || !id) return undefined;
  const fn: ts.Node = enclosingFunction(put.call) ?? model.sf;
  const reads = calls.filter((c) => (c.method === 'get' || c.method === 'getWithMetadata') && c.binding === put.binding
    && (enclosingFunction(c.call) ?? model.sf) === fn && c.call.getStart(model.sf) < put.call.end
    && keyIdentity(model, c.key)?.signature === id.signature);
  if (reads.length === 0) return undefined;
  const isRead = (n: ts.Node) => reads.some((r) => contains(n, r.call));
  const t: Taint = { read: new Set(), numeric: new Set(), changed: new Set(), appended: new Set() };
  const all = () => new Set([...t.read, ...t.numeric, ...t.changed]);
  const touches = (n: ts.Node, names: Set<string>): boolean => isRead(n) || usesName(n, names);
  const nodes = nodesBefore(fn, put.call.end);
  for (let pass = 0; pass < 3; pass++) {
    for (const node of nodes) {
      const target = ts.isVariableDeclaration(node) ? node.name : ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken ? node.left : undefined;
      const value = ts.isVariableDeclaration(node) ? node.initializer : ts.isBinaryExpression(node) ? node.right : undefined;
      if (target && value && touches(value, all())) {
        const names = ts.isPropertyAccessExpression(target) || ts.isElementAccessExpression(target) ? [rootName(target)] : bindingNames(target);
        for (const name of names) {
          if (!name) continue;
          if (!ts.isPropertyAccessExpression(target) && !ts.isElementAccessExpression(target)) t.read.add(name);
          if (numericConversion(value, all(), isRead)) t.numeric.add(name);
          if (numericChange(value, t, isRead)) t.changed.add(name);
        }
      }
      const changedRoot = selfChange(node, t);
      if (changedRoot) t.changed.add(changedRoot);
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && /^(push|unshift)$/.test(node.expression.name.text)) {
        const root = rootName(node.expression.expression);
        if (root && t.read.has(root)) t.appended.add(root);
      }
    }
  }
  const change = numericChange(put.value, t, isRead) || usesName(put.value, t.changed) ? 'numeric'
    : usesName(put.value, t.appended) ? 'append' : undefined;
  if (!change) return undefined;
  return { read: reads[0]!, change, rateLimit: rateLimitEvidence(fn, id.signature, all()) };
}

/** `a + 1`, `n - 1`, `count + amount` (count numeric), `x++`, `x.n += 1` over read-derived values, anywhere inside `node`. */
function numericChange(node: ts.Node, t: Taint, isRead: (n: ts.Node) => boolean): boolean {
  const any = new Set([...t.read, ...t.numeric, ...t.changed]);
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isBinaryExpression(n) && (n.operatorToken.kind === ts.SyntaxKind.PlusToken || n.operatorToken.kind === ts.SyntaxKind.MinusToken)) {
      const sides = [n.left, n.right];
      const literal = sides.some((s) => ts.isNumericLiteral(unwrap(s)));
      if (sides.some((s) => (literal && (isRead(s) || usesName(s, any))) || numericConversion(s, any, isRead) || usesName(s, t.numeric))) found = true;
    }
    if (selfChange(n, t)) found = true;
    ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

/** `x++`, `--x`, `x.n++`, `x += 1`, `x.n += y`, `n += y` (n numeric) on a read-derived root; returns the root name. */
function selfChange(n: ts.Node, t: Taint): string | undefined {
  const any = new Set([...t.read, ...t.numeric, ...t.changed]);
  if ((ts.isPrefixUnaryExpression(n) || ts.isPostfixUnaryExpression(n))
    && (n.operator === ts.SyntaxKind.PlusPlusToken || n.operator === ts.SyntaxKind.MinusMinusToken)) {
    const root = rootName(n.operand);
    return root && any.has(root) ? root : undefined;
  }
  if (ts.isBinaryExpression(n) && (n.operatorToken.kind === ts.SyntaxKind.PlusEqualsToken || n.operatorToken.kind === ts.SyntaxKind.MinusEqualsToken)) {
    const root = rootName(n.left);
    if (!root || !any.has(root)) return undefined;
    const isProperty = !ts.isIdentifier(n.left);
    return ts.isNumericLiteral(unwrap(n.right)) || isProperty || t.numeric.has(root) ? root : undefined;
  }
  return undefined;
}

/** `Number(x)`, `parseInt(x)`, `+x`, `x || 0`, `x ?? 0` where x is (derived from) the read. */
function numericConversion(node: ts.Node, names: Set<string>, isRead: (n: ts.Node) => boolean): boolean {
  const e = ts.isExpression(node) ? unwrap(node) : node;
  const touches = (n: ts.Node) => isRead(n) || usesName(n, names);
  if (ts.isCallExpression(e) && /^(Number|parseInt|parseFloat)$/.test(e.expression.getText()) && e.arguments.some(touches)) return true;
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.PlusToken && touches(e.operand)) return true;
  if (ts.isBinaryExpression(e) && [ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(e.operatorToken.kind)) {
    return (ts.isNumericLiteral(unwrap(e.right)) && touches(e.left)) || numericConversion(e.left, names, isRead);
  }
  return false;
}

function rateLimitEvidence(fn: ts.Node, key: string, names: Set<string>): boolean {
  if (/rate|limit|throttl/i.test(key)) return true;
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isNumericLiteral(n) && n.text === '429') found = true;
    if (ts.isBinaryExpression(n) && [ts.SyntaxKind.GreaterThanToken, ts.SyntaxKind.GreaterThanEqualsToken, ts.SyntaxKind.LessThanToken,
      ts.SyntaxKind.LessThanEqualsToken].includes(n.operatorToken.kind) && (usesName(n.left, names) || usesName(n.right, names))) found = true;
    ts.forEachChild(n, visit);
  };
  visit(fn);
  const name = functionName(fn);
  return found || /rate|limit|throttl/i.test(name ?? '');
}

function nodesBefore(fn: ts.Node, end: number): ts.Node[] {
  const out: ts.Node[] = [];
  const visit = (n: ts.Node): void => {
    if (n.pos >= end) return;
    out.push(n);
    ts.forEachChild(n, visit);
  };
  ts.forEachChild(fn, visit);
  return out;
}

function usesName(node: ts.Node, names: Set<string>): boolean {
  if (names.size === 0) return false;
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(n) && names.has(n.text) && !(ts.isPropertyAccessExpression(n.parent) && n.parent.name === n)) found = true;
    else ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

function rootName(expr: ts.Expression): string | undefined {
  let e = unwrap(expr);
  while (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) e = unwrap(e.expression);
  return ts.isIdentifier(e) ? e.text : undefined;
}

function bindingNames(name: ts.Node): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  if (ts.isObjectBindingPattern(name) || ts.isArrayBindingPattern(name)) {
    return name.elements.flatMap((e) => (ts.isOmittedExpression(e) ? [] : bindingNames(e.name)));
  }
  return [];
}
