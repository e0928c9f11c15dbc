// Whether the value of a call is used: discarded (`await x()`, `Promise.all(keys.map(k => x(k)))` with no result used),
// or, for a fetched Response, only inspected (status/ok/headers, drained body) — the shape of cache-warming code.
import { calleeName, calleeObject, enclosingFunction, ts, unwrap } from '../parse/worker';

const PROMISE_COMBINATORS = new Set(['all', 'allSettled']);
const MAPPERS = new Set(['map', 'flatMap']);
const INSPECT_PROPERTIES = new Set(['status', 'ok', 'statusText', 'headers', 'url', 'redirected']);
const DRAIN_METHODS = new Set(['text', 'arrayBuffer', 'blob', 'json', 'cancel']);

/** True when the value of `expr` is thrown away: statement position, `void`, `waitUntil`, or an unused variable. */
export function resultDiscarded(expr: ts.Expression, depth = 0): boolean {
  if (depth > 8) return false;
  const parent = expr.parent;
  if (!parent) return false;
  if (ts.isExpressionStatement(parent)) return true;
  if (ts.isVoidExpression(parent)) return true;
  if (ts.isAwaitExpression(parent) || ts.isParenthesizedExpression(parent) || ts.isAsExpression(parent) || ts.isNonNullExpression(parent)) {
    return resultDiscarded(parent, depth + 1);
  }
  // `x.catch(() => {})` / `x.finally(...)` keep x's value unused if the chain's value is unused.
  if (ts.isPropertyAccessExpression(parent) && parent.expression === expr && (parent.name.text === 'catch' || parent.name.text === 'finally')
    && ts.isCallExpression(parent.parent) && parent.parent.expression === parent) return resultDiscarded(parent.parent, depth + 1);
  if (ts.isCallExpression(parent) && parent.arguments.includes(expr)) {
    const name = calleeName(parent);
    if (name === 'waitUntil') return true;
    if (name && PROMISE_COMBINATORS.has(name) && isPromise(parent)) return resultDiscarded(parent, depth + 1);
    return false;
  }
  if (ts.isArrayLiteralExpression(parent)) {
    const call = parent.parent;
    return !!call && ts.isCallExpression(call) && call.arguments.includes(parent) && PROMISE_COMBINATORS.has(calleeName(call) ?? '')
      && isPromise(call) && resultDiscarded(call, depth + 1);
  }
  // Callback result: `keys.map((k) => KV.get(k))` or `keys.map(async (k) => { return KV.get(k); })`.
  const fn = ts.isArrowFunction(parent) && parent.body === expr ? parent
    : ts.isReturnStatement(parent) ? enclosingFunction(parent) : undefined;
  if (fn) {
    const call = fn.parent;
    if (!call || !ts.isCallExpression(call) || !call.arguments.includes(fn as ts.Expression)) return false;
    const name = calleeName(call);
    if (name === 'forEach') return true;
    return !!name && MAPPERS.has(name) && resultDiscarded(call, depth + 1);
  }
  if (ts.isVariableDeclaration(parent) && parent.initializer === expr && ts.isIdentifier(parent.name)) {
    return referencesOf(parent.name).length === 0;
  }
  return false;
}

/**
 * True when a fetched Response is only looked at, not consumed: discarded, or kept in a variable whose uses are only
 * `.status`/`.ok`/`.headers`…, or a body drain (`await res.text()`) whose value is itself discarded.
 */
export function responseOnlyInspected(fetchCall: ts.Expression): boolean {
  if (resultDiscarded(fetchCall)) return true;
  let holder: ts.Node = fetchCall;
  while (holder.parent && (ts.isAwaitExpression(holder.parent) || ts.isParenthesizedExpression(holder.parent))) holder = holder.parent;
  const decl = holder.parent;
  if (!decl || !ts.isVariableDeclaration(decl) || decl.initializer !== holder || !ts.isIdentifier(decl.name)) return false;
  return referencesOf(decl.name).every((ref) => {
    const access = ref.parent;
    if (!ts.isPropertyAccessExpression(access) || access.expression !== ref) return false;
    if (INSPECT_PROPERTIES.has(access.name.text)) return true;
    if (access.name.text === 'body' && ts.isPropertyAccessExpression(access.parent) && access.parent.name.text === 'cancel') return true;
    return DRAIN_METHODS.has(access.name.text) && ts.isCallExpression(access.parent) && resultDiscarded(access.parent);
  });
}

/** Identifiers with the same name as `name` in its enclosing function (or file), other than the declaration itself. */
function referencesOf(name: ts.Identifier): ts.Identifier[] {
  const scope = enclosingFunction(name) ?? name.getSourceFile();
  const refs: ts.Identifier[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && node !== name && node.text === name.text) {
      const parent = node.parent;
      if (!(ts.isPropertyAccessExpression(parent) && parent.name === node) && !(ts.isPropertyAssignment(parent) && parent.name === node)) refs.push(node);
    }
    ts.forEachChild(node, visit);
  };
  visit(scope);
  return refs;
}

function isPromise(call: ts.CallExpression): boolean {
  const object = calleeObject(call);
  return !!object && ts.isIdentifier(unwrap(object)) && (unwrap(object) as ts.Identifier).text === 'Promise';
}
