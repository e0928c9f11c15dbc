// Whether the headers a set/append call changes were copied from a response the code did not build (fetch(), cache.match(),
// a framework's next()), so they may already carry Cache-Control, Set-Cookie or anything else the origin sent.
import { assignmentsTo, flowsTo } from '../../js/flow';
import { callsNamed } from '../../js/functions';
import { declaringScope, resolveName } from '../../js/scopes';
import { accessPath, calleeName, calleeObject, enclosingFunction, ts, unwrap, type WorkerModel } from '../../parse/worker';
import { cacheNamespace } from '../cache-api/cache-api';
import { describeResponse } from '../cache-api/responses';

/** Where inherited headers come from, for messages. */
export type InheritedFrom = 'fetch()' | 'cache.match()' | 'next()';

/** A copied response: its source and the `fetch(…)` call when it was fetched. */
export interface Inherited {
  from: InheritedFrom;
  /** The `fetch(…)` call the headers were copied from (only for `fetch()`). */
  fetchCall?: ts.CallExpression;
  /** True for the response object itself (its headers are immutable and cache-immutable-headers reports the change). */
  direct: boolean;
}

const MAX_DEPTH = 4;

/**
 * What the receiver of `call` (`x.headers.set|append(…)` or `h.set|append(…)`) holds at the call, when its headers come from
 * a response the code did not build: `new Response(res.body, res)`, `new Headers(res.headers)`, `await next()`, `c.res`
 * after `await next()`. Undefined when unknown or built by the code.
 */
export function inheritedHeaders(model: WorkerModel, call: ts.CallExpression): Inherited | undefined {
  const receiver = calleeObject(call);
  if (!receiver) return undefined;
  const target = unwrap(receiver);
  if (ts.isPropertyAccessExpression(target) && target.name.text === 'headers') return responseSource(model, target.expression, call, 0);
  return headersSource(model, target, call, 0);
}

/** The response an expression holds at `at`, when it is (a copy of) one the code did not build. */
export function responseSource(model: WorkerModel, expr: ts.Expression, at: ts.Node, depth: number): Inherited | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const node = stripClone(unwrap(expr));
  const path = accessPath(node);
  // Hono middleware: `await next(); c.res.headers.append(…)` changes the handler's response.
  if (path?.length === 2 && path[1] === 'res' && afterNext(model, at)) return { from: 'next()', direct: false };
  if (ts.isIdentifier(node)) {
    const value = valueAt(model, node, at);
    return value ? responseSource(model, value, value, depth + 1) : undefined;
  }
  if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Response') {
    const init = node.arguments?.[1];
    if (!init || ts.isObjectLiteralExpression(unwrap(init))) return undefined;
    const copied = responseSource(model, init, node, depth + 1);
    return copied && { ...copied, direct: false };
  }
  if (!ts.isCallExpression(node)) return undefined;
  const name = calleeName(node);
  if (name === 'next' && (!calleeObject(node) || /^(context|ctx|c)$/.test(accessPath(calleeObject(node)!)?.[0] ?? ''))) return { from: 'next()', direct: false };
  if (name === 'fetch' && describeResponse(model, node).origin === 'fetched') return { from: 'fetch()', fetchCall: node, direct: true };
  if (name === 'match') {
    const object = calleeObject(node);
    if (object && cacheNamespace(object, model, 0)) return { from: 'cache.match()', direct: true };
  }
  return undefined;
}

/** A Headers object copied from a response: `new Headers(res.headers)`. */
function headersSource(model: WorkerModel, expr: ts.Expression, at: ts.Node, depth: number): Inherited | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const node = unwrap(expr);
  if (ts.isIdentifier(node)) {
    const value = valueAt(model, node, at);
    return value ? headersSource(model, value, value, depth + 1) : undefined;
  }
  if (!ts.isNewExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 'Headers') return undefined;
  const from = node.arguments?.[0] && unwrap(node.arguments[0]);
  if (!from || !ts.isPropertyAccessExpression(from) || from.name.text !== 'headers') return undefined;
  const copied = responseSource(model, from.expression, node, depth + 1);
  return copied && { ...copied, direct: false };
}

/** The value `id` holds at `at`: the last plain assignment before it when that runs on every path, else the initializer. */
function valueAt(model: WorkerModel, id: ts.Identifier, at: ts.Node): ts.Expression | undefined {
  const fn = enclosingFunction(at) ?? model.sf;
  const declared = declaringScope(id);
  const scope = declared && declared.pos >= fn.pos && declared.end <= fn.end ? declared : fn;
  const before = assignmentsTo(scope, id).filter((a) => a.end <= at.getStart(model.sf));
  if (before.length > 0) {
    const last = before[before.length - 1]!;
    return last.operatorToken.kind === ts.SyntaxKind.EqualsToken && flowsTo(last, at, model.sf, { always: true }) ? last.right : undefined;
  }
  const declaration = resolveName(id);
  return declaration && ts.isVariableDeclaration(declaration) && ts.isIdentifier(declaration.name) ? declaration.initializer : undefined;
}

/** True when an `await next()` runs before `at` in the same function (Hono/Pages middleware after the handler). */
function afterNext(model: WorkerModel, at: ts.Node): boolean {
  const fn = enclosingFunction(at);
  if (!fn) return false;
  return callsNamed(model, 'next').some((call) => enclosingFunction(call) === fn && ts.isAwaitExpression(call.parent)
    && flowsTo(call, at, model.sf));
}

function stripClone(node: ts.Expression): ts.Expression {
  if (ts.isCallExpression(node) && calleeName(node) === 'clone' && node.arguments.length === 0) {
    const object = calleeObject(node);
    if (object) return unwrap(object);
  }
  return node;
}
