// Can a non-constant number be below a bound? Parameter defaults, numeric-literal union types, `??`/`||` fallbacks, and
// whether the code clamps or guards the value (Math.max, comparisons, reassignment), so clamped code stays clean.
import { accessPath, calleeName, propertyName, ts, unwrap, type WorkerModel } from '../parse/worker';
import { resolveName } from './scopes';

/** Why a value can be below the bound. */
export interface LowValue {
  /** The smallest value below the bound that the code allows. */
  value: number;
  /** Short explanation for messages, e.g. "parameter ttl defaults to 10". */
  reason: string;
}

type Declaration = ts.ParameterDeclaration | ts.BindingElement | ts.VariableDeclaration;

/**
 * A value below `bound` that an unclamped pass-through expression can take (domain.md §F: `{ expirationTtl: ttl }` with a
 * default or a union type below 60), or undefined when nothing says so or the code clamps/guards it.
 */
export function lowValue(expr: ts.Expression, bound: number, model: WorkerModel, depth = 0): LowValue | undefined {
  if (depth > 4) return undefined;
  const node = unwrap(expr);
  if (ts.isBinaryExpression(node) && (node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || node.operatorToken.kind === ts.SyntaxKind.BarBarToken)) {
    const fallback = model.resolver.resolveNumber(node.right);
    if (fallback !== undefined && fallback < bound && !guarded(node.left, bound, model)) {
      return { value: fallback, reason: `the fallback in ${node.getText(model.sf)}` };
    }
    return fallback === undefined ? undefined : lowValue(node.left, bound, model, depth + 1);
  }
  // A remaining lifetime is reported only when the code itself checks it against a small number (`if (left > 0)`): the
  // author expects it to run down, and that check lets 1..59 through. A fresh `deadline - now` at creation stays quiet.
  const remaining = ts.isIdentifier(node) ? remainingLifetime(model.resolver.constInitializer(node) ?? node) : undefined;
  if (remaining && !guarded(expr, bound, model) && comparedWithSmall(node as ts.Identifier, bound, model)) {
    return { value: 1, reason: `a remaining lifetime, ${shortText(remaining.getText(model.sf))}, near its end` };
  }
  const path = accessPath(node);
  if (path?.length === 2 && path[0] === 'this') return fieldLowValue(node, path[1]!, bound, model);
  if (!path || path[0] === 'this' || guarded(node, bound, model)) return undefined;
  const subject = path.join('.');
  if (path.length === 1) {
    const decl = declarationOf(node as ts.Identifier);
    if (!decl) return undefined;
    const fallback = decl.initializer;
    const kind = isParameterLike(decl) ? 'parameter' : 'variable';
    if (fallback && !ts.isVariableDeclaration(decl)) {
      const value = model.resolver.resolveNumber(fallback);
      if (value !== undefined && value < bound) return { value, reason: `${kind} ${subject} defaults to ${value}` };
    }
    if (ts.isVariableDeclaration(decl) && fallback && ts.isIdentifier(decl.name)) {
      // `let ttl = 10` that is never reassigned (reassignment counts as a guard above).
      const value = model.resolver.resolveNumber(fallback);
      if (value !== undefined && value < bound) return { value, reason: `${subject} starts as ${value} and is never clamped` };
      const inner = lowValue(fallback, bound, model, depth + 1);
      if (inner) return inner;
    }
  }
  const type = declaredType(node, model.sf, 0);
  const literals = type ? literalNumbers(type, model.sf, 0) : undefined;
  const low = literals?.filter((n) => n < bound).sort((a, b) => a - b)[0];
  if (low === undefined) return undefined;
  const spelled = ts.isTypeReferenceNode(type!) ? `${type!.getText(model.sf)} (${literals!.join(' | ')})` : type!.getText(model.sf);
  return { value: low, reason: `its type ${spelled} allows ${low}` };
}

/** `expiresAt - Date.now()` (or `- now`), through `Math.floor(… / 1000)` and parentheses: time left until a deadline. */
function remainingLifetime(node: ts.Expression, depth = 0): ts.Expression | undefined {
  if (depth > 4) return undefined;
  const inner = unwrap(node);
  if (ts.isBinaryExpression(inner)) {
    const op = inner.operatorToken.kind;
    if (op === ts.SyntaxKind.MinusToken && /^(Date\.now\(\)|now\w*|Math\.floor\(Date\.now\(\) \/ 1000\))$/.test(unwrap(inner.right).getText().replace(/\s+/g, ' '))) return inner;
    if (op === ts.SyntaxKind.SlashToken) return remainingLifetime(inner.left, depth + 1);
  }
  if (ts.isCallExpression(inner) && ['floor', 'round', 'trunc', 'ceil'].includes(calleeName(inner) ?? '') && inner.arguments[0]) return remainingLifetime(inner.arguments[0], depth + 1);
  return undefined;
}

/** True when the function declaring `id` compares it with a constant below `bound - 1` (`left > 0`, `left <= 0`). */
function comparedWithSmall(id: ts.Identifier, bound: number, model: WorkerModel): boolean {
  const decl = declarationOf(id);
  if (!decl) return false;
  const scope = scopeOf(decl);
  const small = (e: ts.Expression) => {
    const value = model.resolver.resolveNumber(e);
    return value !== undefined && value < bound - 1;
  };
  const same = (e: ts.Expression) => ts.isIdentifier(unwrap(e)) && (unwrap(e) as ts.Identifier).text === id.text;
  const visit = (n: ts.Node): boolean => {
    if (ts.isBinaryExpression(n) && n.operatorToken.kind >= ts.SyntaxKind.LessThanToken && n.operatorToken.kind <= ts.SyntaxKind.GreaterThanEqualsToken
      && ((same(n.left) && small(n.right)) || (same(n.right) && small(n.left)))) return true;
    return !!ts.forEachChild(n, (c) => visit(c) || undefined);
  };
  return visit(scope);
}

function shortText(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 60 ? `${flat.slice(0, 57)}…` : flat;
}

/** `this.windowSeconds` declared `10 | 60` in its class, with no assignment that clamps it (`Math.max(60, …)`). */
function fieldLowValue(node: ts.Expression, name: string, bound: number, model: WorkerModel): LowValue | undefined {
  let owner: ts.Node | undefined = node.parent;
  while (owner && !ts.isClassLike(owner)) owner = owner.parent;
  if (!owner || !ts.isClassLike(owner)) return undefined;
  const field = owner.members.find((m): m is ts.PropertyDeclaration => ts.isPropertyDeclaration(m) && propertyName(m.name) === name);
  const type = field?.type;
  const literals = type ? literalNumbers(type, model.sf, 0) : undefined;
  const low = literals?.filter((n) => n < bound).sort((a, b) => a - b)[0];
  if (low === undefined) return undefined;
  const clamps = model.thisAssignments.filter((a) => ts.isPropertyAccessExpression(a.left) && a.left.name.text === name)
    .some((a) => /\bMath\.max\s*\(/.test(a.right.getText(model.sf)));
  return clamps ? undefined : { value: low, reason: `the field's type ${type!.getText(model.sf)} allows ${low}` };
}

/**
 * True when the function that declares the value compares it with the bound (or an unknown value), clamps it with
 * `Math.max(bound, …)`, passes it to a clamp/validate helper, or reassigns it. `ttl > 0` is not a guard against 10.
 */
export function guarded(expr: ts.Expression, bound: number, model: WorkerModel): boolean {
  const path = accessPath(expr);
  if (!path) return false;
  const subject = path.join('.');
  const root = rootIdentifier(expr);
  const decl = root ? declarationOf(root) : undefined;
  const scope = decl ? scopeOf(decl) : model.sf;
  const same = (e: ts.Expression): boolean => accessPath(e)?.join('.') === subject;
  const mentions = (n: ts.Node): boolean => (ts.isExpression(n) && same(n)) || !!ts.forEachChild(n, (c) => mentions(c) || undefined);
  // A limit that can be the bound: unknown, or a constant at least bound - 1 (`ttl <= 59`).
  const limit = (e: ts.Expression): boolean => {
    const value = model.resolver.resolveNumber(e);
    return value === undefined || value >= bound - 1;
  };
  const visit = (n: ts.Node): boolean => {
    if (ts.isBinaryExpression(n)) {
      const op = n.operatorToken.kind;
      if (op === ts.SyntaxKind.LessThanToken || op === ts.SyntaxKind.LessThanEqualsToken || op === ts.SyntaxKind.GreaterThanToken
        || op === ts.SyntaxKind.GreaterThanEqualsToken) {
        if ((same(n.left) && limit(n.right)) || (same(n.right) && limit(n.left))) return true;
      }
      if (op >= ts.SyntaxKind.FirstAssignment && op <= ts.SyntaxKind.LastAssignment && same(n.left)) return true;
    }
    if (ts.isCallExpression(n) && n.arguments.some(mentions)) {
      const name = calleeName(n) ?? '';
      if (/clamp|normali[sz]e|sanitize|valid/i.test(name)) return true;
      if (name === 'max' && n.arguments.some((a) => !mentions(a) && limit(a))) return true;
    }
    return !!ts.forEachChild(n, (c) => visit(c) || undefined);
  };
  return visit(scope);
}

/** `a.b.c` → `a`; a bare identifier is its own root. */
export function rootIdentifier(node: ts.Expression): ts.Identifier | undefined {
  let current = unwrap(node);
  while (ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current)) current = unwrap(current.expression);
  return ts.isIdentifier(current) ? current : undefined;
}

/** The parameter, binding element or variable `id` refers to (scope rules in `scopes.ts`); undefined for other declarations. */
export function declarationOf(id: ts.Identifier): Declaration | undefined {
  const decl = resolveName(id);
  return decl && (ts.isParameter(decl) || ts.isBindingElement(decl) || ts.isVariableDeclaration(decl)) ? decl : undefined;
}

function isParameterLike(decl: Declaration): boolean {
  let current: ts.Node = decl;
  while (ts.isBindingElement(current) || ts.isObjectBindingPattern(current) || ts.isArrayBindingPattern(current)) current = current.parent;
  return ts.isParameter(current);
}

function scopeOf(decl: Declaration): ts.Node {
  for (let current: ts.Node | undefined = decl.parent; current; current = current.parent) {
    if (ts.isFunctionLike(current) || ts.isSourceFile(current)) return current;
  }
  return decl.getSourceFile();
}

/** The written type of an identifier or member chain (`opts.ttl` → the `ttl` member of `opts`'s declared type). */
function declaredType(node: ts.Expression, sf: ts.SourceFile, depth: number): ts.TypeNode | undefined {
  if (depth > 6) return undefined;
  if (ts.isIdentifier(node)) {
    const decl = declarationOf(node);
    if (!decl) return undefined;
    if (!ts.isBindingElement(decl)) return decl.type;
    // `{ ttl }: Options` → the `ttl` member of Options.
    const holder = decl.parent.parent;
    const key = decl.propertyName && ts.isIdentifier(decl.propertyName) ? decl.propertyName.text : (decl.name as ts.Identifier).text;
    return (ts.isParameter(holder) || ts.isVariableDeclaration(holder)) && holder.type ? memberType(holder.type, key, sf, depth + 1) : undefined;
  }
  if (ts.isPropertyAccessExpression(node)) {
    const base = declaredType(unwrap(node.expression), sf, depth + 1);
    return base ? memberType(base, node.name.text, sf, depth + 1) : undefined;
  }
  return undefined;
}

function memberType(type: ts.TypeNode, name: string, sf: ts.SourceFile, depth: number): ts.TypeNode | undefined {
  if (depth > 6) return undefined;
  const members = membersOf(type, sf, depth);
  const member = members?.find((m): m is ts.PropertySignature => ts.isPropertySignature(m) && !!m.name && ts.isIdentifier(m.name) && m.name.text === name);
  return member?.type;
}

function membersOf(type: ts.TypeNode, sf: ts.SourceFile, depth: number): readonly ts.TypeElement[] | undefined {
  if (depth > 6) return undefined;
  if (ts.isTypeLiteralNode(type)) return type.members;
  if (ts.isParenthesizedTypeNode(type)) return membersOf(type.type, sf, depth + 1);
  if (ts.isTypeReferenceNode(type)) {
    const declaration = namedType(type.typeName, sf);
    if (declaration && ts.isInterfaceDeclaration(declaration)) return declaration.members;
    if (declaration && ts.isTypeAliasDeclaration(declaration)) return membersOf(declaration.type, sf, depth + 1);
  }
  return undefined;
}

const typesByFile = new WeakMap<ts.SourceFile, Map<string, ts.InterfaceDeclaration | ts.TypeAliasDeclaration>>();

/**
 * The interface or type alias a type name refers to, anywhere in the file (also inside namespaces: `Limiter.Options`
 * → `Options`). By name only, first declaration wins: enough for the literal unions this module reads.
 */
function namedType(name: ts.EntityName, sf: ts.SourceFile): ts.InterfaceDeclaration | ts.TypeAliasDeclaration | undefined {
  let byName = typesByFile.get(sf);
  if (!byName) {
    const found = new Map<string, ts.InterfaceDeclaration | ts.TypeAliasDeclaration>();
    const visit = (node: ts.Node): void => {
      if ((ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) && !found.has(node.name.text)) found.set(node.name.text, node);
      if (ts.isSourceFile(node) || ts.isModuleDeclaration(node) || ts.isModuleBlock(node)) ts.forEachChild(node, visit);
    };
    visit(sf);
    typesByFile.set(sf, byName = found);
  }
  return byName.get(ts.isIdentifier(name) ? name.text : name.right.text);
}

/** The numbers of a union of numeric literal types (`10 | 60 | undefined`), through same-file type aliases; else undefined. */
export function literalNumbers(type: ts.TypeNode, sf: ts.SourceFile, depth: number): number[] | undefined {
  if (depth > 6) return undefined;
  if (ts.isParenthesizedTypeNode(type)) return literalNumbers(type.type, sf, depth + 1);
  if (ts.isLiteralTypeNode(type)) {
    const literal = type.literal;
    if (ts.isNumericLiteral(literal)) return [Number(literal.text.replace(/_/g, ''))];
    if (ts.isPrefixUnaryExpression(literal) && literal.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(literal.operand)) return [-Number(literal.operand.text)];
    if (literal.kind === ts.SyntaxKind.NullKeyword) return [];
    return undefined;
  }
  if (type.kind === ts.SyntaxKind.UndefinedKeyword) return [];
  if (ts.isUnionTypeNode(type)) {
    const all: number[] = [];
    for (const member of type.types) {
      const numbers = literalNumbers(member, sf, depth + 1);
      if (!numbers) return undefined;
      all.push(...numbers);
    }
    return all.length > 0 ? all : undefined;
  }
  if (ts.isTypeReferenceNode(type)) {
    const alias = namedType(type.typeName, sf);
    return alias && ts.isTypeAliasDeclaration(alias) ? literalNumbers(alias.type, sf, depth + 1) : undefined;
  }
  // `Limiter.Options["period"]`: the member's own type.
  if (ts.isIndexedAccessTypeNode(type) && ts.isLiteralTypeNode(type.indexType) && ts.isStringLiteral(type.indexType.literal)) {
    const member = memberType(type.objectType, type.indexType.literal.text, sf, depth + 1);
    return member ? literalNumbers(member, sf, depth + 1) : undefined;
  }
  return undefined;
}
