// Is a cache.put key the Worker's incoming request (or a Request copied from it, which keeps its method), and is the put
// guarded by a GET check? `cache.put` throws for non-GET requests [cache-api], so an unguarded put of the incoming
// request throws the first time a POST arrives (domain.md §G, seen in a proxy that caches every method).
import { accessPath, enclosingFunction, ts, unwrap, type WorkerModel } from '../../parse/worker';
import { guardedByCondition, isImmediatelyInvoked } from '../../js/flow';
import { handlers } from '../runtime/handlers';
import { routeHandlers } from '../runtime/routes';

/** How the key relates to the incoming request, for messages (`request`, `new Request(request)`, `c.req.raw`). */
export interface IncomingRequest {
  how: string;
  /** A `new Request(…)` (possibly behind a const) that copies the incoming request and so keeps its method. */
  copy: boolean;
}

/** The incoming request (or a copy that keeps its method) behind `expr`, or undefined. */
export function incomingRequest(model: WorkerModel, expr: ts.Expression, isPagesFunction: boolean, depth = 0): IncomingRequest | undefined {
  if (depth > 3) return undefined;
  const node = unwrap(expr);
  const text = node.getText(model.sf);
  if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Request') {
    const [first, init] = node.arguments ?? [];
    // `new Request(request)` and `new Request(url, request)` copy the method; `new Request(request.url)` is a GET.
    const source = init && !ts.isObjectLiteralExpression(unwrap(init)) ? init : !init && first ? first : undefined;
    return source && incomingRequest(model, source, isPagesFunction, depth + 1) ? { how: text, copy: true } : undefined;
  }
  const path = accessPath(node);
  if (path?.length === 3 && path[1] === 'req' && path[2] === 'raw') return { how: text, copy: false }; // Hono
  if (ts.isIdentifier(node)) {
    const init = model.resolver.constInitializer(node);
    if (init) {
      const inner = incomingRequest(model, init, isPagesFunction, depth + 1);
      return inner ? { how: text, copy: inner.copy } : undefined;
    }
  }
  for (const handler of handlers(model, isPagesFunction)) {
    if (handler.kind !== 'fetch') continue;
    const first = handler.fn.parameters[0]?.name;
    if (!first) continue;
    if (handler.via.startsWith('addEventListener')) {
      if (ts.isIdentifier(first) && path?.length === 2 && path[0] === first.text && path[1] === 'request') return { how: text, copy: false };
    } else if (handler.via.startsWith('Pages Function')) {
      if (ts.isIdentifier(first) && path?.length === 2 && path[0] === first.text && path[1] === 'request') return { how: text, copy: false };
      if (ts.isObjectBindingPattern(first) && ts.isIdentifier(node) && first.elements.some((e) => ts.isIdentifier(e.name) && e.name.text === node.text
        && (e.propertyName ? ts.isIdentifier(e.propertyName) && e.propertyName.text === 'request' : node.text === 'request'))) return { how: text, copy: false };
    } else if (ts.isIdentifier(first) && ts.isIdentifier(node) && node.text === first.text && declaredBy(node, handler.fn)) {
      return { how: text, copy: false };
    }
  }
  return undefined;
}

/** True when the identifier refers to a parameter of `fn` (not a shadowing local). */
function declaredBy(id: ts.Identifier, fn: ts.FunctionLikeDeclaration): boolean {
  for (let scope = enclosingFunction(id); scope; scope = enclosingFunction(scope)) {
    if (scope === fn) return true;
    if (scope.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === id.text)) return false;
  }
  return false;
}

const GET_CHECK = /\.method\b[\s\S]*['"`](GET|HEAD)['"`]|['"`](GET|HEAD)['"`][\s\S]*\.method\b/;

/**
 * True when a method check guards `at`: an enclosing `if`/`switch`/`?:` that tests `.method` against 'GET'/'HEAD', an
 * earlier `if (….method …'GET') return|throw`, or a GET/HEAD route (`app.get`, `onRequestGet`). Lenient on purpose:
 * any such test counts, since the rule only warns when none exists.
 */
export function methodGuarded(model: WorkerModel, at: ts.Node): boolean {
  const { sf } = model;
  return guardedByCondition(at, (condition) => GET_CHECK.test(condition.getText(sf)), (node) => {
    if (ts.isCaseClause(node) && ts.isSwitchStatement(node.parent.parent) && /\.method\b/.test(node.parent.parent.expression.getText(sf))) return true;
    if (!ts.isFunctionLike(node) || isImmediatelyInvoked(node)) return false;
    const route = routeHandlers(model).find((r) => r.fn === node);
    if (route && (route.method === 'get' || route.method === 'head')) return true;
    const name = ts.isFunctionDeclaration(node) ? node.name?.text
      : node.parent && ts.isVariableDeclaration(node.parent) && ts.isIdentifier(node.parent.name) ? node.parent.name.text : undefined;
    return !!name && /^onRequest(Get|Head)$/.test(name);
  });
}
