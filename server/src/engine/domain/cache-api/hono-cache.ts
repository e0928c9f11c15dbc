// Hono's cache() middleware (imported from 'hono/cache'): where it is mounted, the routes and middleware that run under
// it afterwards (same router, covering path), and whether a handler reads the user's identity (cookies, auth headers).
import { calleeName, calleeObject, ts, unwrap, type WorkerModel } from '../../parse/worker';
import { localFunction } from '../../js/functions';
import { importedNames } from '../../js/package-imports';
import { routeRegistrations, type RouteRegistration } from '../runtime/routes';

/** One `cache({...})` call and the registration that mounts it. */
export interface HonoCacheMount {
  call: ts.CallExpression;
  options?: ts.ObjectLiteralExpression;
  mount: RouteRegistration;
}

/** Every mounted `cache()` of 'hono/cache' in the file. */
export function honoCacheMounts(model: WorkerModel): HonoCacheMount[] {
  const local = importedNames(model, /^hono\/cache$/).get('cache');
  if (!local) return [];
  const mounts: HonoCacheMount[] = [];
  for (const mount of routeRegistrations(model)) {
    for (const arg of mount.chain) {
      const call = unwrap(arg);
      if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression) || call.expression.text !== local) continue;
      const options = call.arguments[0] ? model.resolver.resolveObject(call.arguments[0]) : undefined;
      mounts.push({ call, options, mount });
    }
  }
  return mounts;
}

/**
 * What runs under a mounted cache(): the rest of its own chain, then later registrations on the same router whose path
 * the mount's path covers, each with its chain (middleware and handler expressions in order).
 */
export function chainsUnder(model: WorkerModel, mount: HonoCacheMount): { registration: RouteRegistration; rest: readonly ts.Expression[] }[] {
  const own = mount.mount;
  const index = own.chain.findIndex((arg) => unwrap(arg) === mount.call);
  const result: { registration: RouteRegistration; rest: readonly ts.Expression[] }[] = [{ registration: own, rest: own.chain.slice(index + 1) }];
  for (const other of routeRegistrations(model)) {
    if (other === own || other.router !== own.router || other.call.pos < own.call.end || !methodsMeet(own.method, other.method)) continue;
    if (honoPathCovers(own.path, other.path)) result.push({ registration: other, rest: other.chain });
  }
  return result;
}

/** `use`/`all`/`on` run for every method; `get` meets only `get` (and those). */
function methodsMeet(a: string, b: string): boolean {
  const any = (m: string) => m === 'use' || m === 'all' || m === 'on';
  return any(a) || any(b) || a === b;
}

/** Whether a Hono path pattern (`*`, `/api/*`, `/posts/:id`) covers a route path; undefined patterns cover every path. */
export function honoPathCovers(pattern: string | undefined, path: string | undefined): boolean {
  if (pattern === undefined || pattern === '*' || pattern === '/*') return true;
  if (path === undefined) return false;
  if (pattern.endsWith('/*')) {
    const prefix = pattern.slice(0, -2);
    return path === prefix || path.startsWith(`${prefix}/`);
  }
  const a = pattern.split('/');
  const b = path.split('/');
  return a.length === b.length && a.every((part, i) => part === b[i] || part.startsWith(':') || b[i]!.startsWith(':'));
}

/** The function behind a chain element: an inline handler or a named local function. */
export function chainFunction(arg: ts.Expression): ts.FunctionLikeDeclaration | undefined {
  const node = unwrap(arg);
  if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) return node;
  return ts.isIdentifier(node) ? localFunction(node) : undefined;
}

/** What in `fn` reads the user's identity or negotiates content: `getCookie(c)`, `c.req.header('Authorization')`, `headers.get('cookie')`, `c.get('jwtPayload')`. */
export function identityRead(model: WorkerModel, fn: ts.Node, cookieNames: ReadonlySet<string>): string | undefined {
  for (const call of model.calls) {
    if (call.pos < fn.pos || call.end > fn.end) continue;
    const name = calleeName(call);
    if (name && cookieNames.has(name) && ts.isIdentifier(unwrap(call.expression))) return `${name}()`;
    const arg = call.arguments[0] && model.resolver.resolveString(call.arguments[0])?.value.toLowerCase();
    if (!arg) continue;
    if ((name === 'header' || name === 'get') && arg in HEADER_LABEL) {
      const object = calleeObject(call);
      const text = object ? object.getText(model.sf).replace(/\s+/g, '') : '';
      if (name === 'header' && /(^|\.)req$/.test(text)) return `the ${HEADER_LABEL[arg]} header`;
      if (name === 'get' && /headers$/i.test(text)) return `the ${HEADER_LABEL[arg]} header`;
    }
    if (name === 'get' && arg === 'jwtpayload') return "c.get('jwtPayload')";
  }
  return undefined;
}

/** Request headers a per-user or per-client response is built from (content negotiation counts: one variant per URL). */
const HEADER_LABEL: Record<string, string> = { cookie: 'Cookie', authorization: 'Authorization', accept: 'Accept', 'accept-language': 'Accept-Language' };
