// cache-put-floating: a cache.put/cache.delete or KV put/delete promise that is neither awaited, returned nor given to
// waitUntil, so the runtime may cancel it when the response is sent (domain.md §E 19).
import { cacheCalls } from '../../engine/domain/cache-api/cache-api';
import { kvCalls } from '../../engine/domain/kv/kv';
import { waitUntilAt } from '../../engine/domain/runtime/wait-until';
import { awaitedOrReturned, floatingPromise, type Floating } from '../../engine/js/floating-promise';
import { localFunction } from '../../engine/js/functions';
import { defineRule } from '../../engine/define-rule';
import type { Fix } from '../../engine/types';
import { calleeName, calleeObject, enclosingFunction, propertyName, ts, unwrap, type WorkerModel } from '../../engine/parse/worker';
import { mayUseKv } from '../../engine/domain/kv/kv-text-evidence';

export default defineRule({
  id: 'cache-put-floating',
  description: 'cache.put()/cache.delete() and KV writes must be awaited, returned or passed to waitUntil().',
  defaultSeverity: 'warn',
  fixable: false,
  hasSuggestions: true,
  kinds: ['worker'],
  defaultOptions: {},
  messages: {
    floating: '{{call}} is {{how}}: it may be cancelled when the response ends, losing the write.',
    floatingHelper: '{{helper}}() awaits {{call}} but is {{how}}: the write may be cancelled when the response ends.',
  },
  // Cache API calls need `caches` in the text; KV calls a trace of KV (kv-text-evidence.ts).
  mayApply: (text, facts) => (text.includes('.put') || text.includes('.delete')) && /\.(put|delete)\s*\(/.test(text) && (text.includes('caches') || mayUseKv(text, facts)),
  check(context) {
    const model = context.worker();
    const { sf } = model;
    const writes = [
      ...cacheCalls(model).filter((c) => c.method !== 'match').map((c) => ({ call: c.call, receiver: c.cache })),
      ...kvCalls(model, context.facts).filter((c) => c.method === 'put' || c.method === 'delete').map((c) => ({ call: c.call, receiver: c.receiver })),
    ].sort((a, b) => a.call.pos - b.call.pos);
    const seen = new Set<ts.Node>();
    for (const { call, receiver } of writes) {
      const floating = floatingPromise(call);
      if (!floating || seen.has(floating.carrier) || !enclosingFunction(call) || insideDurableObject(call)) continue;
      seen.add(floating.carrier);
      const label = `${shortText(receiver, sf)}.${calleeName(call)}()`;
      context.report({
        start: call.getStart(sf), end: call.end, messageId: 'floating',
        data: { call: label, how: HOW[floating.how] },
        suggestions: suggestionsFor(model, floating, context.facts.isPagesFunction),
      });
    }
    // Same-file helpers that wait for a write (`async function logVisit(env) { await env.KV.put(…) }`) called as `logVisit(env);`.
    const helpers = new Map<ts.Node, string>();
    for (const { call, receiver } of writes) {
      const fn = enclosingFunction(call);
      if (fn && !helpers.has(fn) && awaitedOrReturned(call)) helpers.set(fn, `${shortText(receiver, sf)}.${calleeName(call)}()`);
    }
    if (helpers.size === 0) return;
    for (const call of model.calls) {
      const callee = unwrap(call.expression);
      const fn = ts.isIdentifier(callee) ? localFunction(callee) : undefined;
      const write = fn && helpers.get(fn);
      const floating = write ? floatingPromise(call) : undefined;
      if (!floating || seen.has(floating.carrier) || !enclosingFunction(call) || insideDurableObject(call)) continue;
      seen.add(floating.carrier);
      context.report({
        start: call.getStart(sf), end: call.end, messageId: 'floatingHelper',
        data: { helper: (callee as ts.Identifier).text, call: write!, how: HOW[floating.how] },
        suggestions: suggestionsFor(model, floating, context.facts.isPagesFunction),
      });
    }
  },
});

const HOW: Record<Floating['how'], string> = {
  statement: 'not awaited, returned or passed to waitUntil()',
  void: 'discarded with void',
  callback: 'started in a forEach() callback that nobody waits for',
  unused: 'stored in a variable that is never used',
};

/** Wrap in the `waitUntil` in scope, or `await` inside an async function. */
function suggestionsFor(model: WorkerModel, floating: Floating, isPagesFunction: boolean): Fix[] {
  const { sf } = model;
  const { carrier, how } = floating;
  if (how !== 'statement' && how !== 'void') return [];
  const replaced = how === 'void' ? carrier.parent : carrier;
  const text = carrier.getText(sf);
  const fixes: Fix[] = [];
  const waitUntil = waitUntilAt(model, carrier, isPagesFunction);
  if (waitUntil) {
    fixes.push({ title: `Pass it to ${waitUntil}()`, edits: [{ start: replaced.getStart(sf), end: replaced.end, text: `${waitUntil}(${text})` }] });
  }
  const fn = enclosingFunction(carrier);
  const isAsync = fn?.modifiers?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword);
  if (isAsync && how === 'statement') {
    fixes.push({ title: 'Await it', edits: [{ start: carrier.getStart(sf), end: carrier.getStart(sf), text: 'await ' }] });
  }
  return fixes;
}

/** Durable Objects stay alive while work is pending, so an unawaited write there is not cut off by the response. */
function insideDurableObject(node: ts.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (!ts.isClassLike(current)) continue;
    if (current.heritageClauses?.some((h) => /\bDurableObject\b/.test(h.getText()))) return true;
    if (current.members.some((m) => ['alarm', 'webSocketMessage', 'webSocketClose'].includes(propertyName(m.name) ?? ''))) return true;
    const ctor = current.members.find(ts.isConstructorDeclaration);
    if (ctor?.parameters[0]?.type && /\bDurableObjectState\b/.test(ctor.parameters[0].type.getText())) return true;
  }
  return false;
}

/** `caches.default`, `env.CACHE`, or `cache` for long receivers. */
function shortText(receiver: ts.Expression, sf: ts.SourceFile): string {
  const text = receiver.getText(sf).replace(/\s+/g, '');
  if (text.length <= 32) return text;
  const call = ts.isCallExpression(receiver) ? receiver : undefined;
  return call && calleeName(call) === 'open' && calleeObject(call) ? 'caches.open(…)' : 'cache';
}
