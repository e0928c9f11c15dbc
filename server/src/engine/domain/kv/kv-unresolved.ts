// KV-like calls on a binding nobody declared (`env.STORE.put(k, v)` in a Pages Function whose bindings live in the
// dashboard): the KV rules cannot check them, and the user must be told so instead of getting silence (issue 6).
import { accessPath, ts, type WorkerModel } from '../../parse/worker';
import { UNRESOLVED_BINDING, type Problem } from '../../types';
import type { FileFacts } from '../../project/facts';
import { KV_METHODS, kvCalls } from './kv';

/** The first call in the file on an undeclared `env.X` binding with a KV method name, and the binding's name. */
export function firstUnresolvedKvCall(model: WorkerModel, facts: FileFacts): { call: ts.CallExpression; binding: string; method: string } | undefined {
  // A KV rule usually resolved this file's calls already; otherwise only when the text shows such a call.
  const calls = kvCalls.peek(model, facts) ?? (mayCallUndeclaredBinding(model.sf.text, facts) ? kvCalls(model, facts) : undefined);
  if (!calls) return undefined;
  const resolved = new Set(calls.map((k) => k.call));
  for (const call of model.calls) {
    if (resolved.has(call) || !ts.isPropertyAccessExpression(call.expression)) continue;
    const method = call.expression.name.text;
    if (!KV_METHODS.has(method)) continue;
    const path = accessPath(call.expression.expression);
    if (!path || path.length < 2 || path[path.length - 2] !== 'env') continue;
    const binding = path[path.length - 1]!;
    if (!/^[A-Z][A-Z0-9_]*$/.test(binding) || facts.otherBindings.has(binding) || facts.kvBindings.has(binding)) continue;
    return { call, binding, method };
  }
  return undefined;
}

/** Pre-parse trigger of the note: `env.NAME.get(`/`put(`/… on a binding that no config or Env type declares. */
export function mayCallUndeclaredBinding(text: string, facts: FileFacts): boolean {
  if (!text.includes('env')) return false;
  for (const match of text.matchAll(/env\s*\.\s*([A-Z][A-Z0-9_]*)\s*\.\s*(\w+)\s*[(<]/g)) {
    const [, binding, method] = match;
    if (match.index > 0 && /[\w$]/.test(text[match.index - 1]!)) continue; // `myenv.X` is not `env.X`
    if (KV_METHODS.has(method!) && !facts.otherBindings.has(binding!) && !facts.kvBindings.has(binding!)) return true;
  }
  return false;
}

/** The info note for the first unresolved KV-like call of a file (none when every call resolved or none looks like KV). */
export function unresolvedBindingNote(model: WorkerModel, facts: FileFacts): Problem[] {
  const found = firstUnresolvedKvCall(model, facts);
  if (!found || declaredInFile(model, found.binding)) return [];
  const { call, binding, method } = found;
  return [{
    ruleId: UNRESOLVED_BINDING, severity: 'info', start: call.getStart(model.sf), end: call.end,
    message: `Nothing declares env.${binding} (no wrangler binding or Env type), so KV rules skipped ${binding}.${method}() and its other calls.`,
  }];
}

/** `BUCKET: R2Bucket` in a local Env type says what the binding is, even when it is not KV. */
function declaredInFile(model: WorkerModel, binding: string): boolean {
  return new RegExp(`\\b${binding}\\s*\\??\\s*:\\s*[A-Z]`).test(model.sf.text);
}
