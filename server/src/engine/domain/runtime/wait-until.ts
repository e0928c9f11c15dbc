// Which `waitUntil` reaches a node: `ctx.waitUntil` of a module handler, `event.waitUntil` of a service-worker listener,
// `context.waitUntil` of a Pages Function, `c.executionCtx.waitUntil` of a Hono route, or one the code already calls.
import { accessPath, calleeName, calleeObject, enclosingFunction, ts, unwrap, type WorkerModel } from '../../parse/worker';
import { handlers } from './handlers';
import { routeHandlers } from './routes';

/** The callee text to wrap a promise in (`ctx.waitUntil`), or undefined when no `waitUntil` is certainly in scope. */
export function waitUntilAt(model: WorkerModel, node: ts.Node, isPagesFunction: boolean): string | undefined {
  const entries = handlers(model, isPagesFunction);
  const routes = routeHandlers(model);
  const honoFile = model.imports.some((i) => ts.isStringLiteral(i.moduleSpecifier) && /^hono(\/|$)/.test(i.moduleSpecifier.text));
  for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn)) {
    const params = fn.parameters;
    const entry = entries.find((h) => h.fn === fn);
    if (entry) {
      if (entry.via.startsWith('addEventListener') || entry.via.startsWith('Pages Function')) return fromParameter(params[0], 'waitUntil');
      return fromParameter(params[2], 'waitUntil');
    }
    if (routes.some((r) => r.fn === fn)) {
      if (params.length >= 3) return fromParameter(params[2], 'waitUntil');
      if (honoFile && params.length >= 1) return fromParameter(params[0], 'executionCtx.waitUntil');
    }
    const used = existingWaitUntil(model, fn);
    if (used) return used;
  }
  return undefined;
}

/** `name.member` for a plain parameter, or `waitUntil` for a destructured `{ waitUntil }` parameter. */
function fromParameter(param: ts.ParameterDeclaration | undefined, member: string): string | undefined {
  if (!param) return undefined;
  if (ts.isIdentifier(param.name)) return `${param.name.text}.${member}`;
  if (member === 'waitUntil' && ts.isObjectBindingPattern(param.name)) {
    const element = param.name.elements.find((e) => !e.propertyName && ts.isIdentifier(e.name) && e.name.text === 'waitUntil');
    if (element) return 'waitUntil';
  }
  return undefined;
}

/** A `x.waitUntil(…)` call in `fn` whose receiver is one of `fn`'s parameters (so it is in scope everywhere in `fn`). */
function existingWaitUntil(model: WorkerModel, fn: ts.FunctionLikeDeclaration): string | undefined {
  const names = new Set(fn.parameters.flatMap((p) => (ts.isIdentifier(p.name) ? [p.name.text] : [])));
  if (names.size === 0) return undefined;
  for (const call of model.calls) {
    if (call.pos < fn.pos || call.end > fn.end || calleeName(call) !== 'waitUntil') continue;
    const receiver = calleeObject(call);
    const path = receiver && accessPath(unwrap(receiver));
    if (path && names.has(path[0]!)) {
      return `${path.join('.')}.waitUntil`;
    }
  }
  return undefined;
}
