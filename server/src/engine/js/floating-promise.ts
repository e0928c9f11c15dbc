// Whether a promise-returning call floats: its promise is neither awaited, returned, stored nor handed to another call,
// only dropped (statement position, `void`, a `forEach` callback), also through `.then/.catch/.finally` and `Promise.all`.
import { calleeName, calleeObject, enclosingFunction, ts } from '../parse/worker';
import { referencesTo } from './flow';
import { declaringScope } from './scopes';

const CHAINS = new Set(['then', 'catch', 'finally']);
const COMBINATORS = new Set(['all', 'allSettled', 'any', 'race']);
const MAPPERS = new Set(['map', 'flatMap']);

/** Where a floating promise is dropped: the expression whose value is thrown away, and how. */
export interface Floating {
  /** The outermost expression carrying the promise (`cache.put(…).catch(log)`, `Promise.all([...])`). */
  carrier: ts.Expression;
  /** `statement`: `x;` (a fix can wrap it); `void`: `void x`; `callback`: dropped by a `forEach`; `unused`: an unread variable. */
  how: 'statement' | 'void' | 'callback' | 'unused';
}

/** How the promise of `call` is dropped, or undefined when it is awaited, returned, stored or passed on (or unknown). */
export function floatingPromise(call: ts.CallExpression): Floating | undefined {
  let expr: ts.Expression = call;
  for (let depth = 0; depth < 12; depth++) {
    const parent: ts.Node = expr.parent;
    if (!parent) return undefined;
    if (ts.isParenthesizedExpression(parent) || ts.isAsExpression(parent) || ts.isNonNullExpression(parent) || ts.isSatisfiesExpression(parent)) {
      expr = parent;
    } else if (ts.isExpressionStatement(parent)) {
      return { carrier: expr, how: 'statement' };
    } else if (ts.isVoidExpression(parent)) {
      return { carrier: expr, how: 'void' };
    } else if (ts.isPropertyAccessExpression(parent) && parent.expression === expr && CHAINS.has(parent.name.text)
      && ts.isCallExpression(parent.parent) && parent.parent.expression === parent) {
      expr = parent.parent;
    } else if (ts.isBinaryExpression(parent) && parent.right === expr
      && [ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.CommaToken].includes(parent.operatorToken.kind)) {
      expr = parent;
    } else if (ts.isConditionalExpression(parent) && parent.condition !== expr) {
      expr = parent;
    } else if (ts.isArrayLiteralExpression(parent) && ts.isCallExpression(parent.parent) && isCombinator(parent.parent) && parent.parent.arguments.includes(parent)) {
      expr = parent.parent;
    } else if (ts.isCallExpression(parent) && parent.arguments.includes(expr) && isCombinator(parent)) {
      expr = parent;
    } else if (ts.isVariableDeclaration(parent) && parent.initializer === expr && ts.isIdentifier(parent.name)) {
      const scope = declaringScope(parent.name) ?? enclosingFunction(parent) ?? parent.getSourceFile();
      return referencesTo(scope, parent.name).length === 0 ? { carrier: expr, how: 'unused' } : undefined;
    } else {
      // A callback's result: an arrow's expression body, or a `return` inside the callback.
      const fn = ts.isArrowFunction(parent) && parent.body === expr ? parent
        : ts.isReturnStatement(parent) ? enclosingFunction(parent) : undefined;
      const call = fn?.parent;
      if (!fn || !call || !ts.isCallExpression(call) || !call.arguments.includes(fn as ts.Expression)) return undefined;
      const name = calleeName(call);
      if (name === 'forEach') return { carrier: expr, how: 'callback' };
      // `.then(() => cache.put(…))` and `keys.map((k) => cache.delete(k))` pass the promise on to the outer call.
      if (!name || !(MAPPERS.has(name) || (CHAINS.has(name) && calleeObject(call)))) return undefined;
      expr = call;
    }
  }
  return undefined;
}

function isCombinator(call: ts.CallExpression): boolean {
  const object = calleeObject(call);
  return !!object && ts.isIdentifier(object) && object.text === 'Promise' && COMBINATORS.has(calleeName(call) ?? '');
}

/** Whether the function holding `call` waits for its promise: `await`ed or `return`ed (also through chains and `Promise.all`). */
export function awaitedOrReturned(call: ts.CallExpression): boolean {
  let expr: ts.Expression = call;
  for (let depth = 0; depth < 8; depth++) {
    const parent: ts.Node = expr.parent;
    if (ts.isAwaitExpression(parent) || ts.isReturnStatement(parent) || (ts.isArrowFunction(parent) && parent.body === expr)) return true;
    if (ts.isParenthesizedExpression(parent) || ts.isAsExpression(parent) || ts.isNonNullExpression(parent)) expr = parent;
    else if (ts.isPropertyAccessExpression(parent) && parent.expression === expr && CHAINS.has(parent.name.text)
      && ts.isCallExpression(parent.parent) && parent.parent.expression === parent) expr = parent.parent;
    else if (ts.isArrayLiteralExpression(parent) && ts.isCallExpression(parent.parent) && isCombinator(parent.parent)) expr = parent.parent;
    else if (ts.isCallExpression(parent) && parent.arguments.includes(expr) && isCombinator(parent)) expr = parent;
    else return false;
  }
  return false;
}
