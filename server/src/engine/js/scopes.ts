// Scopes and references of the JS model: which declaration a name refers to, with JavaScript's rules (block scope for
// let/const/class, function scope for var and hoisted functions, parameters, catch clauses, for-loop heads, imports).
// Each scope's declarations are collected once, on first use, so a query never re-walks the tree.
import { ts } from '../parse/worker';

/** Anything that can declare a name. */
export type DeclarationNode =
  | ts.VariableDeclaration | ts.ParameterDeclaration | ts.BindingElement | ts.FunctionDeclaration | ts.ClassDeclaration
  | ts.ImportClause | ts.ImportSpecifier | ts.NamespaceImport | ts.ImportEqualsDeclaration | ts.EnumDeclaration | ts.ModuleDeclaration
  | ts.FunctionExpression | ts.ClassExpression;

const byScope = new WeakMap<ts.Node, Map<string, DeclarationNode>>();

/** The declaration the identifier refers to (innermost scope first), or undefined for globals and unknown names. */
export function resolveName(id: ts.Identifier): DeclarationNode | undefined {
  for (let current: ts.Node | undefined = id.parent; current; current = current.parent) {
    if (!isScope(current)) continue;
    const found = declarationsOf(current).get(id.text);
    if (found && declaredName(found) !== id) return found;
  }
  return undefined;
}

/** The scope node (block, function, file…) that declares the name `id` refers to, or undefined for globals. */
export function declaringScope(id: ts.Identifier): ts.Node | undefined {
  for (let current: ts.Node | undefined = id.parent; current; current = current.parent) {
    if (!isScope(current)) continue;
    const found = declarationsOf(current).get(id.text);
    if (found && declaredName(found) !== id) return current;
  }
  return undefined;
}

/** Nodes that open a scope. */
function isScope(node: ts.Node): boolean {
  return ts.isSourceFile(node) || ts.isBlock(node) || ts.isModuleBlock(node) || ts.isCaseBlock(node) || ts.isCatchClause(node)
    || ts.isForStatement(node) || ts.isForOfStatement(node) || ts.isForInStatement(node) || (ts.isFunctionLike(node) && 'body' in node)
    || ts.isClassLike(node);
}

function declaredName(decl: DeclarationNode): ts.Node | undefined {
  return 'name' in decl ? decl.name : undefined;
}

/** The names one scope declares (hoisted `var`s of nested blocks included for function scopes). */
function declarationsOf(scope: ts.Node): Map<string, DeclarationNode> {
  let names = byScope.get(scope);
  if (names) return names;
  names = new Map();
  const add = (name: string, decl: DeclarationNode) => {
    if (!names!.has(name)) names!.set(name, decl);
  };
  const addBinding = (name: ts.BindingName, decl: ts.VariableDeclaration | ts.ParameterDeclaration) => {
    if (ts.isIdentifier(name)) return add(name.text, decl);
    for (const element of name.elements) {
      if (!ts.isBindingElement(element)) continue;
      if (ts.isIdentifier(element.name)) add(element.name.text, element);
      else addBinding(element.name, decl);
    }
  };
  const functionScope = (ts.isFunctionLike(scope) && 'body' in scope) || ts.isSourceFile(scope) || ts.isModuleBlock(scope);
  if (ts.isFunctionLike(scope)) {
    for (const param of scope.parameters) addBinding(param.name, param);
    if (ts.isFunctionExpression(scope) && scope.name) add(scope.name.text, scope);
  }
  if (ts.isClassExpression(scope) && scope.name) add(scope.name.text, scope);
  if (ts.isCatchClause(scope) && scope.variableDeclaration) addBinding(scope.variableDeclaration.name, scope.variableDeclaration);
  if ((ts.isForStatement(scope) || ts.isForOfStatement(scope) || ts.isForInStatement(scope)) && scope.initializer && ts.isVariableDeclarationList(scope.initializer)) {
    for (const decl of scope.initializer.declarations) addBinding(decl.name, decl);
  }
  const statements = ts.isSourceFile(scope) || ts.isBlock(scope) || ts.isModuleBlock(scope) ? scope.statements
    : ts.isCaseBlock(scope) ? scope.clauses.flatMap((c) => [...c.statements])
      : ts.isFunctionLike(scope) && 'body' in scope && scope.body && ts.isBlock(scope.body) ? scope.body.statements : [];
  for (const statement of statements) declareStatement(statement, add, addBinding);
  // `var` declarations inside nested blocks belong to the enclosing function scope (block functions stay block-scoped in modules).
  if (functionScope) hoistVars(statements, addBinding);
  byScope.set(scope, names);
  return names;
}

function declareStatement(statement: ts.Statement, add: (name: string, decl: DeclarationNode) => void, addBinding: (name: ts.BindingName, decl: ts.VariableDeclaration) => void): void {
  if (ts.isVariableStatement(statement)) for (const decl of statement.declarationList.declarations) addBinding(decl.name, decl);
  else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) && statement.name) add(statement.name.text, statement);
  else if (ts.isModuleDeclaration(statement) && ts.isIdentifier(statement.name)) add(statement.name.text, statement);
  else if (ts.isImportEqualsDeclaration(statement)) add(statement.name.text, statement);
  else if (ts.isImportDeclaration(statement) && statement.importClause) {
    const clause = statement.importClause;
    if (clause.name) add(clause.name.text, clause);
    if (clause.namedBindings && ts.isNamespaceImport(clause.namedBindings)) add(clause.namedBindings.name.text, clause.namedBindings);
    else if (clause.namedBindings) for (const element of clause.namedBindings.elements) add(element.name.text, element);
  }
}

function hoistVars(statements: readonly ts.Statement[], addBinding: (name: ts.BindingName, decl: ts.VariableDeclaration) => void): void {
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    if (ts.isVariableDeclarationList(node) && !(node.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const))) for (const decl of node.declarations) addBinding(decl.name, decl);
    ts.forEachChild(node, visit);
  };
  for (const statement of statements) {
    if (ts.isBlock(statement) || ts.isIfStatement(statement) || ts.isTryStatement(statement) || ts.isIterationStatement(statement, false)
      || ts.isSwitchStatement(statement) || ts.isLabeledStatement(statement)) ts.forEachChild(statement, visit);
  }
}

/**
 * Whether `expr` names the runtime global `name`: `fetch`/`Response` with no local or imported declaration of that name,
 * or `globalThis.fetch` / `self.fetch` (not `env.API.fetch`).
 */
export function isGlobalReference(expr: ts.Expression, name: string): boolean {
  let node = expr;
  while (ts.isParenthesizedExpression(node) || ts.isNonNullExpression(node) || ts.isAsExpression(node)) node = node.expression;
  if (ts.isIdentifier(node)) return node.text === name && !resolveName(node);
  return ts.isPropertyAccessExpression(node) && node.name.text === name && ts.isIdentifier(node.expression)
    && (node.expression.text === 'globalThis' || node.expression.text === 'self') && !resolveName(node.expression);
}
