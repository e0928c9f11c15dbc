// The HTTP method a request expression statically has at one point: `new Request(url, { method })`, an enclosing
// `if (request.method === 'POST')`/`switch (request.method)` branch or early-return guard, a POST route or Pages Function.
import { accessPath, enclosingFunction, propertyName, ts, unwrap, type WorkerModel } from '../../parse/worker';
import { alwaysExits, isImmediatelyInvoked } from '../../js/flow';
import { routeHandlers } from '../runtime/routes';

/** A method known for a request, and where the code says so. */
export interface KnownMethod {
  /** Upper-case method (`POST`), or `non-GET` when only "not GET" is known. */
  method: string;
  /** The node that sets or checks the method. */
  node: ts.Node;
  /** For messages: `method: 'POST'`, `request.method === 'POST'`, `app.post('/x')`, `onRequestPost`. */
  how: string;
}

const PAGES_METHOD = /^onRequest(Post|Put|Patch|Delete)$/;

/** The method of `request` when it is evaluated at `at`; undefined unless the code states it. */
export function requestMethod(model: WorkerModel, request: ts.Expression, at: ts.Node): KnownMethod | undefined {
  return constructedMethod(model, request) ?? branchMethod(model, request, at) ?? routeMethod(model, request, at);
}

function constructedMethod(model: WorkerModel, request: ts.Expression): KnownMethod | undefined {
  let node = unwrap(request);
  if (ts.isIdentifier(node)) node = unwrap(model.resolver.constInitializer(node) ?? node);
  if (!ts.isNewExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 'Request' || !node.arguments?.[1]) return undefined;
  const init = model.resolver.resolveObject(node.arguments[1]);
  if (!init) return undefined;
  const entry = model.resolver.objectEntries(init).filter((e) => e.key === 'method').pop();
  if (!entry) return undefined;
  // A spread after `method` that cannot be resolved may override it.
  const own = init.properties.indexOf(entry.property as ts.ObjectLiteralElementLike);
  if (own >= 0 && init.properties.slice(own + 1).some((p) => ts.isSpreadAssignment(p) && !model.resolver.resolveObject(p.expression))) return undefined;
  const method = model.resolver.resolveString(entry.value)?.value.toUpperCase();
  if (!method || method === 'GET') return undefined;
  return { method, node: entry.value, how: `method: '${method}'` };
}

/** `X.method` where X is the request (or `c.req` for `c.req.raw`): the compared method, or undefined. */
function methodTest(model: WorkerModel, expr: ts.Expression, request: ts.Expression): { method: string; equal: boolean } | undefined {
  const node = unwrap(expr);
  if (!ts.isBinaryExpression(node)) return undefined;
  const op = node.operatorToken.kind;
  const equal = op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsToken;
  if (!equal && op !== ts.SyntaxKind.ExclamationEqualsEqualsToken && op !== ts.SyntaxKind.ExclamationEqualsToken) return undefined;
  for (const [side, other] of [[node.left, node.right], [node.right, node.left]] as const) {
    const literal = model.resolver.resolveString(other)?.value;
    if (literal && isMethodOf(side, request)) return { method: literal.toUpperCase(), equal };
  }
  return undefined;
}

function isMethodOf(expr: ts.Expression, request: ts.Expression): boolean {
  const path = accessPath(expr);
  const requestPath = accessPath(request);
  if (!path || !requestPath || path[path.length - 1] !== 'method') return false;
  const owner = path.slice(0, -1).join('.');
  return owner === requestPath.join('.') || (requestPath[requestPath.length - 1] === 'raw' && owner === requestPath.slice(0, -1).join('.'));
}

function conjuncts(expr: ts.Expression): ts.Expression[] {
  const node = unwrap(expr);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) {
    return [...conjuncts(node.left), ...conjuncts(node.right)];
  }
  return [node];
}

/** What a test that held (`holds`) or failed says about the method. */
function implied(test: { method: string; equal: boolean }, holds: boolean): string | undefined {
  const isMethod = test.equal === holds;
  if (isMethod) return test.method === 'GET' ? undefined : test.method;
  return test.method === 'GET' ? 'non-GET' : undefined;
}

function branchMethod(model: WorkerModel, request: ts.Expression, at: ts.Node): KnownMethod | undefined {
  const { sf } = model;
  const describe = (cond: ts.Node, method: string): KnownMethod => ({ method, node: cond, how: cond.getText(sf).replace(/\s+/g, ' ') });
  for (let child: ts.Node = at, node = at.parent; node; child = node, node = node.parent) {
    if (ts.isFunctionLike(node) && !isImmediatelyInvoked(node)) break;
    if (ts.isIfStatement(node) && child !== node.expression) {
      const holds = child === node.thenStatement;
      const terms = holds ? conjuncts(node.expression) : [unwrap(node.expression)];
      for (const term of terms) {
        const test = methodTest(model, term, request);
        const method = test && implied(test, holds);
        if (method) return describe(term, method);
      }
    }
    if (ts.isCaseClause(node) && ts.isSwitchStatement(node.parent.parent) && isMethodOf(node.parent.parent.expression, request)) {
      const labels = caseLabels(model, node);
      if (labels && labels.every((m) => m !== 'GET')) return { method: labels.join('/'), node: node.expression, how: `case '${labels[labels.length - 1]}'` };
    }
    if (ts.isBlock(node) || ts.isSourceFile(node)) {
      // Early-return guards before `at`: `if (request.method === 'GET') return …;` means "not GET" afterwards.
      const guard = firstGuard(model, node, request);
      if (guard && guard.statement.end <= child.pos) return describe(guard.statement.expression, guard.method);
    }
  }
  return undefined;
}

type Guard = { statement: ts.IfStatement; method: string };
/** Per model (an incremental parse reuses nodes, but constants the test resolves may have changed), per list, per request. */
const guards = new WeakMap<WorkerModel, WeakMap<ts.Node, Map<string, Guard | null>>>();

/**
 * The first early-return guard on the method of `request` in a statement list, computed once per list and request: the
 * guard that applies before a statement is this one when it comes before it (a scan per query is quadratic).
 */
function firstGuard(model: WorkerModel, list: ts.Block | ts.SourceFile, request: ts.Expression): Guard | undefined {
  const key = accessPath(request)?.join('.');
  if (key === undefined) return undefined;
  let byList = guards.get(model);
  if (!byList) guards.set(model, byList = new WeakMap());
  let byRequest = byList.get(list);
  if (!byRequest) byList.set(list, byRequest = new Map());
  if (!byRequest.has(key)) {
    let found: Guard | null = null;
    for (const statement of list.statements) {
      if (!ts.isIfStatement(statement) || statement.elseStatement || !alwaysExits(statement.thenStatement)) continue;
      const test = methodTest(model, statement.expression, request);
      const method = test && implied(test, false);
      if (method) {
        found = { statement, method };
        break;
      }
    }
    byRequest.set(key, found);
  }
  return byRequest.get(key) ?? undefined;
}

/** Labels of a `case` and of the empty cases that fall into it; undefined when a non-empty case falls through. */
function caseLabels(model: WorkerModel, clause: ts.CaseClause): string[] | undefined {
  const clauses = clause.parent.clauses;
  const labels: string[] = [];
  for (let i = clauses.indexOf(clause); i >= 0; i--) {
    const current = clauses[i]!;
    if (i !== clauses.indexOf(clause) && current.statements.length > 0) {
      const last = current.statements[current.statements.length - 1]!;
      if (ts.isBreakStatement(last) || alwaysExits(last)) break;
      return undefined;
    }
    if (!ts.isCaseClause(current)) return undefined;
    const label = model.resolver.resolveString(current.expression)?.value;
    if (!label) return undefined;
    labels.unshift(label.toUpperCase());
  }
  return labels;
}

function routeMethod(model: WorkerModel, request: ts.Expression, at: ts.Node): KnownMethod | undefined {
  const path = accessPath(request);
  if (!path) return undefined;
  const root = unwrap(request);
  const rootId = ts.isIdentifier(root) ? root : undefined;
  if (rootId && model.resolver.initializer(rootId)) return undefined;
  for (let fn = enclosingFunction(at); fn; fn = enclosingFunction(fn)) {
    const first = fn.parameters[0]?.name;
    const route = routeHandlers(model).find((r) => r.fn === fn);
    if (route && ['post', 'put', 'patch', 'delete'].includes(route.method) && first && ts.isIdentifier(first)) {
      const p = first.text;
      if (path.join('.') === p || path.join('.') === `${p}.req.raw`) return { method: route.method.toUpperCase(), node: route.call, how: route.via };
    }
    const name = pagesName(fn);
    const match = name && PAGES_METHOD.exec(name);
    if (match && first) {
      const method = match[1]!.toUpperCase();
      if (ts.isIdentifier(first) && path.join('.') === `${first.text}.request`) return { method, node: fn, how: name };
      if (ts.isObjectBindingPattern(first) && path.length === 1) {
        const bound = first.elements.find((e) => ts.isIdentifier(e.name) && e.name.text === path[0]);
        if (bound && (propertyName(bound.propertyName) ?? path[0]) === 'request') return { method, node: fn, how: name! };
      }
    }
  }
  return undefined;
}

function pagesName(fn: ts.FunctionLikeDeclaration): string | undefined {
  if (ts.isFunctionDeclaration(fn)) return fn.name?.text;
  let node: ts.Node = fn;
  while (node.parent && (ts.isParenthesizedExpression(node.parent) || ts.isAsExpression(node.parent) || ts.isSatisfiesExpression(node.parent))) node = node.parent;
  return node.parent && ts.isVariableDeclaration(node.parent) && ts.isIdentifier(node.parent.name) ? node.parent.name.text : undefined;
}
