// Evidence that request code changes stored data: a KV put/delete, a D1 `prepare(…).run()`/`batch()`/`exec()`, an R2 or
// other binding's put/delete, or a mutating route (POST/PUT/PATCH/DELETE router method or Pages `onRequestPost`…).
import { accessPath, calleeName, calleeObject, enclosingFunction, ts, unwrap, type WorkerModel } from '../../parse/worker';
import type { FileFacts } from '../../project/facts';
import { functionName } from '../../js/functions';
import { kvCalls } from '../kv/kv';
import { routeHandlers } from './routes';

const MUTATING_ROUTE = new Set(['post', 'put', 'patch', 'delete']);
const PAGES_MUTATING = /^onRequest(Post|Put|Patch|Delete)$/;

/** What the code around `node` shows about writing data, phrased for a message (`env.KV.put()`, `a POST route`). */
export function dataWriteAround(model: WorkerModel, facts: FileFacts, node: ts.Node): string | undefined {
  const functions: ts.FunctionLikeDeclaration[] = [];
  for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn)) functions.push(fn);
  if (functions.length === 0) return undefined;
  const inside = (call: ts.Node, fn: ts.Node) => call.pos >= fn.pos && call.end <= fn.end;
  const innermost = functions[0]!;
  const kv = kvCalls(model, facts).find((c) => (c.method === 'put' || c.method === 'delete') && inside(c.call, innermost));
  if (kv) return `${kv.receiver.getText(model.sf).replace(/\s+/g, '')}.${kv.method}()`;
  for (const call of model.calls) {
    if (!inside(call, innermost)) continue;
    const d1 = d1Write(call);
    if (d1) return d1;
    const name = calleeName(call);
    const path = (name === 'put' || name === 'delete') && calleeObject(call) ? accessPath(calleeObject(call)!) : undefined;
    if (path && path.length >= 2 && facts.otherBindings.has(path[path.length - 1]!)) {
      return `${path.join('.')}.${name}()`;
    }
  }
  const routes = routeHandlers(model);
  for (const fn of functions) {
    const route = routes.find((r) => r.fn === fn && MUTATING_ROUTE.has(r.method));
    if (route) return `the ${route.method.toUpperCase()} route ${route.via}`;
    const name = functionName(fn);
    if (facts.isPagesFunction && name && PAGES_MUTATING.test(name)) return `the Pages Function ${name}`;
  }
  return undefined;
}

/** `db.prepare(sql).bind(…).run()`, `env.DB.batch([...])`, `env.DB.exec(sql)` with a mutating statement. */
function d1Write(call: ts.CallExpression): string | undefined {
  const name = calleeName(call);
  if (name !== 'run' && name !== 'batch' && name !== 'exec') return undefined;
  let sql: ts.Expression | undefined;
  for (let object = calleeObject(call); object && ts.isCallExpression(unwrap(object)); object = calleeObject(unwrap(object) as ts.CallExpression)) {
    const inner = unwrap(object) as ts.CallExpression;
    if (calleeName(inner) === 'prepare') sql = inner.arguments[0];
  }
  if (name === 'exec') sql = call.arguments[0];
  if (name === 'batch') return 'a D1 batch()';
  const text = sql && (ts.isStringLiteralLike(sql) ? sql.text : ts.isTemplateExpression(sql) ? sql.head.text : undefined);
  return text && /^\s*(insert|update|delete|replace|upsert)\b/i.test(text) ? `a D1 ${text.trim().split(/\s+/)[0]!.toUpperCase()}` : undefined;
}
