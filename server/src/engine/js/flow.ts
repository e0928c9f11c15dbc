// Conservative syntax-only control-flow questions: does code at A run before code at B in the same invocation?
import { accessPath, ts, unwrap } from '../parse/worker';

/** How strictly `flowsTo` reads the path from `from` to `to`. */
export interface FlowOptions {
  /** Also require `from` to run on every path that reaches `to` (no `if`, `?:`, `&&`, loop, `case` or `catch` around it). */
  always?: boolean;
}

/**
 * True when, as far as the syntax shows, `to` runs after `from` in the same invocation: `to` follows `from`, they are not
 * in exclusive branches (`if`/`else`, `?:`, different `case`s, `try`/`catch`), no `return`/`throw` sits between them, and
 * neither is inside a callback (an immediately invoked function around `from` is allowed). Errs towards `false`.
 */
export function flowsTo(from: ts.Node, to: ts.Node, sf: ts.SourceFile, options: FlowOptions = {}): boolean {
  if (to.getStart(sf) < from.end) return false;
  const toAncestors = new Set<ts.Node>();
  for (let n: ts.Node | undefined = to; n; n = n.parent) toAncestors.add(n);
  const fromChain: ts.Node[] = [];
  let lca: ts.Node | undefined;
  for (let n: ts.Node | undefined = from; n; n = n.parent) {
    if (toAncestors.has(n)) {
      lca = n;
      break;
    }
    fromChain.push(n);
  }
  if (!lca || fromChain.length === 0) return false;
  const toChain: ts.Node[] = [];
  for (let n: ts.Node = to; n !== lca; n = n.parent) toChain.push(n);
  if (toChain.length === 0) return false;
  const fromChild = fromChain[fromChain.length - 1]!;
  const toChild = toChain[toChain.length - 1]!;
  if (toChain.some((n) => ts.isFunctionLike(n))) return false;
  for (const n of fromChain) {
    if (n !== from && ts.isFunctionLike(n) && !isImmediatelyInvoked(n)) return false;
    if (options.always && isConditionalPart(n)) return false;
  }
  if (ts.isIfStatement(lca) && fromChild !== lca.expression) return false;
  if (ts.isConditionalExpression(lca) && fromChild !== lca.condition) return false;
  if (ts.isCaseBlock(lca) || (ts.isTryStatement(lca) && toChild === lca.catchClause)) return false;
  if (options.always && ts.isBinaryExpression(lca) && isShortCircuit(lca.operatorToken.kind) && fromChild === lca.right) return false;
  for (const n of fromChain) {
    const block = n.parent;
    if (!block || !isStatementList(block)) continue;
    const statements = block.statements as ts.NodeArray<ts.Statement>;
    const index = statements.indexOf(n as ts.Statement);
    if (index < 0) continue;
    if (isTerminator(n as ts.Statement)) return false;
    const stop = block === lca ? statements.indexOf(toChild as ts.Statement) : statements.length;
    for (let i = index + 1; i < stop; i++) if (isTerminator(statements[i]!)) return false;
  }
  return true;
}

/** True if a statement always leaves the block: `return`, `throw`, or a block ending in one. */
export function alwaysExits(statement: ts.Statement): boolean {
  if (isTerminator(statement)) return true;
  if (ts.isBlock(statement)) {
    const last = statement.statements[statement.statements.length - 1];
    return !!last && alwaysExits(last);
  }
  return false;
}

/**
 * True when a condition that `test` accepts guards `at`: an enclosing `if`/`?:` branch, the right operand of `&&`/`||`, or an
 * earlier `if (…) return|throw` in an enclosing block. `also` adds kind-specific checks on each ancestor (a `case`, a route).
 */
export function guardedByCondition(at: ts.Node, test: (condition: ts.Expression) => boolean, also?: (node: ts.Node) => boolean): boolean {
  for (let child: ts.Node = at, node = at.parent; node; child = node, node = node.parent) {
    if (ts.isIfStatement(node) && child !== node.expression && test(node.expression)) return true;
    if (ts.isConditionalExpression(node) && child !== node.condition && test(node.condition)) return true;
    if (ts.isBinaryExpression(node) && child === node.right && test(node.left)) return true;
    if (ts.isBlock(node) || ts.isSourceFile(node)) {
      const statements = node.statements as ts.NodeArray<ts.Statement>;
      for (const statement of statements.slice(0, statements.indexOf(child as ts.Statement))) {
        if (ts.isIfStatement(statement) && alwaysExits(statement.thenStatement) && test(statement.expression)) return true;
      }
    }
    if (also?.(node)) return true;
  }
  return false;
}

/** True if `expr` is written `(...)()`: a function expression called where it is defined. */
export function isImmediatelyInvoked(fn: ts.Node): boolean {
  let node: ts.Node = fn;
  while (node.parent && ts.isParenthesizedExpression(node.parent)) node = node.parent;
  return !!node.parent && ts.isCallExpression(node.parent) && node.parent.expression === node;
}

/** True if two expressions name the same variable or member chain (`res`, `this.res`, `c.req.raw`). */
export function sameReference(a: ts.Expression, b: ts.Expression): boolean {
  const pa = accessPath(a);
  const pb = accessPath(b);
  return !!pa && !!pb && pa.length === pb.length && pa.every((part, i) => part === pb[i]);
}

/** Assignments (`x = …`, `x ??= …`) to the same reference as `target` within `scope`, in source order. */
export function assignmentsTo(scope: ts.Node, target: ts.Expression): ts.BinaryExpression[] {
  const found: ts.BinaryExpression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isBinaryExpression(node) && isAssignment(node.operatorToken.kind) && sameReference(unwrap(node.left), target)) found.push(node);
    ts.forEachChild(node, visit);
  };
  visit(scope);
  return found;
}

/** Expressions in `scope` that read the same reference as `target` (excluding `target` itself and assignment targets). */
export function referencesTo(scope: ts.Node, target: ts.Expression): ts.Expression[] {
  const path = accessPath(target);
  if (!path) return [];
  const found: ts.Expression[] = [];
  const visit = (node: ts.Node): void => {
    if (node !== target && (ts.isIdentifier(node) || ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node))
      && isValuePosition(node) && sameReference(node, target)) {
      found.push(node);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(scope);
  return found;
}

function isValuePosition(node: ts.Expression): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false;
  if ((ts.isPropertyAssignment(parent) || ts.isVariableDeclaration(parent) || ts.isParameter(parent) || ts.isBindingElement(parent)
    || ts.isFunctionDeclaration(parent) || ts.isMethodDeclaration(parent)) && parent.name === node) return false;
  if (ts.isBinaryExpression(parent) && isAssignment(parent.operatorToken.kind) && parent.left === node) return false;
  return !ts.isTypeNode(parent) && !ts.isQualifiedName(parent);
}

function isAssignment(kind: ts.SyntaxKind): boolean {
  return kind === ts.SyntaxKind.EqualsToken || kind === ts.SyntaxKind.QuestionQuestionEqualsToken
    || kind === ts.SyntaxKind.BarBarEqualsToken || kind === ts.SyntaxKind.AmpersandAmpersandEqualsToken;
}

function isShortCircuit(kind: ts.SyntaxKind): boolean {
  return kind === ts.SyntaxKind.AmpersandAmpersandToken || kind === ts.SyntaxKind.BarBarToken || kind === ts.SyntaxKind.QuestionQuestionToken;
}

function isConditionalPart(node: ts.Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (ts.isIfStatement(parent)) return node !== parent.expression;
  if (ts.isConditionalExpression(parent)) return node !== parent.condition;
  if (ts.isBinaryExpression(parent)) return isShortCircuit(parent.operatorToken.kind) && node === parent.right;
  if (ts.isIterationStatement(parent, false)) return node === parent.statement;
  return ts.isCaseClause(parent) || ts.isDefaultClause(parent) || ts.isCatchClause(parent)
    || (ts.isCallExpression(parent) && node === parent.expression && !!parent.questionDotToken);
}

function isStatementList(node: ts.Node): node is ts.Block | ts.SourceFile | ts.CaseClause | ts.DefaultClause | ts.ModuleBlock {
  return ts.isBlock(node) || ts.isSourceFile(node) || ts.isCaseClause(node) || ts.isDefaultClause(node) || ts.isModuleBlock(node);
}

function isTerminator(statement: ts.Statement): boolean {
  return ts.isReturnStatement(statement) || ts.isThrowStatement(statement);
}
