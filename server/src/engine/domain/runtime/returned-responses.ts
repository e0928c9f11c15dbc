// The responses a Worker's fetch handler returns, per return site: `return`s of the handler and of same-file functions it
// returns the result of (`return handle(request)`), `event.respondWith(…)` arguments, and both branches of `?:`.
import { localFunction } from '../../js/functions';
import { calleeName, ts, unwrap } from '../../parse/worker';

/** Expressions `fn` may return (or hand to `respondWith`), following same-file helpers it returns up to `depth` levels. */
export function returnedExpressions(fn: ts.FunctionLikeDeclaration, depth = 2): ts.Expression[] {
  const found: ts.Expression[] = [];
  const seen = new Set<ts.Node>();
  const add = (expr: ts.Expression, level: number): void => {
    const node = unwrap(expr);
    if (seen.has(node)) return;
    seen.add(node);
    if (ts.isConditionalExpression(node)) return [node.whenTrue, node.whenFalse].forEach((branch) => add(branch, level));
    if (ts.isCallExpression(node) && calleeName(node) === 'respondWith') return node.arguments[0] ? add(node.arguments[0], level) : undefined;
    const helper = ts.isCallExpression(node) && ts.isIdentifier(unwrap(node.expression)) ? localFunction(unwrap(node.expression) as ts.Identifier) : undefined;
    if (helper && level < depth) return ownReturns(helper).forEach((e) => add(e, level + 1));
    found.push(node);
  };
  for (const expr of ownReturns(fn)) add(expr, 0);
  return found;
}

/** `return x` statements (not in nested functions), a concise arrow body, and `respondWith(x)` calls in `fn`. */
function ownReturns(fn: ts.FunctionLikeDeclaration): ts.Expression[] {
  const body = fn.body;
  if (!body) return [];
  if (!ts.isBlock(body)) return [body as ts.Expression];
  const found: ts.Expression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isReturnStatement(node) && node.expression) found.push(node.expression);
    if (ts.isCallExpression(node) && calleeName(node) === 'respondWith' && node.arguments[0]) found.push(node.arguments[0]);
    if (ts.isFunctionLike(node) && !(ts.isCallExpression(node.parent) && calleeName(node.parent) === 'respondWith')) return;
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(body, visit);
  return found;
}
