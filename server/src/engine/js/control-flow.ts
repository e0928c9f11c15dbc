// Whether a node runs every time its function runs: no branch (if/switch/?:/&&/||/??/catch/loop) or nested callback
// between them, and no return/throw before it that could end the function early.
import { ts } from '../parse/worker';
import { isImmediatelyInvoked } from './flow';

/** True when `node` runs on every call of `fn` (immediately-invoked inner functions count as inline). */
export function runsUnconditionally(node: ts.Node, fn: ts.FunctionLikeDeclaration): boolean {
  for (let current: ts.Node = node; current !== fn && current.parent; current = current.parent) {
    const parent = current.parent;
    if (ts.isIfStatement(parent) && current !== parent.expression) return false;
    if (ts.isConditionalExpression(parent) && current !== parent.condition) return false;
    if (ts.isCaseClause(parent) || ts.isDefaultClause(parent) || ts.isCatchClause(parent)) return false;
    if (ts.isBinaryExpression(parent) && current === parent.right && [ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken,
      ts.SyntaxKind.QuestionQuestionToken].includes(parent.operatorToken.kind)) return false;
    if (ts.isIterationStatement(parent, false) && current === parent.statement) return false;
    if (ts.isFunctionLike(current) && current !== fn && !isImmediatelyInvoked(current)) return false;
    if (ts.isBlock(parent) && ts.isStatement(current)) {
      const before = parent.statements.slice(0, parent.statements.indexOf(current));
      if (before.some(exitsEarly)) return false;
    }
  }
  return true;
}

/** A statement containing return/throw (outside nested functions). */
function exitsEarly(statement: ts.Node): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || (ts.isFunctionLike(n) && n !== statement)) return;
    if (ts.isReturnStatement(n) || ts.isThrowStatement(n)) found = true;
    else ts.forEachChild(n, visit);
  };
  visit(statement);
  return found;
}
