// Questions about code that repeats (see repetitionOf in parse/worker.ts): how to name the loop in a message, whether an
// expression changes per iteration, and whether the loop is left right after a node (so it runs once).
import { ts, type WorkerModel } from '../parse/worker';

/** A repetition as found by `repetitionOf`. */
export interface Repetition {
  kind: 'loop' | 'callback' | 'promise-all';
  node: ts.Node;
}

/** `for…of loop`, `while loop`, `keys.map() callback`, `Promise.all()`. */
export function describeRepetition(rep: Repetition, sf: ts.SourceFile): string {
  const n = rep.node;
  if (ts.isForOfStatement(n)) return 'for…of loop';
  if (ts.isForInStatement(n)) return 'for…in loop';
  if (ts.isForStatement(n)) return 'for loop';
  if (ts.isWhileStatement(n)) return 'while loop';
  if (ts.isDoStatement(n)) return 'do…while loop';
  if (ts.isCallExpression(n)) {
    const callee = n.expression.getText(sf).replace(/\s+/g, '');
    const short = callee.length > 30 ? `…${callee.slice(-29)}` : callee;
    return rep.kind === 'promise-all' ? `${short}()` : `${short}() callback`;
  }
  return 'loop';
}

/**
 * True when `expr` may differ per iteration of `rep`: it calls something, or uses a name declared or assigned inside
 * the repeated code (loop variables, callback parameters, locals of the body).
 */
export function variesPerIteration(model: WorkerModel, expr: ts.Expression, rep: Repetition): boolean {
  if (model.resolver.resolveString(expr)) return false;
  const local = namesBoundIn(rep.node);
  let varies = false;
  const visit = (node: ts.Node): void => {
    if (varies) return;
    if (ts.isCallExpression(node) || ts.isNewExpression(node) || ts.isTaggedTemplateExpression(node)) varies = true;
    else if (ts.isIdentifier(node) && !isPropertyNamePosition(node) && local.has(node.text)) varies = true;
    else ts.forEachChild(node, visit);
  };
  visit(expr);
  return varies;
}

/** True when the statement holding `node` inside a loop is followed (in its block, up to the loop) by break/return/throw. */
export function leavesLoopAfter(node: ts.Node, rep: Repetition): boolean {
  if (rep.kind !== 'loop') return false;
  for (let current: ts.Node = node; current.parent && current !== rep.node; current = current.parent) {
    if (ts.isReturnStatement(current) || ts.isThrowStatement(current)) return true;
    const parent = current.parent;
    if (ts.isBlock(parent) && ts.isStatement(current)) {
      const index = parent.statements.indexOf(current);
      if (parent.statements.slice(index + 1).some((s) => ts.isBreakStatement(s) || ts.isReturnStatement(s) || ts.isThrowStatement(s))) return true;
    }
  }
  return false;
}

function namesBoundIn(root: ts.Node): Set<string> {
  const names = new Set<string>();
  const addBinding = (name: ts.BindingName): void => {
    if (ts.isIdentifier(name)) names.add(name.text);
    else for (const element of name.elements) if (!ts.isOmittedExpression(element)) addBinding(element.name);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) || ts.isParameter(node) || ts.isBindingElement(node)) addBinding(node.name);
    else if (ts.isBinaryExpression(node) && node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment
      && node.operatorToken.kind <= ts.SyntaxKind.LastAssignment && ts.isIdentifier(node.left)) names.add(node.left.text);
    else if ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) && ts.isIdentifier(node.operand)
      && (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken)) names.add(node.operand.text);
    ts.forEachChild(node, visit);
  };
  visit(root);
  return names;
}

function isPropertyNamePosition(id: ts.Identifier): boolean {
  const parent = id.parent;
  return (ts.isPropertyAccessExpression(parent) && parent.name === id) || (ts.isPropertyAssignment(parent) && parent.name === id);
}

