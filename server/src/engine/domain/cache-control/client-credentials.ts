// Does a fetch() forward the client's Cookie/Authorization (the incoming request, a copy of it, or its headers), and does
// the code look at privacy anywhere on the way (origin Cache-Control/Set-Cookie, the request's Cookie/Authorization)?
import { argumentFor, callSitesOf, callsNamed, paramSource } from '../../js/functions';
import { resolveName } from '../../js/scopes';
import { accessPath, calleeName, calleeObject, enclosingFunction, ts, unwrap, type WorkerModel } from '../../parse/worker';
import { incomingRequest } from '../cache-api/incoming-request';
import { calledFunctions } from '../runtime/handlers';
import { routeHandlers } from '../runtime/routes';

const MAX_DEPTH = 5;

/** True when the `fetch(input, init)` call sends the incoming request's headers (so its Cookie/Authorization) upstream. */
export function forwardsClientHeaders(model: WorkerModel, fetchCall: ts.CallExpression, isPagesFunction: boolean): boolean {
  const [input, init] = fetchCall.arguments;
  if (!input) return false;
  const headers = init && headersOption(model, init);
  // `init.headers` replaces the request's headers (Fetch standard), so only what it holds is sent.
  if (headers) return isIncomingHeaders(model, headers, isPagesFunction, 0);
  if (init && !model.resolver.resolveObject(init)) return false;
  return isClientRequest(model, input, isPagesFunction, 0);
}

/** The incoming request, a Request copied from it (`new Request(url, request)`), or one built with its headers. */
function isClientRequest(model: WorkerModel, expr: ts.Expression, isPages: boolean, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  const node = unwrap(expr);
  if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Request') {
    const [first, init] = node.arguments ?? [];
    const headers = init && headersOption(model, init);
    if (headers) return isIncomingHeaders(model, headers, isPages, depth + 1);
    if (init && !ts.isObjectLiteralExpression(unwrap(init))) return isClientRequest(model, init, isPages, depth + 1);
    return !!first && !ts.isObjectLiteralExpression(unwrap(first)) && isClientRequest(model, first, isPages, depth + 1);
  }
  if (ts.isCallExpression(node) && calleeName(node) === 'clone' && calleeObject(node)) return isClientRequest(model, calleeObject(node)!, isPages, depth + 1);
  if (incomingRequest(model, node, isPages)) return true;
  if (!ts.isIdentifier(node) && !ts.isPropertyAccessExpression(node)) return false;
  const root = ts.isIdentifier(node) ? node : undefined;
  const declaration = root && resolveName(root);
  if (declaration && ts.isVariableDeclaration(declaration) && declaration.initializer) return isClientRequest(model, declaration.initializer, isPages, depth + 1);
  // A helper's parameter: what its callers in this file pass.
  const source = paramSource(node, model);
  if (!source) return false;
  // itty-router style `router.get('/x', (request) => …)`: the first parameter is the incoming request.
  if (source.index === 0 && source.path.length === 0 && ts.isIdentifier(node) && /^(request|req)$/.test(node.text)
    && routeHandlers(model).some((route) => route.fn === source.fn)) return true;
  return callSitesOf(source.fn, model).some((args) => {
    const argument = argumentFor(args, source, model);
    return !!argument && isClientRequest(model, argument, isPages, depth + 1);
  });
}

/** `request.headers` of a client request, or `new Headers(request.headers)`. */
function isIncomingHeaders(model: WorkerModel, expr: ts.Expression, isPages: boolean, depth: number): boolean {
  let node = model.resolver.follow(expr);
  if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Headers' && node.arguments?.[0]) node = unwrap(node.arguments[0]);
  return ts.isPropertyAccessExpression(node) && node.name.text === 'headers' && isClientRequest(model, node.expression, isPages, depth + 1);
}

function headersOption(model: WorkerModel, init: ts.Expression): ts.Expression | undefined {
  const object = model.resolver.resolveObject(init);
  return object ? model.resolver.objectValue(object, 'headers') : undefined;
}

const PRIVACY_HEADERS = new Set(['cookie', 'authorization', 'set-cookie', 'cache-control']);
const COOKIE_HELPERS = new Set(['getCookie', 'getSignedCookie', 'parseCookies', 'parseCookie']);
const LOOK_NAMES = new Set([...COOKIE_HELPERS, 'get', 'has', 'delete', 'header']);

/**
 * True when the code looks at privacy in a function that `nodes` sit in, their callers in this file, or a local function
 * those call: `headers.get|has|delete` of Cookie, Authorization, Set-Cookie or Cache-Control (outside `console.*`), or a
 * cookie helper. Lenient on purpose: any such look counts, since the rule reports only when there is none.
 */
export function looksAtPrivacy(model: WorkerModel, nodes: ts.Node[]): boolean {
  const scopes = new Set<ts.Node>();
  for (const node of nodes) {
    const fn = enclosingFunction(node);
    if (!fn) {
      scopes.add(model.sf);
      continue;
    }
    scopes.add(fn);
    for (const outer of enclosingFunctions(fn)) scopes.add(outer);
    for (const site of callerFunctions(model, fn)) scopes.add(site);
  }
  for (const scope of [...scopes]) for (const called of calledFunctions(model, scope, 2)) scopes.add(called);
  const looks = [...LOOK_NAMES].flatMap((name) => callsNamed(model, name));
  return looks.some((call) => [...scopes].some((scope) => scope.pos <= call.pos && call.end <= scope.end) && isPrivacyLook(model, call));
}

function isPrivacyLook(model: WorkerModel, call: ts.CallExpression): boolean {
  const name = calleeName(call);
  if (name && COOKIE_HELPERS.has(name)) return true;
  if ((name !== 'get' && name !== 'has' && name !== 'delete' && name !== 'header') || !call.arguments[0]) return false;
  const header = model.resolver.resolveString(call.arguments[0])?.value.toLowerCase();
  if (!header || !PRIVACY_HEADERS.has(header)) return false;
  if (name === 'header' && call.arguments.length > 1) return false; // Hono c.header(name, value) writes
  // Deleting the request's Cookie/Authorization is a look; deleting the origin's Set-Cookie is not (the body stays private).
  if (name === 'delete' && header !== 'cookie' && header !== 'authorization') return false;
  for (let node: ts.Node | undefined = call.parent; node && !ts.isFunctionLike(node); node = node.parent) {
    if (ts.isCallExpression(node) && accessPath(node.expression)?.[0] === 'console') return false;
  }
  return true;
}

function enclosingFunctions(fn: ts.Node): ts.Node[] {
  const found: ts.Node[] = [];
  for (let outer = enclosingFunction(fn); outer; outer = enclosingFunction(outer)) found.push(outer);
  return found;
}

/** Functions containing a call to `fn` (one level up). */
function callerFunctions(model: WorkerModel, fn: ts.FunctionLikeDeclaration): ts.Node[] {
  const name = fn.name && ts.isIdentifier(fn.name) ? fn.name.text
    : ts.isVariableDeclaration(fn.parent) && ts.isIdentifier(fn.parent.name) ? fn.parent.name.text : undefined;
  if (!name) return [];
  return callsNamed(model, name).map((call) => enclosingFunction(call) ?? model.sf);
}
