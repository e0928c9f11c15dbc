// Finds KV namespace calls (get/getWithMetadata/put/delete/list) and the binding behind each receiver, from every source
// real code uses: wrangler config, Env/KVNamespace types (here or in another file), class fields, and KV-only call shapes.
import { accessPath, calleeName, calleeObject, ts, unwrap, type WorkerModel } from '../../parse/worker';
import { memoByModelAnd } from '../../memo';
import type { FileFacts } from '../../project/facts';
import { callSitesOf, paramSource } from '../../js/functions';
import { classFieldInitializers, kvShapedCall, kvTypedNamesIn } from './kv-bindings';

/** Where edgelint learnt that a receiver is a KV namespace (shown in messages and notes). */
export type KvBindingSource = 'config' | 'type' | 'call-shape';

/** A call on a KV namespace binding. */
export interface KvCall {
  call: ts.CallExpression;
  method: 'get' | 'getWithMetadata' | 'put' | 'delete' | 'list';
  /** Binding name as declared in wrangler config (or the KVNamespace-typed name, or the receiver's name when inferred). */
  binding: string;
  /** How the binding was resolved. */
  source: KvBindingSource;
  receiver: ts.Expression;
  /** First argument (the key) if present. */
  key?: ts.Expression;
  /** `put`'s value argument. */
  value?: ts.Expression;
  /** The options argument: 2nd for get/getWithMetadata, 3rd for put. */
  options?: ts.Expression;
}

/** Method names of the KV namespace API. */
export const KV_METHODS: ReadonlySet<string> = new Set(['get', 'getWithMetadata', 'put', 'delete', 'list']);
/** All KV calls in a file (memoised by model and facts). */
export const kvCalls = memoByModelAnd(findKvCalls);

/** Method calls whose name is a KV method (candidates before binding resolution). */
function candidateCalls(model: WorkerModel): { call: ts.CallExpression; method: KvCall['method']; receiver: ts.Expression }[] {
  const out: { call: ts.CallExpression; method: KvCall['method']; receiver: ts.Expression }[] = [];
  for (const call of model.calls) {
    // Cheap test first: nearly all calls are not `x.get/put/delete/list(...)`.
    const callee = call.expression;
    if (ts.isPropertyAccessExpression(callee) && !KV_METHODS.has(callee.name.text)) continue;
    const method = calleeName(call);
    const receiver = calleeObject(call);
    if (method && KV_METHODS.has(method) && receiver) out.push({ call, method: method as KvCall['method'], receiver });
  }
  return out;
}

function findKvCalls(model: WorkerModel, facts: FileFacts): KvCall[] {
  const candidates = candidateCalls(model);
  if (candidates.length === 0) return [];
  const resolver = new BindingResolver(model, facts);
  // Call shapes only KV has (`get(k, 'json')`, `put(k, v, { expirationTtl })`…) make their receiver's name a KV binding
  // for every call in the file (domain.md §G: Pages Functions with dashboard bindings have no declaration at all).
  for (const { call, receiver } of candidates) {
    if (!kvShapedCall(call, model)) continue;
    const name = resolver.receiverName(receiver);
    if (name && !resolver.resolve(receiver) && !facts.otherBindings.has(name) && !isExcludedReceiver(receiver) && !resolver.constructed(receiver)) {
      resolver.inferred.add(name);
    }
  }
  const result: KvCall[] = [];
  for (const { call, method, receiver } of candidates) {
    if (isExcludedReceiver(receiver)) continue;
    const found = resolver.resolve(receiver);
    if (!found) continue;
    const [key, second, third] = call.arguments;
    result.push({
      call, method, binding: found.name, source: found.source, receiver, key,
      value: method === 'put' ? second : undefined,
      options: method === 'put' ? third : method === 'get' || method === 'getWithMetadata' ? second : undefined,
    });
  }
  return result;
}

/** Durable Object storage (`state.storage`, `ctx.storage`) and the Cache API share method names with KV but are not KV. */
function isExcludedReceiver(receiver: ts.Expression): boolean {
  const path = accessPath(receiver);
  const last = path?.[path.length - 1];
  return last === 'storage' || last === 'caches' || last === 'default' && path?.[0] === 'caches';
}

/** Resolves a receiver expression to a KV binding name, following consts, destructuring and class fields. */
class BindingResolver {
  readonly inferred = new Set<string>();
  private readonly declared: Set<string>;
  private readonly typed: Set<string>;
  private readonly aliases: Map<string, string>;
  private readonly fields: Map<string, ts.Expression[]>;

  constructor(private readonly model: WorkerModel, facts: FileFacts) {
    this.declared = new Set(facts.kvBindings);
    this.typed = new Set([...kvTypedNamesIn(model), ...facts.kvTypedNames, ...importedKvTypedNames(model, facts)].filter((n) => !facts.otherBindings.has(n)));
    this.aliases = destructuredAliases(model);
    this.fields = classFieldInitializers(model);
  }

  /** The name a receiver would be known by (`env.SESSIONS` → SESSIONS, `this.kv` → kv, `store` → store). */
  receiverName(expr: ts.Expression, depth = 0): string | undefined {
    const node = unwrap(expr);
    const init = ts.isIdentifier(node) && depth < 5 ? this.model.resolver.initializer(node) : undefined;
    if (init && accessPath(init)) return this.receiverName(init, depth + 1);
    const path = accessPath(node);
    if (!path) return undefined;
    const last = path[path.length - 1]!;
    if (path.length === 1) return this.aliases.get(last) ?? last;
    return last === 'this' ? undefined : last;
  }

  /** True when the receiver is an object this file constructs (`new Map()`, a field `= new Map()`): never a binding. */
  constructed(expr: ts.Expression, depth = 0): boolean {
    if (depth > 5) return false;
    const node = unwrap(expr);
    if (ts.isNewExpression(node) || ts.isObjectLiteralExpression(node) || ts.isArrayLiteralExpression(node)) return true;
    if (ts.isIdentifier(node)) {
      const init = this.model.resolver.initializer(node);
      return !!init && this.constructed(init, depth + 1);
    }
    const path = accessPath(node);
    if (path?.[0] === 'this' && path.length === 2) return (this.fields.get(path[1]!) ?? []).some((init) => this.constructed(init, depth + 1));
    return false;
  }

  private readonly resolved = new Map<ts.Node, { name: string; source: KvBindingSource } | null>();

  /** The KV binding behind a receiver (memoised per node for this file and facts; inferred names may add results later). */
  resolve(expr: ts.Expression, depth = 0): { name: string; source: KvBindingSource } | undefined {
    const known = this.resolved.get(expr);
    if (known) return known;
    const found = this.resolveUncached(expr, depth);
    // Only hits are kept: a miss can turn into a hit once a call shape adds an inferred name.
    if (found) this.resolved.set(expr, found);
    return found;
  }

  private resolveUncached(expr: ts.Expression, depth: number): { name: string; source: KvBindingSource } | undefined {
    if (depth > 5) return undefined;
    const node = unwrap(expr);
    if (ts.isIdentifier(node)) {
      const init = this.model.resolver.initializer(node);
      const viaInit = init ? this.resolve(init, depth + 1) : undefined;
      if (viaInit) return viaInit;
      return this.byName(this.aliases.get(node.text) ?? node.text) ?? this.viaCallSites(node, depth);
    }
    const path = accessPath(node);
    if (!path || path.length < 2) return undefined;
    const last = path[path.length - 1]!;
    if (path[0] === 'this' && path.length === 2) {
      for (const init of this.fields.get(last) ?? []) {
        const viaField = this.resolve(init, depth + 1);
        if (viaField) return viaField;
      }
    }
    return this.byName(last);
  }

  /** A parameter (`async function bump(kv, key)`) is the binding its callers in this file pass (`bump(env.KV, k)`). */
  private viaCallSites(id: ts.Identifier, depth: number): { name: string; source: KvBindingSource } | undefined {
    const source = paramSource(id, this.model);
    if (!source || source.path.length > 0) return undefined;
    for (const args of callSitesOf(source.fn, this.model)) {
      const argument = args[source.index];
      const found = argument && this.resolve(argument, depth + 1);
      if (found) return found;
    }
    return undefined;
  }

  private byName(name: string): { name: string; source: KvBindingSource } | undefined {
    if (this.declared.has(name)) return { name, source: 'config' };
    if (this.typed.has(name)) return { name, source: 'type' };
    if (this.inferred.has(name)) return { name, source: 'call-shape' };
    return undefined;
  }
}

/** KVNamespace-typed names of the modules this file imports relatively (`import type { Env } from './types'`). */
function importedKvTypedNames(model: WorkerModel, facts: FileFacts): string[] {
  if (!facts.modules || !facts.filePath) return [];
  const names: string[] = [];
  for (const declaration of model.imports) {
    if (!ts.isStringLiteral(declaration.moduleSpecifier)) continue;
    const summary = facts.modules.summaryOf(facts.filePath, declaration.moduleSpecifier.text);
    if (summary) names.push(...summary.kvTypedNames);
  }
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
