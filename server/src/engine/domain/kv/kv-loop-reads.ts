// KV reads one key at a time over a list of keys known before the loop (N+1 reads): `for (const k of keys) await
// KV.get(k)`, `keys.map((k) => KV.get(k))`, and `list()` followed by a `get` per listed key (domain.md A1, A3).
import { resolveName } from '../../js/scopes';
import type { Repetition } from '../../js/repetition';
import { resultDiscarded } from '../../js/result-use';
import { calleeName, calleeObject, contains, repetitionOf, ts, unwrap, type WorkerModel } from '../../parse/worker';
import type { FileFacts } from '../../project/facts';
import { kvCalls, type KvCall } from './kv';

/** A KV read repeated per key of a key list. */
export interface KvLoopRead {
  read: KvCall;
  loop: Repetition;
  /** The `list()` call the keys come from, when they do. */
  fromList?: KvCall;
}

const CALLBACKS = new Set(['map', 'forEach', 'flatMap']);

/** The first per-key read of each loop and binding in the file. */
export function kvLoopReads(model: WorkerModel, facts: FileFacts): KvLoopRead[] {
  const calls = kvCalls(model, facts);
  const lists = calls.filter((c) => c.method === 'list');
  const seen = new Set<string>();
  const result: KvLoopRead[] = [];
  for (const read of calls) {
    if ((read.method !== 'get' && read.method !== 'getWithMetadata') || !read.key) continue;
    if (model.resolver.resolveString(read.key) || ts.isArrayLiteralExpression(unwrap(read.key))) continue;
    const loop = repetitionOf(read.call);
    if (!loop) continue;
    const iteration = iterationDeclarations(loop, read.call);
    if (!iteration || !derivesFromIteration(read.key, loop.node, iteration, 0)) continue;
    if (loop.kind === 'loop' && leavesEarly((loop.node as ts.IterationStatement).statement)) continue;
    if (metadataFallback(read.call, loop.node)) continue;
    // A read whose value is thrown away is cache warming (kv-cron-warming, kv-deploy-warming), not a batch to merge.
    if (resultDiscarded(read.call)) continue;
    const dedupe = `${loop.node.pos}:${read.binding}`;
    if (seen.has(dedupe)) continue;
    seen.add(dedupe);
    const iterable = iterableOf(loop);
    const fromList = iterable && lists.find((list) => comesFrom(iterable, list.call, 0));
    result.push({ read, loop, fromList });
  }
  return result;
}

/** The declarations that change per iteration: the loop variable(s), or the callback's parameters. */
function iterationDeclarations(loop: Repetition, inner: ts.Node): ts.Node[] | undefined {
  const node = loop.node;
  if (ts.isForOfStatement(node) || ts.isForInStatement(node) || ts.isForStatement(node)) {
    const init = node.initializer;
    return init && ts.isVariableDeclarationList(init) ? [...init.declarations] : undefined;
  }
  if (loop.kind !== 'callback' || !ts.isCallExpression(node) || !CALLBACKS.has(calleeName(node) ?? '')) return undefined;
  const callback = node.arguments.find((a) => contains(a, inner));
  return callback && (ts.isArrowFunction(callback) || ts.isFunctionExpression(callback)) ? [...callback.parameters] : undefined;
}

/** True when `expr` uses an iteration variable, and every other name local to the loop is a const derived from one. */
function derivesFromIteration(expr: ts.Node, loop: ts.Node, iteration: ts.Node[], depth: number): boolean {
  if (depth > 4) return false;
  let uses = false;
  let ok = true;
  const visit = (node: ts.Node): void => {
    if (!ok) return;
    if (ts.isAwaitExpression(node)) ok = false;
    else if (ts.isIdentifier(node) && !isPropertyName(node)) {
      const decl = resolveName(node);
      if (!decl || decl.pos < loop.pos || decl.end > loop.end) return;
      if (iteration.some((d) => contains(d, decl))) uses = true;
      else if (ts.isVariableDeclaration(decl) && decl.initializer && isConst(decl)
        && derivesFromIteration(decl.initializer, loop, iteration, depth + 1)) uses = true;
      else ok = false;
    } else ts.forEachChild(node, visit);
  };
  visit(expr);
  return ok && uses;
}

/** A `break` or `return` in the loop body (outside nested functions and inner loops' own breaks): a search, not a batch. */
function leavesEarly(body: ts.Node): boolean {
  let found = false;
  const visit = (node: ts.Node, inner: boolean): void => {
    if (found || ts.isFunctionLike(node)) return;
    if (ts.isReturnStatement(node) || (ts.isBreakStatement(node) && (!inner || node.label))) found = true;
    const nested = inner || ts.isIterationStatement(node, false) || ts.isSwitchStatement(node);
    ts.forEachChild(node, (child) => visit(child, nested));
  };
  visit(body, false);
  return found;
}

/** The read runs only when the listed key's metadata lacks the value (`if (key.metadata?.url) … else get`): already the advice. */
function metadataFallback(call: ts.Node, loop: ts.Node): boolean {
  for (let current = call; current.parent && current !== loop; current = current.parent) {
    const parent = current.parent;
    const condition = ts.isIfStatement(parent) ? parent.expression : ts.isConditionalExpression(parent) ? parent.condition : undefined;
    if (condition && current !== condition && /\bmetadata\b/.test(condition.getText())) return true;
  }
  return false;
}

/** What the loop walks over: `for (… of X)`, `for (… in X)`, or `X.map(…)`. */
function iterableOf(loop: Repetition): ts.Expression | undefined {
  const node = loop.node;
  if (ts.isForOfStatement(node) || ts.isForInStatement(node)) return node.expression;
  return ts.isCallExpression(node) ? calleeObject(node) : undefined;
}

/** True when `expr` is, or is computed from a variable holding, the result of `source` (up to a few const hops). */
function comesFrom(expr: ts.Node, source: ts.CallExpression, depth: number): boolean {
  if (depth > 3) return false;
  if (contains(expr, source)) return true;
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(node) && !isPropertyName(node)) {
      const init = initializerOf(resolveName(node));
      if (init && comesFrom(init, source, depth + 1)) found = true;
    } else ts.forEachChild(node, visit);
  };
  visit(expr);
  return found;
}

/** The initializer a variable or destructured name takes its value from (`const { keys } = await KV.list()` → the call). */
function initializerOf(decl: ts.Node | undefined): ts.Expression | undefined {
  let current = decl;
  while (current && (ts.isBindingElement(current) || ts.isObjectBindingPattern(current) || ts.isArrayBindingPattern(current))) current = current.parent;
  return current && ts.isVariableDeclaration(current) ? current.initializer : undefined;
}

function isConst(decl: ts.VariableDeclaration): boolean {
  return ts.isVariableDeclarationList(decl.parent) && (decl.parent.flags & ts.NodeFlags.Const) !== 0;
}

function isPropertyName(id: ts.Identifier): boolean {
  const parent = id.parent;
  return (ts.isPropertyAccessExpression(parent) && parent.name === id) || (ts.isPropertyAssignment(parent) && parent.name === id);
}
