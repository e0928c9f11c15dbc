// Describes a Response expression statically: how it was made, its status and the headers set on it in the same function.
import type { ResolvedString } from '../../parse/constants';
import { isIttyResponseCall } from './itty-responses';
import { declaringScope } from '../../js/scopes';
import { accessPath, calleeName, calleeObject, enclosingFunction, ts, unwrap, type WorkerModel } from '../../parse/worker';

/** A header known to be set on a response. */
export interface KnownHeader {
  /** Lower-cased name. */
  name: string;
  value?: ResolvedString;
  node: ts.Node;
}

/** What is statically known about a response value. */
export interface ResponseFacts {
  origin: 'constructed' | 'fetched' | 'cache-match' | 'unknown';
  /** The `new Response(...)`/`Response.json(...)`/`fetch(...)` expression, if found. */
  creation?: ts.Expression;
  status?: number;
  headers: KnownHeader[];
  /** The variable holding the response, when the expression is an identifier. */
  variable?: ts.Identifier;
}

/** Follows an identifier to its initializer and collects what the code says about the response. */
export function describeResponse(model: WorkerModel, expr: ts.Expression): ResponseFacts {
  const facts: ResponseFacts = { origin: 'unknown', headers: [] };
  let node = unwrap(expr);
  if (ts.isIdentifier(node)) {
    facts.variable = node;
    const init = model.resolver.initializer(node);
    if (init) node = unwrap(init);
  }
  if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Response') {
    facts.origin = 'constructed';
    facts.creation = node;
    readInit(model, node.arguments?.[1], facts);
  } else if (ts.isCallExpression(node)) {
    const name = calleeName(node);
    const object = calleeObject(node);
    const objectPath = object && accessPath(object);
    if ((name === 'json' || name === 'redirect') && objectPath?.join('.') === 'Response') {
      facts.origin = 'constructed';
      facts.creation = node;
      if (name === 'json') readInit(model, node.arguments[1], facts);
      else facts.status = node.arguments[1] ? model.resolver.resolveNumber(node.arguments[1]) ?? 302 : 302;
    } else if (isIttyResponseCall(model, node)) {
      facts.origin = 'constructed';
      facts.creation = node;
      readInit(model, node.arguments[1], facts);
    } else if (name === 'fetch' && (!object || objectPath?.[objectPath.length - 1] !== 'cache')) {
      facts.origin = 'fetched';
      facts.creation = node;
    } else if (name === 'match') {
      facts.origin = 'cache-match';
      facts.creation = node;
    }
  }
  if (facts.variable) collectMutations(model, facts.variable, facts);
  return facts;
}

function readInit(model: WorkerModel, init: ts.Expression | undefined, facts: ResponseFacts): void {
  if (facts.origin === 'constructed' && facts.status === undefined) facts.status = 200;
  if (!init) return;
  const obj = model.resolver.resolveObject(init);
  if (!obj) return;
  const status = model.resolver.objectValue(obj, 'status');
  if (status) facts.status = model.resolver.resolveNumber(status);
  const headers = model.resolver.objectValue(obj, 'headers');
  if (headers) readHeaders(model, headers, facts);
}

/** Reads a HeadersInit: an object literal, `new Headers({...})`, or an array of pairs. */
export function readHeaders(model: WorkerModel, expr: ts.Expression, facts: { headers: KnownHeader[] }): void {
  let node = model.resolver.follow(expr);
  if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Headers' && node.arguments?.[0]) {
    node = model.resolver.follow(node.arguments[0]);
  }
  if (ts.isObjectLiteralExpression(node)) {
    for (const entry of model.resolver.objectEntries(node)) {
      facts.headers.push({ name: entry.key.toLowerCase(), value: model.resolver.resolveString(entry.value), node: entry.value });
    }
  } else if (ts.isArrayLiteralExpression(node)) {
    for (const pair of node.elements) {
      if (!ts.isArrayLiteralExpression(pair) || pair.elements.length !== 2) continue;
      const name = model.resolver.resolveString(pair.elements[0]!)?.value;
      if (name) facts.headers.push({ name: name.toLowerCase(), value: model.resolver.resolveString(pair.elements[1]!), node: pair.elements[1]! });
    }
  }
}

/** `res.headers.set|append(name, value)` on the same variable, within the same function, before `limit` when given. */
function collectMutations(model: WorkerModel, variable: ts.Identifier, facts: ResponseFacts): void {
  const fn = enclosingFunction(variable) ?? model.sf;
  // Only where the variable is declared (when inside the function): every namesake's calls per response is quadratic.
  const declared = declaringScope(variable);
  const scope = declared && declared.pos >= fn.pos && declared.end <= fn.end ? declared : fn;
  for (const call of headerCalls(model, variable.text, ['set', 'append'], scope)) {
    if (call.getStart(model.sf) < scope.getStart(model.sf) || call.end > scope.end) continue;
    const headerName = call.arguments[0] && model.resolver.resolveString(call.arguments[0])?.value;
    if (headerName && call.arguments[1]) {
      facts.headers.push({ name: headerName.toLowerCase(), value: model.resolver.resolveString(call.arguments[1]), node: call.arguments[1] });
    }
  }
}

const headerCallIndex = new WeakMap<WorkerModel, Map<string, { call: ts.CallExpression; order: number }[]>>();

/**
 * `variable.headers.<method>(…)` calls in the file (or those starting inside `within`), in source order; indexed once per
 * model, so a query costs the calls it returns, not a scan of every call (which is quadratic over many responses).
 */
export function headerCalls(model: WorkerModel, variable: string, methods: readonly string[], within?: ts.Node): ts.CallExpression[] {
  let index = headerCallIndex.get(model);
  if (!index) {
    index = new Map();
    for (const [order, call] of model.calls.entries()) {
      const path = accessPath(calleeObject(call) ?? call.expression);
      if (!path || path.length !== 2 || path[1] !== 'headers') continue;
      const key = `${path[0]}\u0000${calleeName(call)}`;
      const list = index.get(key) ?? [];
      if (list.length === 0) index.set(key, list);
      list.push({ call, order });
    }
    headerCallIndex.set(model, index);
  }
  const found = methods.flatMap((method) => inside(index!.get(`${variable}\u0000${method}`) ?? [], within));
  return (methods.length > 1 ? found.sort((a, b) => a.order - b.order) : found).map((entry) => entry.call);
}

/** The entries (sorted by position, as `model.calls` is) whose call starts inside `node`: binary search, then a slice. */
function inside<T extends { call: ts.Node }>(sorted: T[], node: ts.Node | undefined): T[] {
  if (!node) return sorted;
  const first = (limit: number) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]!.call.pos < limit) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return sorted.slice(first(node.pos), first(node.end));
}
