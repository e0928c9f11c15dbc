// Functions and their call sites in one file: which parameter a value comes from, a function's name, and the calls
// (plain, `this.m()`, `obj.m()` on `new C()` or an object literal, `new C()`) that reach it, for cross-function values.
import { declarationOf, rootIdentifier } from './numeric-bounds';
import { resolveName } from './scopes';
import { accessPath, calleeName, calleeObject, propertyName, ts, unwrap, type WorkerModel } from '../parse/worker';

/** A function-like node with a body. */
export type FunctionNode = ts.FunctionLikeDeclaration;

/** Where a value comes from: parameter `index` of `fn`, then the member `path` of it (`opts.ttl` → ['ttl']). */
export interface ParamSource {
  fn: FunctionNode;
  index: number;
  path: string[];
}

/**
 * The parameter an expression reads, directly (`ttl`), through a member (`opts.ttl`), through destructuring
 * (`{ ttl }` in the parameter list or `const { ttl } = opts`), or through a const initialised from one of those.
 */
export function paramSource(expr: ts.Expression, model: WorkerModel, depth = 0): ParamSource | undefined {
  if (depth > 5) return undefined;
  const node = unwrap(expr);
  const path = accessPath(node);
  if (!path || path[0] === 'this') return undefined;
  const root = rootIdentifier(node);
  if (!root) return undefined;
  const decl = declarationOf(root);
  if (!decl) return undefined;
  const members = path.slice(1);
  if (ts.isParameter(decl)) {
    const fn = decl.parent;
    if (!ts.isFunctionLike(fn) || !('body' in fn)) return undefined;
    return { fn: fn as FunctionNode, index: fn.parameters.indexOf(decl), path: members };
  }
  if (ts.isBindingElement(decl)) {
    const key = decl.propertyName ? propertyName(decl.propertyName) : ts.isIdentifier(decl.name) ? decl.name.text : undefined;
    const holder = decl.parent.parent;
    if (!key || !ts.isObjectBindingPattern(decl.parent)) return undefined;
    if (ts.isParameter(holder) && ts.isFunctionLike(holder.parent) && 'body' in holder.parent) {
      return { fn: holder.parent as FunctionNode, index: holder.parent.parameters.indexOf(holder), path: [key, ...members] };
    }
    if (ts.isVariableDeclaration(holder) && holder.initializer) {
      const inner = paramSource(holder.initializer, model, depth + 1);
      return inner ? { ...inner, path: [...inner.path, key, ...members] } : undefined;
    }
    return undefined;
  }
  if (ts.isVariableDeclaration(decl) && decl.initializer && members.length === 0 && isConst(decl)) {
    return paramSource(decl.initializer, model, depth + 1);
  }
  return undefined;
}

function isConst(decl: ts.VariableDeclaration): boolean {
  return ts.isVariableDeclarationList(decl.parent) && (decl.parent.flags & ts.NodeFlags.Const) !== 0;
}


/**
 * The function an identifier names, by scope (`function f() {}` anywhere in an enclosing scope, or `const f = () => …` /
 * `const f = function () {}`); undefined for anything else. The one local-function lookup of the engine.
 */
export function localFunction(id: ts.Identifier): FunctionNode | undefined {
  const decl = resolveName(id);
  if (!decl) return undefined;
  if (ts.isFunctionDeclaration(decl)) return decl.body ? decl : undefined;
  if (ts.isVariableDeclaration(decl) && decl.initializer && ts.isVariableDeclarationList(decl.parent) && decl.parent.flags & ts.NodeFlags.Const) {
    const fn = unwrap(decl.initializer);
    return ts.isArrowFunction(fn) || ts.isFunctionExpression(fn) ? fn : undefined;
  }
  return undefined;
}

/** The name a function is called by: its declared name, the variable/property it is assigned to, or its class for constructors. */
export function functionName(fn: FunctionNode): string | undefined {
  if (ts.isConstructorDeclaration(fn)) return fn.parent.name?.text;
  if (fn.name && !ts.isComputedPropertyName(fn.name)) return propertyName(fn.name);
  const parent = fn.parent;
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (ts.isPropertyAssignment(parent)) return propertyName(parent.name);
  return undefined;
}

/** The class a method or constructor belongs to, if any. */
export function classOf(fn: FunctionNode): ts.ClassLikeDeclaration | undefined {
  return ts.isClassLike(fn.parent) ? fn.parent : undefined;
}

/** Calls in this file that certainly reach `fn` (by name and receiver), with their argument lists. */
export function callSitesOf(fn: FunctionNode, model: WorkerModel): readonly ts.Expression[][] {
  const name = functionName(fn);
  if (!name) return [];
  if (ts.isConstructorDeclaration(fn)) {
    return model.news.filter((n) => ts.isIdentifier(n.expression) && n.expression.text === name).map((n) => [...(n.arguments ?? [])]);
  }
  const owner = classOf(fn);
  const literal = ts.isObjectLiteralExpression(fn.parent) ? fn.parent : ts.isPropertyAssignment(fn.parent) && ts.isObjectLiteralExpression(fn.parent.parent) ? fn.parent.parent : undefined;
  const sites: ts.Expression[][] = [];
  for (const call of callsNamed(model, name)) {
    const receiver = calleeObject(call);
    if (!owner && !literal) {
      if (!receiver && unwrap(call.expression).kind === ts.SyntaxKind.Identifier) sites.push([...call.arguments]);
      continue;
    }
    if (!receiver) continue;
    const target = unwrap(receiver);
    if (owner && target.kind === ts.SyntaxKind.ThisKeyword && isInside(call, owner)) sites.push([...call.arguments]);
    else if (ts.isIdentifier(target)) {
      const init = model.resolver.initializer(target);
      const made = init && unwrap(init);
      if (owner && made && ts.isNewExpression(made) && ts.isIdentifier(made.expression) && made.expression.text === owner.name?.text) sites.push([...call.arguments]);
      else if (literal && made === literal) sites.push([...call.arguments]);
    }
  }
  return sites;
}

const callIndex = new WeakMap<WorkerModel, Map<string, ts.CallExpression[]>>();

/** The file's calls whose callee name is `name` (`f()`, `x.f()`), from an index built once per parsed file. */
export function callsNamed(model: WorkerModel, name: string): readonly ts.CallExpression[] {
  let index = callIndex.get(model);
  if (!index) {
    index = new Map();
    for (const call of model.calls) {
      const callee = calleeName(call);
      if (callee) index.set(callee, [...(index.get(callee) ?? []), call]);
    }
    callIndex.set(model, index);
  }
  return index.get(name) ?? [];
}

function isInside(node: ts.Node, outer: ts.Node): boolean {
  for (let current: ts.Node | undefined = node.parent; current; current = current.parent) if (current === outer) return true;
  return false;
}

/** The argument value for a parameter source at one call site (`f(k, { ttl: 10 })` with path ['ttl'] → `10`). */
export function argumentFor(args: readonly ts.Expression[], source: Pick<ParamSource, 'index' | 'path'>, model: WorkerModel): ts.Expression | undefined {
  let value: ts.Expression | undefined = args[source.index];
  for (const key of source.path) {
    if (!value) return undefined;
    const object = model.resolver.resolveObject(value);
    value = object ? model.resolver.objectValue(object, key) : undefined;
  }
  return value;
}
