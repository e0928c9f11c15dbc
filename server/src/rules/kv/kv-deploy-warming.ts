// kv-deploy-warming: KV writes or own-URL requests meant to "warm" caches at deploy (deploy scripts, warm-named functions and routes, post-deploy commands, warm-up shell scripts).
import { calledFunctions, handlers } from '../../engine/domain/runtime/handlers';
import { excerpt, intentWord, mayNameWarmingVerb, namesCacheWarming, quote } from '../../engine/domain/deploy/intent';
import { intentEvidence } from '../../engine/domain/deploy/intent-evidence';
import { expressionText, kvWrites, repetitionAround, type KvWrite, type Repetition } from '../../engine/domain/kv/kv-writes';
import { findNode, namedCode } from '../../engine/js/named-code';
import { packageDeployTimeCommands, runTarget, workflowPostDeployCommands, type DeployTimeCommand } from '../../engine/domain/deploy/post-deploy';
import { shellLoopAround, shellRequest, wranglerKvPut } from '../../engine/domain/deploy/shell-requests';
import { warmingIntent } from '../../engine/domain/deploy/warming-intent';
import { defineRule, type RuleContext } from '../../engine/define-rule';
import type { FileFacts } from '../../engine/project/facts';
import type { ShellCommand } from '../../engine/parse/shell';
import type { ShellScript } from '../../engine/parse/shell-script';
import { calleeName, contains, lineOf, ts, unwrap, type WorkerModel } from '../../engine/parse/worker';
import { commandSummary } from '../../engine/redact';

export default defineRule({
  id: 'kv-deploy-warming',
  description: 'Warming KV or the edge cache at deploy does not work: KV writes go to central stores and every location fills on its own first read.',
  defaultSeverity: 'warn',
  messageSeverities: { scriptFetch: 'info', commandRequests: 'info', shellRequests: 'info' },
  fixable: false,
  hasSuggestions: false,
  kinds: ['worker', 'package', 'workflow', 'shell'],
  defaultOptions: {},
  messages: {
    scriptWrite: '{{write}} in {{loop}} pre-writes KV at deploy to warm caches: it fills no location\'s cache.',
    scriptFetch: 'fetch({{url}}) in {{loop}} of a deploy script requests URLs to warm the cache: one location warms.',
    warmFunction: '{{what}} writes KV in {{loop}} ({{write}}) to warm the cache: KV writes fill no location\'s cache.',
    commandRequests: '`{{command}}` runs {{when}} and requests URLs {{how}}: it warms one location.',
    commandWarmScript: '`{{command}}` runs {{when}} and starts the warming script "{{name}}": it warms little.',
    commandKvWrite: '`{{command}}` runs {{when}} and writes KV ahead of traffic ({{evidence}}): it fills no location\'s cache.',
    shellRequests: '`{{command}}` in a warm-up script ({{evidence}}) requests URLs {{how}}: it warms one location.',
    shellKvWrite: '`{{command}}` writes KV in a warm-up script ({{evidence}}): it fills no location\'s cache.',
  },
  // Source files: a warm-named function or route (a warming verb as a word), a deploy script's writes and fetches, or a
  // Pages route named by its path. Scripts, package.json and workflows: any intent word, requests or a wrangler kv command.
  mayApply: (text, facts, kind) => kind === 'worker'
    ? mayNameWarmingVerb(text) || (isDeployScript(facts) && /\b(put|fetch|bulk\w*|exec\w*|spawn\w*|update)\b/.test(text))
      || (facts.isPagesFunction && /\.put\b/.test(text))
    : /warm|prim(e|ing)|preload|prefill|populat|hot|popular|top|curl|wget/i.test(text) || /\bwrangler\b[^\n]*\bkv\b/.test(text)
      || (facts.deployScripts.size > 0 && /\b(put|fetch|bulk\w*|exec\w*|spawn\w*|update)\b/.test(text)),
  check(context) {
    if (context.kind === 'package') checkCommands(context, packageDeployTimeCommands(context.packageJson()));
    else if (context.kind === 'workflow') checkCommands(context, workflowPostDeployCommands(context.workflow()));
    else if (context.kind === 'shell') checkShellScript(context, context.shell());
    else {
      const model = context.worker();
      if (runsAtDeploy(context)) checkDeployScript(context, model);
      else checkWarmNamed(context, model);
    }
  },
});

const norm = (p: string) => p.replace(/\\/g, '/');

/** True when the project's package.json runs this source file at deploy time (any file when the path is unknown). */
function isDeployScript(facts: FileFacts): boolean {
  if (facts.deployScripts.size === 0) return false;
  if (facts.filePath === undefined) return true;
  for (const script of facts.deployScripts.keys()) if (norm(script) === norm(facts.filePath)) return true;
  return false;
}

/** True when the project's package.json runs this file at deploy time. */
function runsAtDeploy(context: RuleContext): boolean {
  for (const path of context.facts.deployScripts.keys()) if (norm(path) === norm(context.path)) return true;
  return false;
}

/** (a) A source file run at deploy: KV writes in a loop or bulk, or fetches of URLs in a loop, with warming intent. */
function checkDeployScript(context: RuleContext, model: WorkerModel): void {
  const done = new Set<ts.Node>();
  const writes = kvWrites(model, context.facts);
  for (const write of writes) {
    const repetition = repetitionAround(model, write.node);
    if (!repetition && !write.bulk) continue;
    const around = repetition?.node ?? write.node;
    if (done.has(around)) continue;
    done.add(around);
    const evidence = intentEvidence(model, around, write.detail, context.path);
    if (!evidence) continue;
    context.report({ start: write.node.getStart(model.sf), end: write.node.end, messageId: 'scriptWrite', data: { write: write.label, loop: describe(model, repetition) } });
  }
  for (const call of model.calls) {
    const callee = unwrap(call.expression);
    if (calleeName(call) !== 'fetch' || !(ts.isIdentifier(callee) || callee.getText(model.sf) === 'globalThis.fetch') || !call.arguments[0]) continue;
    const repetition = repetitionAround(model, call);
    if (!repetition || done.has(repetition.node) || writes.some((w) => contains(repetition.node, w.node))) continue;
    const url = call.arguments[0].getText(model.sf);
    if (/api\.cloudflare\.com|storage\/kv\/namespaces/.test(expressionText(model, call.arguments[0], 0)) || !isGet(model, call) || consumesBody(repetition.node)) continue;
    const evidence = intentEvidence(model, repetition.node, { node: call.arguments[0], what: 'the URL' }, context.path);
    if (!evidence) continue;
    done.add(repetition.node);
    context.report({ start: call.getStart(model.sf), end: call.end, messageId: 'scriptFetch', data: { url: excerpt(url, 50), loop: describe(model, repetition) } });
  }
}

/** (b) Functions and routes named "warm/prime/preload/prefill … cache|kv" whose body writes KV in a loop. */
function checkWarmNamed(context: RuleContext, model: WorkerModel): void {
  const writes = kvWrites(model, context.facts);
  if (writes.length === 0) return;
  const cron = handlers(model, context.facts.isPagesFunction).filter((h) => h.kind === 'scheduled').flatMap((h) => [h.fn, ...calledFunctions(model, h.fn)]);
  const claimed = new Set<KvWrite>();
  for (const unit of namedCode(model, context.path, context.facts.isPagesFunction, (name) => namesCacheWarming(name))) {
    if (cron.some((fn) => contains(fn, unit.body))) continue; // a cron that warms is kv-cron-warming's finding
    const scope = [unit.body, ...calledFunctions(model, unit.body, 2)];
    const inScope = writes.filter((w) => !claimed.has(w) && scope.some((s) => contains(s, w.node)));
    for (const write of inScope) {
      const repetition = repetitionAround(model, write.node, unit.body);
      if (!repetition && !write.bulk) continue;
      inScope.forEach((w) => claimed.add(w));
      context.report({ start: unit.name.getStart(model.sf), end: unit.name.end, messageId: 'warmFunction', data: { what: unit.what, loop: describe(model, repetition), write: write.label } });
      break;
    }
  }
}

/** (c) package.json scripts and workflow steps: post-deploy request loops, warm scripts, KV uploads with warming intent. */
function checkCommands(context: RuleContext, commands: DeployTimeCommand[]): void {
  for (const d of commands) {
    if (d.chain.slice(1).some((name) => namesCacheWarming(name, true))) continue; // reported where `npm run <warm>` is called
    const c = d.command;
    const at = c.words.findIndex((w) => !['do', 'then', 'else', 'time'].includes(w));
    const shown = c.text.slice(Math.max(0, c.text.indexOf(c.words[at] ?? '')));
    const range = { start: c.end - c.start === c.text.length ? c.end - shown.length : c.start, end: c.end };
    const command = commandSummary(shown);
    const warm = warmScript(c);
    if (warm) {
      context.report({ ...range, messageId: 'commandWarmScript', data: { command, when: d.when, name: warm } });
      continue;
    }
    const kv = shellKvWrite(c, d);
    if (kv !== undefined) {
      const evidence = kv || labelEvidence(d);
      if (evidence) context.report({ ...range, messageId: 'commandKvWrite', data: { command, when: d.when, evidence } });
      continue;
    }
    const request = shellRequest(c, d.siblings);
    if (!request || !d.afterDeploy || request.cloudflareApi || request.keepsBody || !/^(GET|HEAD)$/.test(request.method)) continue;
    const evidence = labelEvidence(d) ?? (request.loopHeader && intentWord(request.loopHeader.text) ? `over ${quote(request.loopHeader.text, 40)}` : undefined);
    const plainLoop = request.repeated && !request.failsOnError && (request.urls.length > 0 || !request.loopHeader) && !d.labels.some((l) => /smoke|health|test|check|verify|e2e|ping/i.test(l.name));
    if (!evidence && !plainLoop) continue;
    const how = [request.repeated, evidence && `(${evidence})`].filter(Boolean).join(' ');
    // A fetch-only loop does seed this location and an upper tier when tiered (domain.md §0 "Warming, revisited"): info.
    context.report({ ...range, messageId: 'commandRequests', data: { command, when: d.when, how } });
  }
}

/**
 * (d) A standalone shell script whose file name or comments say warm-up (domain.md §G), called by a deploy or not: its
 * KV uploads (warn) and its GET/HEAD requests that discard the body (info: they do warm one location and its upper tier).
 */
function checkShellScript(context: RuleContext, script: ShellScript): void {
  const base = context.path.replace(/\\/g, '/').split('/').pop()!;
  const named = warmingIntent([{ text: base.replace(/\.(sh|bash)$/, ''), kind: 'name' }]);
  const comment = script.comments.find((c) => warmingIntent([{ text: c.text, kind: 'comment' }]));
  const evidence = named ? `the file name "${base}"` : comment ? `the comment ${quote(comment.text, 50)}` : undefined;
  const requests: { c: ShellCommand; repeated?: string; evidence: string }[] = [];
  for (const c of script.commands) {
    const d: DeployTimeCommand = { command: c, siblings: script.commands, afterDeploy: false, when: '', chain: [], labels: [] };
    const kv = shellKvWrite(c, d);
    if (kv !== undefined) {
      if (kv || evidence) context.report({ start: c.start, end: c.end, messageId: 'shellKvWrite', data: { command: commandSummary(c.text), evidence: kv || evidence! } });
      continue;
    }
    const request = shellRequest(c, script.commands);
    if (!request || request.cloudflareApi || request.keepsBody || request.failsOnError || !/^(GET|HEAD)$/.test(request.method)) continue;
    const loop = request.loopHeader && warmingIntent([{ text: request.loopHeader.text, kind: 'comment' }]) ? `the loop ${quote(request.loopHeader.text, 40)}` : undefined;
    if (evidence ?? loop) requests.push({ c, repeated: request.repeated, evidence: (evidence ?? loop)! });
  }
  // One report per script, on its first warming request: a warm-up script of twenty curl lines is one finding.
  const [first] = requests;
  if (!first) return;
  const how = first.repeated ?? (requests.length > 1 ? `in ${requests.length} commands` : 'once');
  const lead = /^(?:(?:do|then|else|time)\s+)*/.exec(first.c.text)![0].length; // `do curl …` is reported from `curl`
  context.report({ start: first.c.start + lead, end: first.c.end, messageId: 'shellRequests', data: { command: commandSummary(first.c.text.slice(lead)), how, evidence: first.evidence } });
}

/** The name of a warming script or file a command runs (`npm run warm`, `pnpm warm:cache`, `node scripts/prime-kv.mjs`). */
function warmScript(c: ShellCommand): string | undefined {
  const { script, file } = runTarget(c);
  const base = file?.split('/').pop()!.replace(/\.[^.]+$/, '');
  return script && namesCacheWarming(script, true) ? script : base && namesCacheWarming(base, true) ? file : undefined;
}

/** For `wrangler kv key|bulk put …` or curl PUT to the KV REST API: the intent evidence in its arguments or loop ('' for none); undefined when it writes no KV. */
function shellKvWrite(c: ShellCommand, d: DeployTimeCommand): string | undefined {
  let args = wranglerKvPut(c)?.args;
  if (!args) {
    const request = shellRequest(c, d.siblings);
    if (!request || !/^(PUT|POST)$/.test(request.method) || !request.urls.some((u) => /storage\/kv\/namespaces\/.*\/(values|bulk)/.test(u))) return undefined;
    args = request.urls.map((u) => u.replace(/^.*\/(values|bulk)\/?/, ''));
  }
  const arg = args.find((a) => intentWord(a));
  if (arg) return `the ${/[./]/.test(arg) ? 'file name' : 'key'} ${quote(arg, 40)}`;
  const loop = shellLoopAround(c, d.siblings);
  return loop && intentWord(loop.text) ? `the loop ${quote(loop.text, 40)}` : '';
}

/** Intent in the names around a command: package script names, workflow step and job names. */
function labelEvidence(d: DeployTimeCommand): string | undefined {
  const label = d.labels.find((l) => intentWord(l.name));
  return label && `the ${label.kind} name ${quote(label.name, 40)}`;
}

function describe(model: WorkerModel, repetition: Repetition | undefined): string {
  if (!repetition) return 'one bulk upload';
  const { node } = repetition;
  const line = lineOf(node, model.sf);
  const what = repetition.kind === 'promise-all' ? 'Promise.all'
    : repetition.kind === 'callback' ? `a .${calleeName(node as ts.CallExpression)}() callback`
      : ts.isForOfStatement(node) ? 'a for…of loop' : ts.isForInStatement(node) ? 'a for…in loop' : ts.isForStatement(node) ? 'a for loop' : 'a while loop';
  return `${what} (line ${line})${repetition.via ? ` through ${repetition.via}()` : ''}`;
}

function isGet(model: WorkerModel, call: ts.CallExpression): boolean {
  const options = call.arguments[1] && model.resolver.resolveObject(call.arguments[1]);
  const method = options && model.resolver.objectValue(options, 'method');
  if (!method) return !call.arguments[1] || !!options;
  return /^(GET|HEAD)$/i.test(model.resolver.resolveString(method)?.value ?? '');
}

/** The loop reads response bodies (`.json()`, or `.text()` kept in a variable): it fetches data, it does not warm. */
function consumesBody(loop: ts.Node): boolean {
  return !!findNode(loop, (n) => ts.isPropertyAccessExpression(n) && /^(json|text|blob|formData)$/.test(n.name.text) && ts.isCallExpression(n.parent)
    && !ts.isExpressionStatement(ts.isAwaitExpression(n.parent.parent) ? n.parent.parent.parent : n.parent.parent) ? n : undefined);
}
