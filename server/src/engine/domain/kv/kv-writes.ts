// kv-writes: every form of KV write in a source file (binding put(), REST API calls to /storage/kv/namespaces/…/values|bulk,
// the Cloudflare SDK, `wrangler kv key|bulk put` through child_process/execa/zx) and how a node repeats (loop, callback, Promise.all).
// Why: deploy and admin scripts rarely hold a binding; they write KV over the REST API or by shelling out to wrangler.
import { accessPath, calleeName, calleeObject, enclosingFunction, repetitionOf, ts, unwrap, type WorkerModel } from '../../parse/worker';
import type { FileFacts } from '../../project/facts';
import { kvCalls } from './kv';
import { memoByModelAnd } from '../../memo';

/** One KV write. */
export interface KvWrite {
  node: ts.CallExpression | ts.TaggedTemplateExpression;
  /** For messages: `CACHE.put()`, `fetch() to the KV REST API (…/values)`, `"wrangler kv bulk put" via execSync()`. */
  label: string;
  /** Writes many keys in one call (REST `/bulk`, `wrangler kv bulk put`, SDK bulk update). */
  bulk: boolean;
  /** The written key, the request URL or the command, used as intent evidence (`what` names it in messages). */
  detail?: { node: ts.Node; what: 'the key' | 'the URL' | 'the command' };
}

/** How a node repeats: its loop, array callback or Promise.all, possibly through a local helper called in a loop. */
export interface Repetition {
  kind: 'loop' | 'callback' | 'promise-all';
  node: ts.Node;
  /** Name of the local helper whose call repeats, when the node itself sits in that helper. */
  via?: string;
}

const REST_PATH = /storage\/kv\/namespaces\/[\s\S]*\/(values|bulk)\b(?!\/delete)/;
const EXEC = new Set(['execSync', 'exec', 'execFile', 'execFileSync', 'spawn', 'spawnSync', 'execa', 'execaSync', 'execaCommand', 'execaCommandSync']);
const WRANGLER_PUT = /\bwrangler\b[^]*?\bkv(?::|\s+)(key|bulk)\s+put\b/;

/** All KV writes in a file, in source order (computed once per parsed file). */
export const kvWrites = memoByModelAnd(findKvWrites);

function findKvWrites(model: WorkerModel, facts: FileFacts): KvWrite[] {
  const result: KvWrite[] = kvCalls(model, facts).filter((kv) => kv.method === 'put')
    .map((kv) => ({ node: kv.call, label: `${kv.binding}.put()`, bulk: false, detail: kv.key && { node: kv.key, what: 'the key' as const } }));
  const seen = new Set<ts.Node>(result.map((w) => w.node));
  for (const call of model.calls) {
    if (seen.has(call)) continue;
    const write = restWrite(model, call) ?? sdkWrite(call) ?? execWrite(model, call);
    if (write) result.push(write);
  }
  for (const node of model.taggedTemplates) {
    if (!/^\$|^sh$/.test(node.tag.getText(model.sf))) continue;
    const match = WRANGLER_PUT.exec(commandText(model, [node.template]));
    if (match) result.push({ node, label: `"wrangler kv ${match[1]} put" via ${node.tag.getText(model.sf)}\`…\``, bulk: match[1] === 'bulk', detail: { node: node.template, what: 'the command' } });
  }
  result.sort((a, b) => a.node.getStart(model.sf) - b.node.getStart(model.sf));
  return result;
}

/** The repetition around a node, following one local helper (`for (k of keys) await putOne(k)` where putOne writes). */
export function repetitionAround(model: WorkerModel, node: ts.Node, scope?: ts.Node): Repetition | undefined {
  const direct = repetitionOf(node);
  if (direct) return direct;
  const fn = enclosingFunction(node);
  const name = fn && functionName(fn);
  if (!name) return undefined;
  for (const call of model.calls) {
    const callee = unwrap(call.expression);
    if (!ts.isIdentifier(callee) || callee.text !== name) continue;
    if (scope && (call.getStart(model.sf) < scope.getStart(model.sf) || call.end > scope.end)) continue;
    const around = repetitionOf(call);
    if (around) return { ...around, via: name };
  }
  return undefined;
}

/** The declared name of a function: `function f`, `const f = () =>`, `{ f() {} }`, `{ f: () => {} }`. */
export function functionName(fn: ts.Node): string | undefined {
  if ((ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn) || ts.isFunctionExpression(fn)) && fn.name && ts.isIdentifier(fn.name)) return fn.name.text;
  const parent = fn.parent;
  if (parent && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) && ts.isIdentifier(parent.name)) return parent.name.text;
  return undefined;
}

function restWrite(model: WorkerModel, call: ts.CallExpression): KvWrite | undefined {
  const url = call.arguments[0];
  if (!url) return undefined;
  const match = REST_PATH.exec(expressionText(model, url, 0));
  if (!match) return undefined;
  const name = calleeName(call) ?? '';
  let verb = /^(get|put|post|patch|delete)$/i.test(name) ? name : 'GET';
  for (const options of call.arguments.slice(1, 3)) {
    const object = model.resolver.resolveObject(options);
    const method = object && model.resolver.objectValue(object, 'method');
    const value = method && model.resolver.resolveString(method)?.value;
    if (value) verb = value;
  }
  if (!/^(put|post|patch)$/i.test(verb)) return undefined;
  return { node: call, label: `${name}() to the KV REST API (…/${match[1]})`, bulk: match[1] === 'bulk', detail: { node: url, what: 'the URL' } };
}

function sdkWrite(call: ts.CallExpression): KvWrite | undefined {
  const name = calleeName(call);
  const object = calleeObject(call);
  const path = object && accessPath(object);
  if (!name || !path || !path.includes('kv') || !path.includes('namespaces')) return undefined;
  if (name === 'bulkUpdate' || name === 'bulk_update') return { node: call, label: `${path.slice(-2).join('.')}.${name}()`, bulk: true };
  if (name === 'update' && path[path.length - 1] === 'values') return { node: call, label: `namespaces.values.update()`, bulk: false, detail: call.arguments[1] && { node: call.arguments[1], what: 'the key' } };
  return undefined;
}

function execWrite(model: WorkerModel, call: ts.CallExpression): KvWrite | undefined {
  const name = calleeName(call);
  if (!name || !EXEC.has(name)) return undefined;
  const match = WRANGLER_PUT.exec(commandText(model, call.arguments));
  if (!match) return undefined;
  return { node: call, label: `"wrangler kv ${match[1]} put" via ${name}()`, bulk: match[1] === 'bulk', detail: { node: call, what: 'the command' } };
}

/** The command an exec call runs: string parts of its arguments (array elements too), `${…}` as a placeholder. */
function commandText(model: WorkerModel, args: readonly ts.Node[]): string {
  const parts: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteralLike(node)) parts.push(node.text);
    else if (ts.isTemplateExpression(node)) {
      parts.push(node.head.text);
      for (const span of node.templateSpans) parts.push('${}', span.literal.text);
    } else if (ts.isIdentifier(node)) {
      const init = model.resolver.constInitializer(node);
      if (init && (ts.isStringLiteralLike(init) || ts.isTemplateExpression(init))) visit(init);
    } else ts.forEachChild(node, visit);
  };
  args.forEach(visit);
  return parts.join(' ');
}

/** Source text of a URL expression with variables and `${…}` parts replaced by what they hold (same file, two levels). */
export function expressionText(model: WorkerModel, expr: ts.Expression, depth: number): string {
  const node = unwrap(expr);
  if (depth > 2) return node.getText(model.sf);
  if (ts.isIdentifier(node)) {
    const init = model.resolver.initializer(node);
    return init ? expressionText(model, init, depth + 1) : node.text;
  }
  if (ts.isTemplateExpression(node)) {
    return node.head.text + node.templateSpans.map((span) => expressionText(model, span.expression, depth + 1) + span.literal.text).join('');
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    return expressionText(model, node.left, depth) + expressionText(model, node.right, depth);
  }
  if (ts.isCallExpression(node) && ts.isIdentifier(unwrap(node.expression))) {
    const id = unwrap(node.expression) as ts.Identifier;
    const decl = model.sf.statements.find((s): s is ts.FunctionDeclaration => ts.isFunctionDeclaration(s) && s.name?.text === id.text);
    const body = decl?.body ?? model.resolver.constInitializer(id);
    if (body) return body.getText(model.sf);
  }
  return ts.isStringLiteralLike(node) ? node.text : node.getText(model.sf);
}
