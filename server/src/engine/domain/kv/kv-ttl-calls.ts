// KV TTLs that arrive through a function call: a helper whose parameter becomes `expirationTtl`/`cacheTtl` unclamped,
// called in this file or imported from another one (`storeInCache(key, res, 30)`), so the value is checked where it is written.
import { argumentFor, callSitesOf } from '../../js/functions';
import { relativeImports } from '../../project/imports';
import type { TtlParam } from '../../project/summaries';
import { ttlParamFlows } from '../../project/summaries';
import { calleeName, calleeObject, ts, unwrap, type WorkerModel } from '../../parse/worker';
import type { FileFacts } from '../../project/facts';

/** A TTL argument at a call site and the KV option it becomes. */
export interface TtlThroughCall {
  argument: ts.Expression;
  param: TtlParam;
  /** For messages: `storeInCache() (line 4)` or `storeInCache() in ./cache`. */
  via: string;
}

/** Every call-site argument in this file that becomes a KV TTL option in a helper (same file or imported). */
export function kvTtlThroughCalls(model: WorkerModel, facts: FileFacts): TtlThroughCall[] {
  const result: TtlThroughCall[] = [];
  for (const [fn, params] of ttlParamFlows(model, facts)) {
    for (const args of callSitesOf(fn, model)) {
      for (const param of params) {
        const argument = argumentFor(args, param, model);
        if (argument) result.push({ argument, param, via: `${param.binding}.${param.method}() on line ${param.line}` });
      }
    }
  }
  if (facts.modules && facts.filePath) result.push(...importedCalls(model, facts));
  return result;
}

function importedCalls(model: WorkerModel, facts: FileFacts): TtlThroughCall[] {
  const result: TtlThroughCall[] = [];
  const { named: functions, namespaces } = relativeImports(model);
  if (functions.size === 0 && namespaces.size === 0) return result;
  const summaryOf = (spec: string) => facts.modules!.summaryOf(facts.filePath!, spec);
  const add = (args: readonly ts.Expression[], params: readonly TtlParam[], label: string, spec: string) => {
    for (const param of params) {
      const argument = argumentFor(args, param, model);
      if (argument) result.push({ argument, param, via: `${label}() in ${spec}, which passes it to ${param.binding}.${param.method}()` });
    }
  };
  for (const call of model.calls) {
    const callee = unwrap(call.expression);
    const name = calleeName(call);
    if (ts.isIdentifier(callee) && functions.has(callee.text)) {
      const { spec, exported } = functions.get(callee.text)!;
      const summary = summaryOf(spec)?.functions.get(exported);
      if (summary) add(call.arguments, summary.ttlParams, callee.text, spec);
      continue;
    }
    const receiver = calleeObject(call);
    if (!receiver || !name) continue;
    const target = unwrap(receiver);
    if (ts.isIdentifier(target) && namespaces.has(target.text)) {
      const spec = namespaces.get(target.text)!;
      const summary = summaryOf(spec)?.functions.get(name);
      if (summary) add(call.arguments, summary.ttlParams, `${target.text}.${name}`, spec);
      continue;
    }
    // `const cache = new KvCache(env.KV); cache.set(k, v, 30)` with KvCache imported.
    const made = ts.isIdentifier(target) ? model.resolver.initializer(target) : undefined;
    const construct = made && unwrap(made);
    if (construct && ts.isNewExpression(construct) && ts.isIdentifier(construct.expression) && functions.has(construct.expression.text)) {
      const { spec, exported } = functions.get(construct.expression.text)!;
      const method = summaryOf(spec)?.classes.get(exported)?.get(name);
      if (method) add(call.arguments, method.ttlParams, `${construct.expression.text}.${name}`, spec);
    }
  }
  for (const created of model.news) {
    if (!ts.isIdentifier(created.expression) || !functions.has(created.expression.text)) continue;
    const { spec, exported } = functions.get(created.expression.text)!;
    const ctor = summaryOf(spec)?.classes.get(exported)?.get('constructor');
    if (ctor) add(created.arguments ?? [], ctor.ttlParams, `new ${created.expression.text}`, spec);
  }
  return result;
}

