// Finds KV namespace calls (get/getWithMetadata/put/delete/list) using binding names from wrangler config and KVNamespace types.
import { accessPath, calleeName, calleeObject, ts, unwrap, type WorkerModel } from '../parse/worker';
import type { FileFacts } from './facts';

/** A call on a KV namespace binding. */
export interface KvCall {
  call: ts.CallExpression;
  method: 'get' | 'getWithMetadata' | 'put' | 'delete' | 'list';
  /** Binding name as declared in wrangler config (or the KVNamespace-typed name). */
  binding: string;
  receiver: ts.Expression;
  /** First argument (the key) if present. */
  key?: ts.Expression;
  /** `put`'s value argument. */
  value?: ts.Expression;
  /** The options argument: 2nd for get/getWithMetadata, 3rd for put. */
  options?: ts.Expression;
}

const KV_METHODS = new Set(['get', 'getWithMetadata', 'put', 'delete', 'list']);
const cache = new WeakMap<WorkerModel, KvCall[]>();

/** All KV calls in a file (computed once per parsed file). */
export function kvCalls(model: WorkerModel, facts: FileFacts): KvCall[] {
  const cached = cache.get(model);
  if (cached) return cached;
  const names = kvNames(model, facts);
  const aliases = destructuredAliases(model);
  const result: KvCall[] = [];
  if (names.size > 0) {
    for (const call of model.calls) {
      const method = calleeName(call);
      const receiver = calleeObject(call);
      if (!method || !KV_METHODS.has(method) || !receiver) continue;
      const binding = kvBindingOf(receiver, model, names, aliases, 0);
      if (!binding) continue;
      const [key, second, third] = call.arguments;
      result.push({
        call, method: method as KvCall['method'], binding, receiver, key,
        value: method === 'put' ? second : undefined,
        options: method === 'put' ? third : method === 'get' || method === 'getWithMetadata' ? second : undefined,
      });
    }
  }
  cache.set(model, result);
  return result;
}

/** KV binding names: from wrangler config, plus names typed `KVNamespace` in this file. */
function kvNames(model: WorkerModel, facts: FileFacts): Set<string> {
  const names = new Set(facts.kvBindings);
  const visit = (node: ts.Node): void => {
    if ((ts.isPropertySignature(node) || ts.isParameter(node) || ts.isPropertyDeclaration(node) || ts.isVariableDeclaration(node))
      && node.type && /\bKVNamespace\b/.test(node.type.getText(model.sf)) && node.name && ts.isIdentifier(node.name)) {
      if (!facts.otherBindings.has(node.name.text)) names.add(node.name.text);
    }
    ts.forEachChild(node, visit);
  };
  if (model.sf.text.includes('KVNamespace')) visit(model.sf);
  return names;
}

/** `const { SESSIONS: sessions } = env` -> sessions => SESSIONS. */
function destructuredAliases(model: WorkerModel): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const node of model.bindingElements) {
    if (ts.isIdentifier(node.name) && ts.isObjectBindingPattern(node.parent)) {
      const property = node.propertyName && ts.isIdentifier(node.propertyName) ? node.propertyName.text : node.name.text;
      aliases.set(node.name.text, property);
    }
  }
  return aliases;
}

function kvBindingOf(expr: ts.Expression, model: WorkerModel, names: Set<string>, aliases: Map<string, string>, depth: number): string | undefined {
  if (depth > 4) return undefined;
  const node = unwrap(expr);
  if (ts.isIdentifier(node)) {
    const init = model.resolver.initializer(node);
    if (init) return kvBindingOf(init, model, names, aliases, depth + 1);
    const original = aliases.get(node.text) ?? node.text;
    return names.has(original) ? original : undefined;
  }
  const path = accessPath(node);
  if (path && path.length >= 2) {
    const last = path[path.length - 1]!;
    return names.has(last) ? last : undefined;
  }
  return undefined;
}
