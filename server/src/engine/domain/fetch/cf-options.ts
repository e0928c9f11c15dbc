// The `cf` options of subrequests: the init of each global `fetch(input, init)` / `new Request(input, init)`, resolved
// through consts, spreads and `cond ? { cf } : {}` branches, with its `cf` object and entries (domain.md A5).
import { callsNamed, localFunction } from '../../js/functions';
import { returnedExpressions } from '../runtime/returned-responses';
import { isGlobalReference } from '../../js/scopes';
import type { ObjectEntry } from '../../parse/constants';
import { accessPath, ts, unwrap, type WorkerModel } from '../../parse/worker';

/** One request init as written or resolved: `fetch(input, init)` or `new Request(input, init)`. */
export interface RequestInit {
  call: ts.CallExpression | ts.NewExpression;
  /** The init argument as written at the call. */
  init: ts.Expression;
  /** The input argument (URL or Request). */
  input?: ts.Expression;
  api: 'fetch()' | 'new Request()' | 'ctx.exports fetch()';
}

/** A request init whose options object is known, with its `cf` object when that is known too. */
export interface CfOptionsSite extends RequestInit {
  options: ts.ObjectLiteralExpression;
  entries: ObjectEntry[];
  /** The `cf` entry of the options, when present. */
  cfEntry?: ObjectEntry;
  cf?: ts.ObjectLiteralExpression;
  cfEntries: ObjectEntry[];
}

/**
 * The init argument of each global `fetch(input, init)` and `new Request(input, init)`, and of `ctx.exports.X.fetch()`
 * (a call to this Worker's own entrypoint through Workers Cache, domain.md A5).
 */
export function requestInits(model: WorkerModel): RequestInit[] {
  const result: RequestInit[] = [];
  for (const call of callsNamed(model, 'fetch')) {
    const init = call.arguments[1];
    if (!init) continue;
    if (isGlobalReference(call.expression, 'fetch')) result.push({ call, init, input: call.arguments[0], api: 'fetch()' });
    else if (isExportsFetch(call)) result.push({ call, init, input: call.arguments[0], api: 'ctx.exports fetch()' });
  }
  for (const made of model.news) {
    const init = made.arguments?.[1];
    if (init && isGlobalReference(made.expression, 'Request')) result.push({ call: made, init, input: made.arguments?.[0], api: 'new Request()' });
  }
  return result;
}

/** `ctx.exports.Name.fetch(…)` / `this.ctx.exports.Name.fetch(…)`. */
function isExportsFetch(call: ts.CallExpression): boolean {
  const path = accessPath(call.expression);
  return !!path && path.length >= 4 && path[path.length - 3] === 'exports' && /^(ctx|context|executionCtx)$/.test(path[path.length - 4]!);
}

/** Every request init whose options object is known (each branch of `cond ? {…} : {…}` counts), memoised per model. */
export function cfOptionsSites(model: WorkerModel): CfOptionsSite[] {
  const cached = memo.get(model);
  if (cached) return cached;
  const sites: CfOptionsSite[] = [];
  for (const request of requestInits(model)) {
    for (const options of optionObjects(model, request.init, 0)) {
      const entries = model.resolver.objectEntries(options);
      const cfEntry = lastEntry(entries, 'cf');
      const cf = cfEntry && !isNullish(cfEntry.value) ? model.resolver.resolveObject(cfEntry.value) : undefined;
      sites.push({ ...request, options, entries, cfEntry, cf, cfEntries: cf ? model.resolver.objectEntries(cf) : [] });
    }
  }
  memo.set(model, sites);
  return sites;
}

const memo = new WeakMap<WorkerModel, CfOptionsSite[]>();

/**
 * The option objects an init may be: itself, each branch of a conditional, or what a same-file helper returns
 * (`fetch(url, getFetchArgs(x))`), also behind a const.
 */
function optionObjects(model: WorkerModel, init: ts.Expression, depth: number): ts.ObjectLiteralExpression[] {
  if (depth > 3) return [];
  const node = model.resolver.follow(init);
  if (ts.isConditionalExpression(node)) return [...optionObjects(model, node.whenTrue, depth + 1), ...optionObjects(model, node.whenFalse, depth + 1)];
  const helper = ts.isCallExpression(node) && ts.isIdentifier(unwrap(node.expression)) ? localFunction(unwrap(node.expression) as ts.Identifier) : undefined;
  if (helper) return returnedExpressions(helper, 0).flatMap((returned) => optionObjects(model, returned, depth + 1));
  const object = model.resolver.resolveObject(node);
  return object ? [object] : [];
}

/** The last entry for `key` (JavaScript's "last key wins"). */
export function lastEntry(entries: readonly ObjectEntry[], key: string): ObjectEntry | undefined {
  for (let i = entries.length - 1; i >= 0; i--) if (entries[i]!.key === key) return entries[i];
  return undefined;
}

/** `undefined` or `null`: an option set to these is not set. */
export function isNullish(value: ts.Expression): boolean {
  const expr = unwrap(value);
  return (ts.isIdentifier(expr) && expr.text === 'undefined') || expr.kind === ts.SyntaxKind.NullKeyword;
}

/** The `cf` entry `key` when it is set to something other than `undefined`/`null`. */
export function cfOption(site: CfOptionsSite, key: string): ObjectEntry | undefined {
  const entry = lastEntry(site.cfEntries, key);
  return entry && !isNullish(entry.value) ? entry : undefined;
}
