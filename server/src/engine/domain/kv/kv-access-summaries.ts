// What a helper does to KV, for callers in this file or in files that import it: "returns what it reads from binding B at
// key K" and "writes parameter V to binding B at key K", with B and K given as constants or as the caller's arguments.
import { paramSource, type FunctionNode } from '../../js/functions';
import { contains, enclosingFunction, ts, unwrap, type WorkerModel } from '../../parse/worker';
import type { FileFacts } from '../../project/facts';
import { memoByModelAnd } from '../../memo';
import { keyIdentity } from './key-identity';
import { kvCalls } from './kv';

/** A binding or key as a helper sees it: a constant (binding name, key text) or one of its parameters. */
export type Operand = { param: number } | { constant: string };

/** One KV access a helper makes. */
export interface KvAccess {
  binding: Operand;
  key: Operand;
  /** 1-based line of the KV call (for messages). */
  line: number;
}

/** The KV reads a function returns and the KV writes of one of its parameters. */
export interface KvAccessSummary {
  reads: KvAccess[];
  /** `valueParam`: the parameter whose value is written. */
  writes: (KvAccess & { valueParam: number })[];
}

/** KV access summaries of the file's functions (memoised by model and facts). */
export const kvAccessSummaries = memoByModelAnd(findSummaries);

function findSummaries(model: WorkerModel, facts: FileFacts): Map<FunctionNode, KvAccessSummary> {
  const result = new Map<FunctionNode, KvAccessSummary>();
  for (const kv of kvCalls(model, facts)) {
    const fn = enclosingFunction(kv.call);
    if (!fn || (kv.method !== 'get' && kv.method !== 'put')) continue;
    const binding = operand(kv.receiver, fn, model, kv.binding);
    const key = kv.key && operand(kv.key, fn, model);
    if (!binding || !key) continue;
    const line = model.sf.getLineAndCharacterOfPosition(kv.call.getStart(model.sf)).line + 1;
    const summary = result.get(fn) ?? { reads: [], writes: [] };
    if (kv.method === 'get' && isReturned(kv.call, fn)) summary.reads.push({ binding, key, line });
    if (kv.method === 'put' && kv.value) {
      const valueParam = parameterIn(kv.value, fn, model);
      if (valueParam !== undefined) summary.writes.push({ binding, key, line, valueParam });
    }
    if (summary.reads.length + summary.writes.length > 0) result.set(fn, summary);
  }
  return result;
}

/** A binding receiver or a key as a parameter of `fn`, else a constant (the binding's name, the key's text). */
function operand(expr: ts.Expression, fn: FunctionNode, model: WorkerModel, constantName?: string): Operand | undefined {
  const source = paramSource(expr, model);
  if (source && source.fn === fn && source.path.length === 0) return { param: source.index };
  if (constantName !== undefined) return { constant: constantName };
  const id = keyIdentity(model, expr);
  return id?.constant ? { constant: id.signature } : undefined;
}

/** True when the value of `call` is returned by `fn` (directly, through `await`/JSON.parse/Number/`??`, or via a const). */
function isReturned(call: ts.CallExpression, fn: FunctionNode): boolean {
  const holders = new Set<string>();
  let returned = false;
  const visit = (node: ts.Node): void => {
    if (returned) return;
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && contains(node.initializer, call)) holders.add(node.name.text);
    if (ts.isReturnStatement(node) && node.expression && (contains(node.expression, call) || mentions(node.expression, holders))) returned = true;
    if (node !== fn && ts.isFunctionLike(node)) return;
    ts.forEachChild(node, visit);
  };
  const body = fn.body;
  if (body && !ts.isBlock(body)) return contains(body, call);
  if (body) visit(body);
  return returned;
}

/** The index of a parameter of `fn` that the value expression reads (`String(n)`, `JSON.stringify(list)`, `n`). */
function parameterIn(value: ts.Expression, fn: FunctionNode, model: WorkerModel): number | undefined {
  let found: number | undefined;
  const visit = (node: ts.Node): void => {
    if (found !== undefined) return;
    if (ts.isIdentifier(node)) {
      const source = paramSource(node, model);
      if (source && source.fn === fn && source.path.length === 0) found = source.index;
    }
    ts.forEachChild(node, visit);
  };
  visit(unwrap(value));
  return found;
}


function mentions(node: ts.Node, names: ReadonlySet<string>): boolean {
  if (names.size === 0) return false;
  if (ts.isIdentifier(node)) return names.has(node.text);
  return !!ts.forEachChild(node, (child) => mentions(child, names) || undefined);
}
