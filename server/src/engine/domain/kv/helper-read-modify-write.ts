// Read-modify-write split across helpers (domain.md §G): `const n = await readVisits(env.STATS)` then
// `await writeVisits(env.STATS, n + 1)`, with the helpers in this file or imported, on the same binding and constant key.
import { callsNamed, classOf, functionName, type FunctionNode } from '../../js/functions';
import { accessPath, calleeName, calleeObject, enclosingFunction, ts, unwrap, type WorkerModel } from '../../parse/worker';
import type { FileFacts } from '../../project/facts';
import { relativeImports } from '../../project/imports';
import { kvAccessSummaries, type KvAccessSummary, type Operand } from './kv-access-summaries';
import { keyIdentity } from './key-identity';

/** A helper call that writes back, changed, what another helper call read from the same key. */
export interface HelperReadModifyWrite {
  write: ts.CallExpression;
  read: ts.CallExpression;
  readName: string;
  writeName: string;
  binding: string;
  /** For messages: `'stats:visits'`. */
  key: string;
}

interface HelperCall {
  call: ts.CallExpression;
  name: string;
  access: KvAccessSummary;
}

/** Every helper-split read-modify-write in the file. */
export function helperReadModifyWrites(model: WorkerModel, facts: FileFacts): HelperReadModifyWrite[] {
  const calls = helperCalls(model, facts);
  const result: HelperReadModifyWrite[] = [];
  for (const read of calls) {
    if (read.access.reads.length === 0) continue;
    const holder = assignedName(read.call);
    const scope = enclosingFunction(read.call);
    if (!holder || !scope) continue;
    for (const write of calls) {
      if (write.access.writes.length === 0 || write.call.getStart(model.sf) <= read.call.end || enclosingFunction(write.call) !== scope) continue;
      for (const r of read.access.reads) {
        const readTarget = target(r.binding, r.key, read.call, model);
        if (!readTarget) continue;
        for (const w of write.access.writes) {
          const writeTarget = target(w.binding, w.key, write.call, model);
          const value = write.call.arguments[w.valueParam];
          if (!writeTarget || writeTarget.binding !== readTarget.binding || writeTarget.key !== readTarget.key || !value) continue;
          if (!changedFrom(value, holder, scope, read.call.end, write.call.getStart(model.sf))) continue;
          result.push({ write: write.call, read: read.call, readName: read.name, writeName: write.name, binding: readTarget.binding, key: readTarget.display });
        }
      }
    }
  }
  return result;
}

/** Calls in this file to helpers with a KV access summary: same-file functions, `this.m()` in the class, imports. */
function helperCalls(model: WorkerModel, facts: FileFacts): HelperCall[] {
  const local = new Map<string, KvAccessSummary>();
  for (const [fn, access] of kvAccessSummaries(model, facts)) {
    const name = functionName(fn as FunctionNode);
    if (name) local.set(classOf(fn) ? `this.${name}` : name, access);
  }
  const imports = relativeImports(model);
  const calls: HelperCall[] = [];
  if (local.size === 0 && imports.named.size === 0 && imports.namespaces.size === 0) return calls;
  // Only calls named like a helper (from the per-file call index), not a scan of every call of the file.
  const names = new Set([...[...local.keys()].map((k) => k.replace(/^this\./, '')), ...imports.named.keys()]);
  const candidates = imports.namespaces.size > 0 ? model.calls : [...names].flatMap((name) => [...callsNamed(model, name)]);
  for (const call of candidates) {
    const callee = unwrap(call.expression);
    const name = calleeName(call);
    const receiver = calleeObject(call);
    if (!name) continue;
    let access: KvAccessSummary | undefined;
    if (ts.isIdentifier(callee)) {
      access = local.get(name);
      const imported = imports.named.get(name);
      if (!access && imported && facts.modules && facts.filePath) access = facts.modules.summaryOf(facts.filePath, imported.spec)?.functions.get(imported.exported)?.access;
    } else if (receiver && unwrap(receiver).kind === ts.SyntaxKind.ThisKeyword) {
      access = local.get(`this.${name}`);
    } else if (receiver && ts.isIdentifier(unwrap(receiver)) && facts.modules && facts.filePath) {
      const spec = imports.namespaces.get((unwrap(receiver) as ts.Identifier).text);
      if (spec) access = facts.modules.summaryOf(facts.filePath, spec)?.functions.get(name)?.access;
    }
    if (access) calls.push({ call, name, access });
  }
  return calls;
}

/** The binding name and key a helper's operands stand for at one call (`readVisits(env.STATS)` → STATS). */
function target(binding: Operand, key: Operand, call: ts.CallExpression, model: WorkerModel): { binding: string; key: string; display: string } | undefined {
  const bindingName = 'constant' in binding ? binding.constant : lastName(call.arguments[binding.param]);
  if (!bindingName) return undefined;
  if ('constant' in key) return { binding: bindingName, key: key.constant, display: display(key.constant) };
  const id = keyIdentity(model, call.arguments[key.param]);
  return id?.constant ? { binding: bindingName, key: id.signature, display: id.display } : undefined;
}

function lastName(expr: ts.Expression | undefined): string | undefined {
  const path = expr && accessPath(expr);
  return path?.[path.length - 1];
}

function display(signature: string): string {
  return signature.startsWith('=') ? `'${JSON.parse(signature.slice(1)) as string}'` : signature;
}

/** `const n = await readX(...)` → `n`. */
function assignedName(call: ts.CallExpression): string | undefined {
  let node: ts.Node = call;
  while (ts.isAwaitExpression(node.parent) || ts.isParenthesizedExpression(node.parent) || ts.isAsExpression(node.parent)
    || (ts.isBinaryExpression(node.parent) && node.parent.left === node)) node = node.parent;
  return ts.isVariableDeclaration(node.parent) && ts.isIdentifier(node.parent.name) ? node.parent.name.text : undefined;
}

/** The written value derives from `name` and changes it: `n + 1`, `[...list, item]`, or `list` after `list.push(…)`. */
function changedFrom(value: ts.Expression, name: string, scope: ts.Node, from: number, to: number): boolean {
  const node = unwrap(value);
  const mentions = (n: ts.Node): boolean => (ts.isIdentifier(n) && n.text === name) || !!ts.forEachChild(n, (c) => mentions(c) || undefined);
  if (!mentions(node)) return false;
  if (!(ts.isIdentifier(node) && node.text === name)) return true;
  let mutated = false;
  const visit = (n: ts.Node): void => {
    if (mutated || n.end < from || n.pos > to) return;
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && /^(push|unshift|splice)$/.test(n.expression.name.text)
      && ts.isIdentifier(n.expression.expression) && n.expression.expression.text === name) mutated = true;
    if ((ts.isPostfixUnaryExpression(n) || ts.isPrefixUnaryExpression(n)) && ts.isIdentifier(n.operand) && n.operand.text === name) mutated = true;
    if (ts.isBinaryExpression(n) && n.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && n.operatorToken.kind <= ts.SyntaxKind.LastAssignment) {
      let left = n.left;
      while (ts.isPropertyAccessExpression(left) || ts.isElementAccessExpression(left)) left = left.expression;
      if (ts.isIdentifier(left) && left.text === name && left !== n.left) mutated = true;
    }
    ts.forEachChild(n, visit);
  };
  visit(scope);
  return mutated;
}
