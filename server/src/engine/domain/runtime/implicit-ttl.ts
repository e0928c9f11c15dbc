// A response the Worker builds with nothing that controls caching (no Cache-Control, CDN-Cache-Control, Expires,
// Set-Cookie or Vary: *), and the heuristic TTL Workers Cache gives its status (domain.md A6, §0 heuristic TTLs).
import { describeResponse } from '../cache-api/responses';
import { referencesTo } from '../../js/flow';
import { accessPath, calleeName, enclosingFunction, ts, unwrap, type WorkerModel } from '../../parse/worker';

/** Seconds Workers Cache keeps a response with no Cache-Control/Expires, by status `[wc-cfg]`. */
export const WORKERS_CACHE_HEURISTIC_TTL: ReadonlyMap<number, number> = new Map([
  [200, 7200], [203, 7200], [204, 7200], [300, 1200], [301, 1200], [404, 180], [410, 180], [405, 60], [414, 60], [501, 60],
]);

/** Headers that decide (or bypass) Workers Cache storage. */
const CACHING_HEADERS = new Set(['cache-control', 'cdn-cache-control', 'cloudflare-cdn-cache-control', 'expires', 'set-cookie', 'vary']);

/** A constructed response whose caching headers are certainly absent. */
export interface ImplicitTtlResponse {
  creation: ts.Expression;
  status: number;
  ttl: number;
}

/** The response `expr` stands for when it is built here with a known status and certainly no caching header. */
export function implicitTtlResponse(model: WorkerModel, expr: ts.Expression): ImplicitTtlResponse | undefined {
  const facts = describeResponse(model, expr);
  if (facts.origin !== 'constructed' || !facts.creation || facts.status === undefined) return undefined;
  const ttl = WORKERS_CACHE_HEURISTIC_TTL.get(facts.status);
  if (ttl === undefined || !initFullyKnown(model, facts.creation)) return undefined;
  if (facts.headers.some((h) => CACHING_HEADERS.has(h.name))) return undefined;
  if (facts.variable && !onlyKnownUses(model, facts.variable)) return undefined;
  return { creation: facts.creation, status: facts.status, ttl };
}

/** The init (second argument) is absent, or an object whose `headers` and every spread are known. */
function initFullyKnown(model: WorkerModel, creation: ts.Expression): boolean {
  if (!ts.isNewExpression(creation) && !ts.isCallExpression(creation)) return false;
  const init = creation.arguments?.[1];
  if (!init) return true;
  const object = model.resolver.resolveObject(init);
  if (!object || hasUnknownParts(model, object)) return false;
  const headers = model.resolver.objectValue(object, 'headers');
  if (!headers) return true;
  let node = model.resolver.follow(headers);
  if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Headers') {
    if (!node.arguments?.[0]) return true;
    node = model.resolver.follow(node.arguments[0]);
  }
  if (ts.isObjectLiteralExpression(node)) return !hasUnknownParts(model, node);
  return ts.isArrayLiteralExpression(node) && node.elements.every((pair) => ts.isArrayLiteralExpression(pair) && !!pair.elements[0] && !!model.resolver.resolveString(pair.elements[0]));
}

function hasUnknownParts(model: WorkerModel, object: ts.ObjectLiteralExpression): boolean {
  return object.properties.some((p) => (ts.isSpreadAssignment(p) && !model.resolver.resolveObject(p.expression))
    || (!!p.name && ts.isComputedPropertyName(p.name) && !model.resolver.resolveString(p.name.expression)));
}

/** The response variable is only returned or given headers with constant names (`res.headers.set('x-a', …)`). */
function onlyKnownUses(model: WorkerModel, variable: ts.Identifier): boolean {
  const scope = enclosingFunction(variable) ?? model.sf;
  return referencesTo(scope, variable).every((ref) => {
    const parent = ref.parent;
    if (ts.isReturnStatement(parent) || ts.isAwaitExpression(parent)) return true;
    if (ts.isCallExpression(parent) && calleeName(parent) === 'respondWith') return true;
    if (!ts.isPropertyAccessExpression(parent)) return false;
    if (parent.name.text === 'status' || parent.name.text === 'ok') return true;
    const call = parent.parent.parent;
    const path = ts.isCallExpression(call) ? accessPath(unwrap(call.expression)) : undefined;
    return !!path && path.length === 3 && path[1] === 'headers' && ['set', 'append', 'get', 'has'].includes(path[2]!)
      && ts.isCallExpression(call) && !!call.arguments[0] && !!model.resolver.resolveString(call.arguments[0]);
  });
}
