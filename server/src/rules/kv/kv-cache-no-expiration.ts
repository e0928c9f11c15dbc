// kv-cache-no-expiration: a KV read-through cache (get miss → compute → put) whose put sets no expirationTtl/expiration,
// so entries never expire: they never refresh and storage grows with every new key (domain.md §F 38, A3).
import { keyIdentity } from '../../engine/domain/kv/key-identity';
import { kvCalls } from '../../engine/domain/kv/kv';
import { missWrites, type MissWrite } from '../../engine/domain/kv/miss-writes';
import { functionName } from '../../engine/domain/kv/kv-writes';
import { defineRule } from '../../engine/define-rule';
import { assignmentsTo } from '../../engine/js/flow';
import { calleeName, enclosingFunction, ts, unwrap, type WorkerModel } from '../../engine/parse/worker';
import { callsGet, callsPut } from '../../engine/filters/text-tests';

export default defineRule({
  id: 'kv-cache-no-expiration',
  description: 'A KV read-through cache whose put() sets no expirationTtl/expiration keeps entries forever: stale, and storage grows.',
  defaultSeverity: 'info',
  // Its one finding on the real-world corpus was a false alarm (a deliberate, cron-refreshed entry): off until shown precise.
  enabledByDefault: false,
  fixable: false,
  hasSuggestions: false,
  kinds: ['worker'],
  defaultOptions: {},
  messages: {
    growing: '{{binding}}.put({{key}}) fills a read-through cache with no expirationTtl: entries never expire and storage grows.',
    stale: '{{binding}}.put({{key}}) fills a read-through cache with no expirationTtl: the entry never expires or refreshes.',
  },
  mayApply: (text) => callsPut(text) && callsGet(text),
  check(context) {
    const model = context.worker();
    const writes = missWrites(model, context.facts);
    if (writes.length === 0) return;
    const calls = kvCalls(model, context.facts);
    for (const write of writes) {
      const { put } = write;
      if (!lacksExpiration(put.options, model) || !looksLikeCache(write, model) || saysNoExpiry(put.call, model)) continue;
      const id = keyIdentity(model, put.key)!;
      // A constant key that the file also deletes or writes elsewhere has an invalidation path: not "forever".
      if (id.constant && calls.some((c) => c !== put && c.binding === put.binding && (c.method === 'delete' || c.method === 'put')
        && keyIdentity(model, c.key)?.signature === id.signature)) continue;
      context.report({
        start: put.call.getStart(model.sf), end: put.call.end, messageId: id.constant ? 'stale' : 'growing',
        data: { binding: put.binding, key: id.display },
      });
    }
  },
});

/** No options, or options known to have neither `expirationTtl` nor `expiration` (unknown objects and spreads: silent). */
function lacksExpiration(options: ts.Expression | undefined, model: WorkerModel): boolean {
  if (!options) return true;
  const object = model.resolver.resolveObject(options);
  if (!object) return false;
  if (object.properties.some((p) => ts.isSpreadAssignment(p) && !model.resolver.resolveObject(p.expression))) return false;
  return !model.resolver.objectEntries(object).some((e) => e.key === 'expirationTtl' || e.key === 'expiration');
}

const CACHE_WORD = /cache|cached/i;

/** A comment on the put's line (or the line above) that speaks of expiry: `// never expires until the manual clear`. */
function saysNoExpiry(call: ts.Node, model: WorkerModel): boolean {
  const text = model.sf.text;
  const line = model.sf.getLineAndCharacterOfPosition(call.getStart(model.sf)).line;
  const starts = model.sf.getLineStarts();
  const from = starts[Math.max(0, line - 1)]!;
  const to = starts[line + 1] ?? text.length;
  return /\/\/[^\n]*\b(expir|forever|permanent|manual)|\/\*[\s\S]*?\b(expir|forever|permanent|manual)/i.test(text.slice(from, to));
}

/** Cache intent: a name says cache (binding, variable, key, function), or the written value comes from a fetch. */
function looksLikeCache(write: MissWrite, model: WorkerModel): boolean {
  const fn = enclosingFunction(write.put.call);
  const names = [write.put.binding, write.holder ?? '', write.put.key?.getText(model.sf) ?? '', (fn && functionName(fn)) ?? ''];
  if (names.some((n) => CACHE_WORD.test(n))) return true;
  return !!write.put.value && fromFetch(write.put.value, model, 0);
}

/** The value is (computed from) a `fetch()` response or its body (`await res.text()`), through a few variables (and their assignments). */
function fromFetch(expr: ts.Node, model: WorkerModel, depth: number): boolean {
  if (depth > 3) return false;
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(node) && calleeName(node) === 'fetch') found = true;
    else if (ts.isIdentifier(node) && !(ts.isPropertyAccessExpression(node.parent) && node.parent.name === node)) {
      const fn = enclosingFunction(node);
      const sources = [model.resolver.initializer(node), ...(fn ? assignmentsTo(fn, node).map((a) => a.right) : [])];
      if (sources.some((s) => s && fromFetch(unwrap(s), model, depth + 1))) found = true;
    }
    ts.forEachChild(node, visit);
  };
  visit(expr);
  return found;
}
