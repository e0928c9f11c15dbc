// Finds router route handlers (Hono, itty-router and other `app.get('/path', handler)` routers): functions a request runs.
import { calleeName, calleeObject, ts, unwrap, type WorkerModel } from '../../parse/worker';
import { localFunction } from '../../js/functions';

/** One handler function registered on a router. */
export interface RouteHandler {
  fn: ts.FunctionLikeDeclaration;
  /** The registering call, e.g. `app.get('/x', …)`. */
  call: ts.CallExpression;
  /** Lower-cased router method: get, post, put, patch, delete, all, use, on, head, options. */
  method: string;
  /** The route path when it is a constant (`'/x'`, `'*'`), else undefined. */
  path?: string;
  /** For messages: `app.get('/x')`, `router.all('*')`, `app.use()`. */
  via: string;
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'all', 'use', 'on', 'head', 'options']);
/** Constructors and factories of routers (Hono, itty-router v4/v5). */
const ROUTER_FACTORIES = new Set(['Hono', 'OpenAPIHono', 'Router', 'AutoRouter', 'IttyRouter']);
/** Conventional names of an undeclared/injected router variable (tests, snippets, `export const app`). */
const ROUTER_NAMES = /^(app|api|router|hono|routes?|server)$/i;

/** One route or middleware registration on a router: `app.get('/x', mw, h)`, `app.use(cache({…}))`. */
export interface RouteRegistration {
  call: ts.CallExpression;
  /** Lower-cased router method. */
  method: string;
  /** The route path when it is a constant; undefined for `use(mw)` without a path (which covers every path). */
  path?: string;
  /** The router expression's text (`app`, `api`), to group registrations of one router. */
  router: string;
  via: string;
  /** The arguments after the path: middleware and handlers, in order. */
  chain: readonly ts.Expression[];
}

const memo = new WeakMap<WorkerModel, RouteHandler[]>();
const registrationMemo = new WeakMap<WorkerModel, RouteRegistration[]>();

/** All route and middleware registrations in a file, in source order (computed once per parsed file). */
export function routeRegistrations(model: WorkerModel): RouteRegistration[] {
  const cached = registrationMemo.get(model);
  if (cached) return cached;
  const result: RouteRegistration[] = [];
  for (const call of model.calls) {
    const method = calleeName(call)?.toLowerCase();
    const receiver = calleeObject(call);
    if (!method || !METHODS.has(method) || !receiver || !isRouter(model, receiver, 0)) continue;
    const args = call.arguments;
    const pathArg = method === 'on' ? args[1] : args[0];
    const path = pathArg ? model.resolver.resolveString(pathArg)?.value : undefined;
    // A route registration starts with a path ('/x', '*'); `use` may also take the middleware alone.
    const hasPath = path !== undefined && /^[/*]/.test(path);
    if (method !== 'use' && !hasPath) continue;
    const name = ts.isIdentifier(unwrap(receiver)) ? (unwrap(receiver) as ts.Identifier).text : 'router';
    const via = `${name}.${method}(${path !== undefined ? `'${path}'` : ''})`;
    const chain = args.slice(hasPath ? (method === 'on' ? 2 : 1) : 0);
    result.push({ call, method, path: hasPath ? path : undefined, router: receiver.getText(model.sf), via, chain });
  }
  registrationMemo.set(model, result);
  return result;
}

/** All route handlers registered in a file (computed once per parsed file). */
export function routeHandlers(model: WorkerModel): RouteHandler[] {
  const cached = memo.get(model);
  if (cached) return cached;
  const result: RouteHandler[] = [];
  for (const registration of routeRegistrations(model)) {
    const { call, method, path, via } = registration;
    for (const arg of call.arguments) {
      const fn = handlerFunction(model, arg);
      if (fn) result.push({ fn, call, method, path, via });
    }
  }
  memo.set(model, result);
  return result;
}

function handlerFunction(_model: WorkerModel, arg: ts.Expression): ts.FunctionLikeDeclaration | undefined {
  const node = unwrap(arg);
  if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) return node;
  return ts.isIdentifier(node) ? localFunction(node) : undefined;
}

/** True when an expression is a router: built by a router factory, a chained route call, or a conventionally named variable. */
function isRouter(model: WorkerModel, expr: ts.Expression, depth: number): boolean {
  if (depth > 4) return false;
  const node = unwrap(expr);
  if (ts.isNewExpression(node) || ts.isCallExpression(node)) {
    const name = calleeName(node);
    if (name && ROUTER_FACTORIES.has(name)) return true;
    // `app.get(...).post(...)` and `new Hono().basePath('/api')` chain on a router.
    const object = ts.isCallExpression(node) ? calleeObject(node) : undefined;
    return !!object && !!name && (METHODS.has(name.toLowerCase()) || name === 'basePath' || name === 'route') && isRouter(model, object, depth + 1);
  }
  if (!ts.isIdentifier(node)) return false;
  const init = model.resolver.initializer(node);
  if (init) return isRouter(model, init, depth + 1);
  return ROUTER_NAMES.test(node.text);
}
