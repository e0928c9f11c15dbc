// Finds Workers Cache API objects (caches.default, caches.open()) and their put/match/delete calls.
import { accessPath, calleeName, calleeObject, ts, unwrap, type WorkerModel } from '../../parse/worker';

/** A call on a Cache API object. */
export interface CacheCall {
  call: ts.CallExpression;
  method: 'put' | 'match' | 'delete';
  cache: ts.Expression;
  /** `caches.default` or a named cache from `caches.open(name)`. */
  namespace: 'default' | 'named';
  request?: ts.Expression;
  response?: ts.Expression;
}

const memo = new WeakMap<WorkerModel, CacheCall[]>();

/** All Cache API calls in a file (computed once per parsed file). */
export function cacheCalls(model: WorkerModel): CacheCall[] {
  const cached = memo.get(model);
  if (cached) return cached;
  const result: CacheCall[] = [];
  if (model.sf.text.includes('caches')) {
    for (const call of model.calls) {
      const method = calleeName(call);
      const receiver = calleeObject(call);
      if (!receiver || (method !== 'put' && method !== 'match' && method !== 'delete')) continue;
      const namespace = cacheNamespace(receiver, model, 0);
      if (!namespace) continue;
      result.push({ call, method, cache: receiver, namespace, request: call.arguments[0], response: method === 'put' ? call.arguments[1] : undefined });
    }
  }
  memo.set(model, result);
  return result;
}

/** Whether an expression is a Cache API object, and which namespace. */
export function cacheNamespace(expr: ts.Expression, model: WorkerModel, depth: number): 'default' | 'named' | undefined {
  if (depth > 4) return undefined;
  const node = unwrap(expr);
  const path = accessPath(node);
  if (path && path.length === 2 && path[0] === 'caches' && path[1] === 'default') return 'default';
  if (path && path.length === 3 && path[0] === 'globalThis' && path[1] === 'caches' && path[2] === 'default') return 'default';
  if (ts.isCallExpression(node) && calleeName(node) === 'open') {
    const object = calleeObject(node);
    const objectPath = object && accessPath(object);
    if (objectPath && objectPath[objectPath.length - 1] === 'caches') return 'named';
  }
  if (ts.isIdentifier(node)) {
    const init = model.resolver.initializer(node);
    if (init) return cacheNamespace(init, model, depth + 1);
  }
  return undefined;
}
