// kv-hot-key-write: KV writes that hit one key again and again (loops, counters, rate limiters, every request), which
// breaks on KV's 1 write/second/key limit and loses concurrent updates (domain.md A3, A1).
import { runsUnconditionally } from '../../engine/js/control-flow';
import { cronScopeOf, cronScopes } from '../../engine/domain/runtime/cron-scopes';
import { calledFunctions, handlers } from '../../engine/domain/runtime/handlers';
import { keyIdentity } from '../../engine/domain/kv/key-identity';
import { helperReadModifyWrites } from '../../engine/domain/kv/helper-read-modify-write';
import { kvCalls } from '../../engine/domain/kv/kv';
import { functionName } from '../../engine/domain/kv/kv-writes';
import { readModifyWrite } from '../../engine/domain/kv/read-modify-write';
import { describeRepetition, leavesLoopAfter, variesPerIteration } from '../../engine/js/repetition';
import { routeHandlers } from '../../engine/domain/runtime/routes';
import { defineRule, type MessageIdOf } from '../../engine/define-rule';
import { calleeName, lineOf, repetitionOf, ts, unwrap, type WorkerModel } from '../../engine/parse/worker';
import { accessesKv, mayUseImportedHelpers } from '../../engine/project/imports';
import { mayUseKv } from '../../engine/domain/kv/kv-text-evidence';
import { callsPut } from '../../engine/filters/text-tests';

export default defineRule({
  id: 'kv-hot-key-write',
  description: 'KV writes to one key in loops, read-modify-write counters, rate limiters or on every request exceed KV\'s 1 write/s per key.',
  defaultSeverity: 'warn',
  messageSeverities: { cronEveryMinute: 'info' },
  fixable: false,
  hasSuggestions: false,
  kinds: ['worker'],
  defaultOptions: {},
  messages: {
    loop: '{{binding}}.put({{key}}) writes the same key on every pass of this {{loop}}: only the last write survives.',
    promiseAll: '{{binding}}.put({{key}}) is written {{count}} times in one Promise.all(): only the last write survives.',
    counter: '{{binding}}.put({{key}}) writes back the value read on line {{line}}, changed: a shared counter loses updates.',
    append: '{{binding}}.put({{key}}) appends to the list read on line {{line}}: concurrent requests lose items.',
    keyedCounter: '{{binding}}.put({{key}}) writes back the value read on line {{line}}, changed: concurrent updates get lost.',
    rateLimiter: '{{binding}}.put({{key}}) after the read on line {{line}} is a rate limiter in KV: it loses counts.',
    cronEveryMinute: '{{binding}}.put({{key}}) runs on every run of cron "{{cron}}": about {{perDay}} writes a day to one key.',
    everyRequest: '{{binding}}.put({{key}}) runs on every request to {{where}}: all traffic writes one key (KV allows 1 write/s).',
    helpers: '{{write}}() writes back {{binding}} key {{key}} read by {{read}}() (line {{line}}): updates get lost.',
  },
  // Files that only call KV helpers (same file or imported) have no `.put(` of their own.
  mayApply: (text, facts) => callsPut(text) ? mayUseKv(text, facts) : mayUseImportedHelpers(text, facts, accessesKv),
  check(context) {
    const model = context.worker();
    for (const rmw of helperReadModifyWrites(model, context.facts)) {
      context.report({
        start: rmw.write.getStart(model.sf), end: rmw.write.end, messageId: 'helpers',
        data: { write: rmw.writeName, read: rmw.readName, binding: rmw.binding, key: rmw.key, line: lineOf(rmw.read, model.sf) },
      });
    }
    const calls = kvCalls(model, context.facts);
    const puts = calls.filter((c) => c.method === 'put');
    if (puts.length === 0) return;
    const crons = cronScopes(model, context.facts);
    let requestPaths: ReturnType<typeof requestPathFunctions> | undefined; // only the every-request check needs them
    const paths = () => (requestPaths ??= requestPathFunctions(model, context.facts.isPagesFunction));
    for (const put of puts) {
      const id = keyIdentity(model, put.key);
      if (!id) continue;
      const report = (messageId: MessageIdOf<typeof context>, data: Record<string, string | number> = {}) => context.report({
        start: put.call.getStart(model.sf), end: put.call.end, messageId, data: { binding: put.binding, key: id.display, ...data },
      });
      let rep = repetitionOf(put.call);
      if (rep?.kind === 'promise-all') {
        const all = rep.node;
        const count = puts.filter((p) => repetitionOf(p.call)?.node === all && p.binding === put.binding
          && keyIdentity(model, p.key)?.signature === id.signature).length;
        if (count > 1) {
          report('promiseAll', { count });
          continue;
        }
        rep = undefined; // one write of this key among others: it runs once
      }
      if (rep && !variesPerIteration(model, put.key!, rep) && !leavesLoopAfter(put.call, rep) && !isRetry(rep.node)) {
        report('loop', { loop: describeRepetition(rep, model.sf) });
        continue;
      }
      const cron = cronScopeOf(crons, put.call);
      if (cron) {
        // A cron runs once per trigger, not per request; but every 1–2 minutes one constant key gets 720–1,440 writes a day (domain.md §G).
        const busiest = busiestCron(context.facts.crons);
        if (busiest && id.constant && runsUnconditionally(put.call, cron.fn)) {
          context.report({
            start: put.call.getStart(model.sf), end: put.call.end, messageId: 'cronEveryMinute',
            data: { binding: put.binding, key: id.display, cron: busiest.cron, perDay: busiest.perDay.toLocaleString('en-US') },
          });
        }
        continue;
      }
      const rmw = readModifyWrite(model, put, calls);
      if (rmw && (id.constant || rmw.change === 'numeric')) {
        const line = lineOf(rmw.read.call, model.sf);
        const messageId = rmw.change === 'append' ? 'append' : id.constant ? 'counter' : rmw.rateLimit ? 'rateLimiter' : 'keyedCounter';
        report(messageId, { read: rmw.read.method, line });
        continue;
      }
      if (!id.constant || rep) continue;
      const path = paths().find((p) => isDirectlyIn(put.call, p.fn) && runsUnconditionally(put.call, p.fn));
      if (path) report('everyRequest', { where: path.where });
    }
  },
});

/** Functions every request (to a route) runs: fetch handlers, GET/all/use route handlers, and helpers they always call. */
function requestPathFunctions(model: WorkerModel, isPages: boolean): { fn: ts.FunctionLikeDeclaration; where: string }[] {
  const roots: { fn: ts.FunctionLikeDeclaration; where: string }[] = [];
  for (const h of handlers(model, isPages)) {
    // Pages onRequestPost/Put/Patch/Delete are mutations: writing there is expected, not per page view.
    if (h.kind === 'fetch' && !/onRequest(Post|Put|Patch|Delete)\b/.test(h.via)) roots.push({ fn: h.fn, where: h.via });
  }
  for (const r of routeHandlers(model)) {
    if (r.method === 'get' || r.method === 'all' || r.method === 'use') roots.push({ fn: r.fn, where: r.via });
  }
  const result = [...roots];
  for (const root of roots) {
    for (const helper of calledFunctions(model, root.fn, 1)) {
      const name = functionName(helper);
      const always = model.calls.some((c) => ts.isIdentifier(unwrap(c.expression)) && calleeName(c) === name
        && isDirectlyIn(c, root.fn) && runsUnconditionally(c, root.fn));
      if (name && always) result.push({ fn: helper, where: `${root.where} (via ${name}())` });
    }
  }
  return result;
}

/** True when `node` is inside `fn` (possibly in immediately-invoked inner functions, which runsUnconditionally allows). */
function isDirectlyIn(node: ts.Node, fn: ts.FunctionLikeDeclaration): boolean {
  return node.pos >= fn.pos && node.end <= fn.end;
}

// The most frequent cron that fires every 1 or 2 minutes all day ("* * * * *", "*/1 * * * *", "*/2 * * * *"), with its runs per day.
export function busiestCron(crons: readonly string[]): { cron: string; perDay: number } | undefined {
  let best: { cron: string; perDay: number } | undefined;
  for (const cron of crons) {
    const fields = cron.trim().split(/\s+/);
    if (fields.length < 5 || !fields.slice(1, 5).every((f) => f === '*' || f === '?')) continue;
    const step = fields[0] === '*' ? 1 : /^(?:\*|0-59)\/([12])$/.exec(fields[0]!)?.[1];
    if (!step) continue;
    const perDay = 1440 / Number(step);
    if (!best || perDay > best.perDay) best = { cron, perDay };
  }
  return best;
}

/** `for (let attempt = 0; attempt < 3; attempt++)` style retry loops write once per success, not repeatedly. */
function isRetry(loop: ts.Node): boolean {
  return ts.isForStatement(loop) && !!loop.initializer && /\b(attempt|attempts|retry|retries|tries|try)\b/i.test(loop.initializer.getText());
}
