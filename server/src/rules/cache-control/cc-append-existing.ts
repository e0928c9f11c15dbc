// cc-append-existing: headers.append('Cache-Control', …) (or Hono c.header(…, { append: true })) on a response copied from
// fetch(), cache.match() or a framework's next(): the origin's own Cache-Control stays and the two are joined at run time.
import { CC_HEADER_NAMES } from '../../engine/parse/cache-control-directives';
import { headerLabel } from '../../engine/domain/cache-control/cc-edits';
import { inheritedHeaders, type Inherited } from '../../engine/domain/cache-control/inherited-headers';
import { flowsTo, sameReference } from '../../engine/js/flow';
import { callsNamed } from '../../engine/js/functions';
import { defineRule } from '../../engine/define-rule';
import { calleeName, calleeObject, enclosingFunction, ts, unwrap, type WorkerModel } from '../../engine/parse/worker';
import type { Fix } from '../../engine/types';
import { mentionsCacheControl } from '../../engine/filters/text-tests';

export default defineRule({
  id: 'cc-append-existing',
  description: 'Appending Cache-Control to a response copied from fetch(), cache.match() or next() joins it with the value the response already has: use set.',
  defaultSeverity: 'warn',
  fixable: false,
  hasSuggestions: true,
  kinds: ['worker'],
  defaultOptions: {},
  messages: {
    append: '{{header}} appended to a {{source}} response that may already have one: duplicates or conflicts at run time.',
  },
  mayApply: (text) => mentionsCacheControl(text) && /\bappend\b/.test(text),
  check(context) {
    const model = context.worker();
    for (const call of model.calls) {
      const append = appendKind(model, call);
      if (!append) continue;
      const header = model.resolver.resolveString(call.arguments[0]!)?.value.toLowerCase();
      if (!header || !CC_HEADER_NAMES.has(header)) continue;
      const inherited = append === 'hono' ? honoInherited(model, call) : inheritedHeaders(model, call);
      // A response straight from fetch()/cache.match() has immutable headers: the append throws (cache-immutable-headers).
      if (!inherited || inherited.direct || resetBefore(model, call, header)) continue;
      context.report({
        start: call.getStart(model.sf), end: call.end, messageId: 'append',
        data: { header: headerLabel(header), source: inherited.from }, suggestions: useSet(model, call, append),
      });
    }
  },
});

/** `x.append(name, v)` or Hono `c.header(name, v, { append: true })`. */
function appendKind(model: WorkerModel, call: ts.CallExpression): 'append' | 'hono' | undefined {
  if (call.arguments.length < 2) return undefined;
  const name = calleeName(call);
  if (name === 'append' && calleeObject(call)) return 'append';
  if (name !== 'header' || !call.arguments[2]) return undefined;
  const options = model.resolver.resolveObject(call.arguments[2]);
  return options && model.resolver.objectValue(options, 'append')?.kind === ts.SyntaxKind.TrueKeyword ? 'hono' : undefined;
}

/** Hono's `c.header(…, { append: true })` after `await next()` appends to the handler's response. */
function honoInherited(model: WorkerModel, call: ts.CallExpression): Inherited | undefined {
  const fn = enclosingFunction(call);
  const awaited = callsNamed(model, 'next').some((c) => !calleeObject(c) && enclosingFunction(c) === fn
    && ts.isAwaitExpression(c.parent) && flowsTo(c, call, model.sf));
  return awaited ? { from: 'next()', direct: false } : undefined;
}

/** An earlier `set`/`delete` of the header on the same receiver that always runs first: the append then joins known values. */
function resetBefore(model: WorkerModel, call: ts.CallExpression, header: string): boolean {
  const receiver = calleeObject(call)!;
  const fn = enclosingFunction(call);
  return ['set', 'delete', 'header'].flatMap((name) => callsNamed(model, name)).some((earlier) => {
    if (earlier.end > call.getStart(model.sf) || enclosingFunction(earlier) !== fn) return false;
    const method = calleeName(earlier);
    const isReset = method === 'set' || method === 'delete' || (method === 'header' && !earlier.arguments[2]);
    const object = calleeObject(earlier);
    if (!isReset || !object || !sameReference(unwrap(object), unwrap(receiver)) || !earlier.arguments[0]) return false;
    return model.resolver.resolveString(earlier.arguments[0])?.value.toLowerCase() === header && flowsTo(earlier, call, model.sf, { always: true });
  });
}

/** Rename `append` to `set`, or drop Hono's `{ append: true }` argument. */
function useSet(model: WorkerModel, call: ts.CallExpression, kind: 'append' | 'hono'): Fix[] {
  const { sf } = model;
  if (kind === 'append') {
    const callee = call.expression;
    if (!ts.isPropertyAccessExpression(callee)) return [];
    return [{ title: 'Use set() instead of append()', edits: [{ start: callee.name.getStart(sf), end: callee.name.end, text: 'set' }] }];
  }
  const options = call.arguments[2]!;
  if (!ts.isObjectLiteralExpression(unwrap(options)) || call.arguments.length !== 3) return [];
  return [{ title: 'Replace the value (drop { append: true })', edits: [{ start: call.arguments[1]!.end, end: options.end, text: '' }] }];
}
