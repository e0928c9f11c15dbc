// cache-put-error-response: cache.put() of a fetch() response that no res.ok / res.status check guards, so errors get cached.
import { cacheCalls } from '../../engine/domain/cache-api/cache-api';
import { describeResponse } from '../../engine/domain/cache-api/responses';
import { alwaysExits, assignmentsTo, flowsTo, isImmediatelyInvoked } from '../../engine/js/flow';
import { declaringScope, resolveName } from '../../engine/js/scopes';
import { defineRule } from '../../engine/define-rule';
import { accessPath, calleeName, calleeObject, enclosingFunction, ts, unwrap, type WorkerModel } from '../../engine/parse/worker';

/** Properties whose test counts as a status check. */
const STATUS_PROPS = new Set(['ok', 'status']);

export default defineRule({
  id: 'cache-put-error-response',
  description: 'cache.put() of a fetch() response needs a res.ok or res.status check first, or 4xx/5xx responses are cached for the whole TTL.',
  defaultSeverity: 'warn',
  fixable: false,
  hasSuggestions: true,
  kinds: ['worker'],
  defaultOptions: {},
  messages: {
    unchecked: '{{name}} from fetch() is cached with no {{name}}.ok or .status check: a 4xx/5xx is served for its whole TTL.',
    uncheckedInline: 'This fetch() response is cached with no .ok or .status check: a 4xx/5xx is served for its whole TTL.',
  },
  mayApply: (text) => text.includes('caches') && text.includes('put') && text.includes('fetch'),
  check(context) {
    const model = context.worker();
    const { sf } = model;
    for (const put of cacheCalls(model)) {
      if (put.method !== 'put' || !put.response) continue;
      const origin = fetchOrigin(model, put.response, put.call, 0);
      if (!origin || statusChecked(put.call, origin.names)) continue;
      const name = origin.names[0];
      if (!name) {
        context.report({ start: put.response.getStart(sf), end: put.response.end, messageId: 'uncheckedInline' });
        continue;
      }
      const statement = wrappableStatement(put.call);
      context.report({
        start: put.response.getStart(sf), end: put.response.end, messageId: 'unchecked', data: { name },
        suggestions: statement ? [{
          title: `Put it in the cache only if ${name}.ok`,
          edits: [
            { start: statement.getStart(sf), end: statement.getStart(sf), text: `if (${name}.ok) { ` },
            { start: statement.end, end: statement.end, text: ' }' },
          ],
        }] : undefined,
      });
    }
  },
});

interface FetchOrigin {
  /** The variables (as access paths) that hold the fetched response or a copy of it, nearest the put first. */
  names: string[];
}

/** Follows the put's response back to a `fetch()` call: variables, reaching assignments, `.clone()`, `new Response(r.body, r)`. */
function fetchOrigin(model: WorkerModel, expr: ts.Expression, at: ts.Node, depth: number): FetchOrigin | undefined {
  if (depth > 6) return undefined;
  const node = stripClone(unwrap(expr));
  if (ts.isCallExpression(node)) {
    return describeResponse(model, node).origin === 'fetched' ? { names: [] } : undefined;
  }
  if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Response') {
    // `new Response(res.body, res)` keeps res's status.
    const init = node.arguments?.[1] && unwrap(node.arguments[1]);
    const body = node.arguments?.[0] && unwrap(node.arguments[0]);
    if (!init || !ts.isIdentifier(init)) return undefined;
    if (!body || !ts.isPropertyAccessExpression(body) || body.name.text !== 'body' || accessPath(body.expression)?.join('.') !== init.text) return undefined;
    return fetchOrigin(model, init, node, depth + 1);
  }
  if (!ts.isIdentifier(node)) return undefined;
  const fn = enclosingFunction(at) ?? model.sf;
  const declared = declaringScope(node);
  const scope = declared && declared.pos >= fn.pos && declared.end <= fn.end ? declared : fn;
  const before = assignmentsTo(scope, node).filter((a) => a.end <= at.getStart(model.sf));
  let value: ts.Expression | undefined;
  let from: ts.Node = at;
  if (before.length > 0) {
    const last = before[before.length - 1]!;
    if (last.operatorToken.kind !== ts.SyntaxKind.EqualsToken || !flowsTo(last, at, model.sf, { always: true })) return undefined;
    value = last.right;
    from = last;
  } else {
    const declaration = resolveName(node);
    if (declaration && ts.isParameter(declaration)) return thenParameter(model, declaration) ? { names: [node.text] } : undefined;
    if (!declaration || !ts.isVariableDeclaration(declaration) || !declaration.initializer) return undefined;
    value = declaration.initializer;
  }
  const inner = fetchOrigin(model, value, from, depth + 1);
  return inner && { names: [node.text, ...inner.names.filter((n) => n !== node.text)] };
}

/** `fetch(…).then((res) => …)`: the first parameter of a `.then` callback on a fetch call. */
function thenParameter(model: WorkerModel, parameter: ts.ParameterDeclaration): boolean {
  const fn = parameter.parent;
  if (fn.parameters[0] !== parameter || !ts.isIdentifier(parameter.name)) return false;
  const call = fn.parent;
  if (!ts.isCallExpression(call) || call.arguments[0] !== fn || calleeName(call) !== 'then') return false;
  const object = calleeObject(call);
  return !!object && describeResponse(model, unwrap(object)).origin === 'fetched';
}

function stripClone(node: ts.Expression): ts.Expression {
  if (ts.isCallExpression(node) && calleeName(node) === 'clone' && node.arguments.length === 0) {
    const object = calleeObject(node);
    if (object) return unwrap(object);
  }
  return node;
}

/** Whether `expr` tests `<name>.ok` or `<name>.status` for one of the names. */
function testsStatus(expr: ts.Node, names: string[]): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isPropertyAccessExpression(node) && STATUS_PROPS.has(node.name.text)) {
      const path = accessPath(node.expression);
      if (path && names.includes(path.join('.'))) {
        found = true;
        return;
      }
    }
    if (!ts.isFunctionLike(node)) ts.forEachChild(node, visit);
  };
  visit(expr);
  return found;
}

/**
 * True when a status check dominates the put: an enclosing `if`/`?:`/`&&`/`switch` that tests it, or an earlier
 * `if (!res.ok) return|throw …` in an enclosing block of the same function.
 */
function statusChecked(at: ts.Node, names: string[]): boolean {
  if (names.length === 0) return false;
  for (let child: ts.Node = at, node = at.parent; node; child = node, node = node.parent) {
    if (ts.isIfStatement(node) && child !== node.expression && testsStatus(node.expression, names)) return true;
    if (ts.isConditionalExpression(node) && child !== node.condition && testsStatus(node.condition, names)) return true;
    if (ts.isBinaryExpression(node) && child === node.right && testsStatus(node.left, names)) return true;
    if (ts.isCaseClause(node) && ts.isSwitchStatement(node.parent.parent) && testsStatus(node.parent.parent.expression, names)) return true;
    if (ts.isBlock(node) || ts.isSourceFile(node) || ts.isCaseClause(node) || ts.isDefaultClause(node)) {
      const statements = node.statements as ts.NodeArray<ts.Statement>;
      for (const statement of statements.slice(0, statements.indexOf(child as ts.Statement))) {
        if (!ts.isIfStatement(statement) || !testsStatus(statement.expression, names)) continue;
        if (alwaysExits(statement.thenStatement) || (statement.elseStatement && alwaysExits(statement.elseStatement))) return true;
      }
    }
    if (ts.isFunctionLike(node) && !isImmediatelyInvoked(node)) return false;
  }
  return false;
}

/** The statement `await cache.put(…);` or `ctx.waitUntil(cache.put(…));` in a block, which an `if` can wrap. */
function wrappableStatement(call: ts.CallExpression): ts.ExpressionStatement | undefined {
  let node: ts.Node = call;
  for (;;) {
    const parent: ts.Node = node.parent;
    if (ts.isAwaitExpression(parent) || ts.isParenthesizedExpression(parent) || ts.isVoidExpression(parent)) node = parent;
    else if (ts.isCallExpression(parent) && parent.arguments.length === 1 && parent.arguments[0] === node && calleeName(parent) === 'waitUntil') node = parent;
    else if (ts.isExpressionStatement(parent)) {
      const block = parent.parent;
      return ts.isBlock(block) || ts.isSourceFile(block) || ts.isCaseClause(block) || ts.isDefaultClause(block) ? parent : undefined;
    } else return undefined;
  }
}
