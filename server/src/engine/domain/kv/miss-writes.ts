// KV writes that run only when a read of the same key found nothing: `const v = await KV.get(k); if (v) return …;
// await KV.put(k, …)`, `if (!v) { … put … }`, `if (await KV.get(k)) return conflict; await KV.put(k, …)`. Read-through
// caches and check-then-set (uniqueness claims, locks) both have this shape; rules tell them apart by what they do.
import { alwaysExits } from '../../js/flow';
import { contains, enclosingFunction, ts, unwrap, type WorkerModel } from '../../parse/worker';
import type { FileFacts } from '../../project/facts';
import { keyIdentity } from './key-identity';
import { kvCalls, type KvCall } from './kv';

/** A put on the path where a get of the same key and binding found nothing. */
export interface MissWrite {
  read: KvCall;
  put: KvCall;
  /** The variable that holds the read value (`cached`), when there is one. */
  holder?: string;
  guard: ts.IfStatement;
  /** What runs when the key exists (`return cached`, `return conflict`); undefined when nothing does. */
  presentBranch?: ts.Statement;
}

/** Every miss-path write in the file (one per put). */
export function missWrites(model: WorkerModel, facts: FileFacts): MissWrite[] {
  const calls = kvCalls(model, facts);
  const result: MissWrite[] = [];
  for (const put of calls) {
    if (put.method !== 'put' || !put.key) continue;
    const id = keyIdentity(model, put.key);
    const fn = enclosingFunction(put.call);
    if (!id || !fn) continue;
    for (const read of calls) {
      if ((read.method !== 'get' && read.method !== 'getWithMetadata') || read.binding !== put.binding || read.call.end > put.call.pos) continue;
      if (enclosingFunction(read.call) !== fn || keyIdentity(model, read.key)?.signature !== id.signature) continue;
      const holder = holderOf(read.call);
      const found = missGuard(put.call, fn, (e) => isReadReference(e, read.call, holder));
      if (found) {
        result.push({ read, put, holder, ...found });
        break;
      }
    }
  }
  return result;
}

/** The `if` that makes `node` run only on a miss, walking up from `node` to the function. */
function missGuard(node: ts.Node, fn: ts.Node, isRead: (e: ts.Expression) => boolean): { guard: ts.IfStatement; presentBranch?: ts.Statement } | undefined {
  for (let current: ts.Node = node; current.parent && current !== fn; current = current.parent) {
    const parent = current.parent;
    if (ts.isIfStatement(parent) && current !== parent.expression) {
      const test = polarity(parent.expression, isRead);
      if (test === 'missing' && current === parent.thenStatement) return { guard: parent, presentBranch: parent.elseStatement };
      if (test === 'present' && current === parent.elseStatement) return { guard: parent, presentBranch: parent.thenStatement };
    }
    if ((ts.isBlock(parent) || ts.isSourceFile(parent)) && ts.isStatement(current)) {
      const before = parent.statements.slice(0, parent.statements.indexOf(current));
      for (const statement of before.reverse()) {
        if (ts.isIfStatement(statement) && !statement.elseStatement && polarity(statement.expression, isRead) === 'present'
          && alwaysExits(statement.thenStatement)) return { guard: statement, presentBranch: statement.thenStatement };
      }
    }
  }
  return undefined;
}

/** Whether a condition is true when the read found a value (`v`, `v !== null`) or when it did not (`!v`, `v == null`). */
function polarity(condition: ts.Expression, isRead: (e: ts.Expression) => boolean): 'present' | 'missing' | undefined {
  const e = unwrap(condition);
  if (isRead(e)) return 'present';
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken) {
    const inner = polarity(e.operand, isRead);
    return inner === 'present' ? 'missing' : inner === 'missing' ? 'present' : undefined;
  }
  if (ts.isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    const nullish = (x: ts.Expression) => { const u = unwrap(x); return u.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(u) && u.text === 'undefined'); };
    const side = isRead(e.left) && nullish(e.right) ? true : isRead(e.right) && nullish(e.left);
    if (!side) return undefined;
    if (op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsToken) return 'missing';
    if (op === ts.SyntaxKind.ExclamationEqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsToken) return 'present';
  }
  return undefined;
}

/** The read value itself: the holder variable, or the (awaited) read call. */
function isReadReference(expr: ts.Expression, call: ts.CallExpression, holder: string | undefined): boolean {
  let e = unwrap(expr);
  if (ts.isAwaitExpression(e)) e = unwrap(e.expression);
  return e === call || (!!holder && ts.isIdentifier(e) && e.text === holder);
}

/** `const cached = await KV.get(k)` / `let v = (await KV.get(k, 'json')) as T` → the variable's name. */
export function holderOf(call: ts.CallExpression): string | undefined {
  let node: ts.Node = call;
  while (ts.isAwaitExpression(node.parent) || ts.isParenthesizedExpression(node.parent) || ts.isAsExpression(node.parent)
    || ts.isNonNullExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name) && contains(parent.initializer ?? parent, call)) return parent.name.text;
  if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && parent.right === node && ts.isIdentifier(parent.left)) return parent.left.text;
  return undefined;
}
