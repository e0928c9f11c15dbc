// kv-cron-warming: scheduled() code that tries to warm KV, the Cache API or the CDN from one place; a cron runs in one
// data center, and KV and Cache API caches are per location (domain.md A9, A1, A4).
import { cacheCalls } from '../../engine/domain/cache-api/cache-api';
import { cronScopeOf, cronScopes, type CronScope } from '../../engine/domain/runtime/cron-scopes';
import { kvCalls } from '../../engine/domain/kv/kv';
import { functionName } from '../../engine/domain/kv/kv-writes';
import { describeRepetition, type Repetition } from '../../engine/js/repetition';
import { responseOnlyInspected, resultDiscarded } from '../../engine/js/result-use';
import { commentsAround, warmingIntent, type IntentSource } from '../../engine/domain/deploy/warming-intent';
import { defineRule, type MessageIdOf, type RuleContext } from '../../engine/define-rule';
import { shellRequest } from '../../engine/domain/deploy/shell-requests';
import type { WorkflowModel } from '../../engine/parse/workflow';
import { accessPath, calleeName, calleeObject, enclosingFunction, repetitionOf, ts, unwrap, type WorkerModel } from '../../engine/parse/worker';
import { commandSummary } from '../../engine/redact';

const CF_CACHE_OPTIONS = ['cacheTtl', 'cacheEverything', 'cacheTtlByStatus', 'cacheKey'];

export default defineRule({
  id: 'kv-cron-warming',
  description: 'Cron (scheduled) code that "warms" KV, the Cache API or the CDN only warms the one data center the cron runs in.',
  defaultSeverity: 'warn',
  messageSeverities: { scheduledRequests: 'info', fetchLoop: 'info' },
  fixable: false,
  hasSuggestions: false,
  kinds: ['worker', 'workflow'],
  defaultOptions: {},
  messages: {
    kvGetLoop: '{{call}} in a {{loop}} in {{where}} reads keys and discards them: it warms KV only where the cron runs.',
    cachePut: '{{call}} in {{where}} stores the response only in the data center this cron runs in.',
    kvPutWarm: '{{call}} in a {{loop}} in {{where}} pre-writes KV ({{evidence}}): KV writes fill no location\'s cache.',
    scheduledRequests: '`{{command}}` on {{schedule}} requests URLs {{how}} to warm caches: one location warms.',
    fetchLoop: '{{call}} in a {{loop}} in {{where}} requests URLs to warm caches ({{evidence}}): one location warms.',
  },
  // Source files: a scheduled() handler (handlers.ts, cron-scopes.ts); workflows: an `on: schedule` trigger.
  mayApply: (text, _facts, kind) => kind === 'workflow' ? text.includes('schedule') : /\bscheduled\b/.test(text),
  check(context) {
    if (context.kind === 'workflow') return checkWorkflow(context, context.workflow());
    const model = context.worker();
    const scopes = cronScopes(model, context.facts);
    if (scopes.length === 0) return;
    const { sf } = model;
    const report = (node: ts.Node, messageId: MessageIdOf<typeof context>, data: Record<string, string>) =>
      context.report({ start: node.getStart(sf), end: node.end, messageId, data });

    for (const kv of kvCalls(model, context.facts)) {
      const scope = cronScopeOf(scopes, kv.call);
      const rep = scope && repetitionOf(kv.call);
      if (!scope || !rep) continue;
      const data = { call: `${kv.binding}.${kv.method}()`, loop: describeRepetition(rep, sf), where: scope.where };
      if ((kv.method === 'get' || kv.method === 'getWithMetadata') && resultDiscarded(kv.call)) report(kv.call, 'kvGetLoop', data);
      if (kv.method === 'put') {
        const evidence = warmingIntent(intentSources(model, scope, kv.call, rep, [kv.key, kv.value], kv.binding), isComputed(kv.value));
        if (evidence) report(kv.call, 'kvPutWarm', { ...data, evidence: evidence.seen });
      }
    }

    for (const cache of cacheCalls(model)) {
      const scope = cache.method === 'put' ? cronScopeOf(scopes, cache.call) : undefined;
      if (!scope) continue;
      const receiver = cache.cache.getText(sf).replace(/\s+/g, '');
      report(cache.call, 'cachePut', {
        call: `${receiver.length > 30 ? 'cache' : receiver}.put()`, where: scope.where,
        namespace: cache.namespace === 'default' ? 'caches.default' : 'a caches.open() cache',
      });
    }

    for (const call of model.calls) {
      if (!isGlobalFetch(call)) continue;
      const scope = cronScopeOf(scopes, call);
      const rep = scope && repetitionOf(call);
      if (!scope || !rep || !isPlainGet(model, call) || !responseOnlyInspected(call)) continue;
      const cf = cfCacheOption(model, call);
      const evidence = cf ? `cf.${cf} option` : warmingIntent(intentSources(model, scope, call, rep, [...call.arguments]))?.seen;
      if (!evidence) continue;
      const target = call.arguments[0]?.getText(sf).replace(/\s+/g, ' ') ?? '';
      const data = { call: `fetch(${target.length > 30 ? `${target.slice(0, 29)}…` : target})`, loop: describeRepetition(rep, sf), where: scope.where, evidence };
      report(call, 'fetchLoop', data);
    }
  },
});

/**
 * A scheduled CI workflow (`on: schedule`) that curls/wgets URLs with warming intent in the file, job or step name or the
 * loop header (domain.md §G): info, one report per step, on its first warming request.
 */
function checkWorkflow(context: RuleContext, workflow: WorkflowModel): void {
  if (workflow.schedules.length === 0) return;
  const file = context.path.replace(/\\/g, '/').split('/').pop()!.replace(/\.ya?ml$/, '');
  for (const step of workflow.steps) {
    const labels: IntentSource[] = [{ text: file, kind: 'name', label: 'workflow file' }, { text: step.job, kind: 'name', label: 'job name' }];
    if (step.name) labels.push({ text: step.name, kind: 'name', label: 'step name' });
    for (const c of step.commands) {
      const request = shellRequest(c, step.commands);
      if (!request || request.cloudflareApi || request.keepsBody || request.failsOnError || !/^(GET|HEAD)$/.test(request.method)) continue;
      const loop: IntentSource[] = request.loopHeader ? [{ text: request.loopHeader.text, kind: 'comment' }] : [];
      const evidence = warmingIntent([...labels, ...loop]);
      if (!evidence) continue;
      const lead = /^(?:(?:do|then|else|time)\s+)*/.exec(c.text)![0].length;
      context.report({
        start: c.start + lead, end: c.end, messageId: 'scheduledRequests',
        data: { command: commandSummary(c.text.slice(lead)), schedule: `cron "${workflow.schedules[0]}"`, how: request.repeated ?? 'once' },
      });
      break;
    }
  }
}

/** Where warming intent may show: function names, comments, the loop header, key/value text, the binding name. */
function intentSources(model: WorkerModel, scope: CronScope, node: ts.Node, rep: Repetition, parts: (ts.Expression | undefined)[], binding?: string): IntentSource[] {
  const { sf } = model;
  const sources: IntentSource[] = [];
  if (scope.name && scope.name !== 'scheduled') sources.push({ text: scope.name, kind: 'name', label: 'function name' });
  const inner = enclosingFunction(node);
  const innerName = inner && inner !== scope.fn ? functionName(inner) : undefined;
  if (innerName) sources.push({ text: innerName, kind: 'name', label: 'function name' });
  for (const comment of commentsAround(sf, rep.node, scope.fn)) sources.push({ text: comment, kind: 'comment' });
  const header = loopHeader(rep);
  if (header) sources.push({ text: header.getText(sf), kind: 'name', label: 'loop over' });
  for (const part of parts) {
    if (!part) continue;
    const resolved = model.resolver.resolveString(part);
    sources.push(resolved ? { text: resolved.value, kind: 'string' } : { text: part.getText(sf), kind: 'name', label: 'expression' });
  }
  if (binding) sources.push({ text: binding, kind: 'name', label: 'binding' });
  return sources;
}

/** A value produced by a render/build/compute-style call (a derived view, not data copied through). */
function isComputed(value: ts.Expression | undefined): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(n) && /^(render|build|compute|generate|compile|prepare|make)/i.test(calleeName(n) ?? '')) found = true;
    else ts.forEachChild(n, visit);
  };
  if (value) visit(value);
  return found;
}

/** What a repetition iterates over: `popularSlugs` in `for (const s of popularSlugs)` or `topKeys.map(...)`. */
function loopHeader(rep: Repetition): ts.Node | undefined {
  const n = rep.node;
  if (ts.isForOfStatement(n) || ts.isForInStatement(n)) return n.expression;
  if (ts.isForStatement(n)) return n.condition;
  if (ts.isWhileStatement(n) || ts.isDoStatement(n)) return n.expression;
  if (rep.kind === 'callback' && ts.isCallExpression(n)) return calleeObject(n);
  return undefined;
}

/** `fetch(...)`, `globalThis.fetch(...)`, `self.fetch(...)`; not service bindings, Durable Object stubs or `app.fetch`. */
function isGlobalFetch(call: ts.CallExpression): boolean {
  const path = accessPath(call.expression);
  return !!path && ((path.length === 1 && path[0] === 'fetch') || (path.length === 2 && path[1] === 'fetch' && (path[0] === 'globalThis' || path[0] === 'self')));
}

/** A GET/HEAD without a body; an init that cannot be read statically is not assumed to be one. */
function isPlainGet(model: WorkerModel, call: ts.CallExpression): boolean {
  const [input, init] = call.arguments;
  const inputNode = input && unwrap(input);
  if (inputNode && ts.isNewExpression(inputNode) && inputNode.arguments && inputNode.arguments.length > 1) return false;
  if (!init) return true;
  const options = model.resolver.resolveObject(init);
  if (!options) return false;
  const entries = model.resolver.objectEntries(options);
  if (entries.some((e) => e.key === 'body')) return false;
  const method = entries.find((e) => e.key === 'method');
  if (!method) return true;
  const value = model.resolver.resolveString(method.value)?.value.toUpperCase();
  return value === 'GET' || value === 'HEAD';
}

/** The first `cf` cache option set on the fetch (`cacheEverything`, `cacheTtl`…), explicit caching intent. */
function cfCacheOption(model: WorkerModel, call: ts.CallExpression): string | undefined {
  const init = call.arguments[1];
  const options = init && model.resolver.resolveObject(init);
  const cf = options && model.resolver.objectValue(options, 'cf');
  const cfObject = cf && model.resolver.resolveObject(cf);
  return cfObject ? model.resolver.objectEntries(cfObject).map((e) => e.key).find((k) => CF_CACHE_OPTIONS.includes(k)) : undefined;
}
