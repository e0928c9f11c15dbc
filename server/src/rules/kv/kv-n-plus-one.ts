// kv-n-plus-one: one KV get() per key in a loop, or list() then a get() per listed key, where one bulk get(keys) (up to
// 100 keys, one operation) or list metadata would do (domain.md A1, A3).
import { kvLoopReads, type KvLoopRead } from '../../engine/domain/kv/kv-loop-reads';
import { mayUseKv } from '../../engine/domain/kv/kv-text-evidence';
import { defineRule } from '../../engine/define-rule';
import { describeRepetition } from '../../engine/js/repetition';
import { calleeName, calleeObject, ts, unwrap, type WorkerModel } from '../../engine/parse/worker';
import type { Fix } from '../../engine/types';
import { callsGet } from '../../engine/filters/text-tests';

export default defineRule({
  id: 'kv-n-plus-one',
  description: 'One KV get() per key in a loop (or per key of a list()) costs one operation each; a bulk get(keys) reads up to 100 in one.',
  defaultSeverity: 'info',
  fixable: false,
  hasSuggestions: true,
  kinds: ['worker'],
  defaultOptions: {},
  messages: {
    loop: '{{binding}}.{{method}}() once per key in this {{loop}}: one KV operation per key.',
    list: '{{binding}}.{{method}}() per key listed by {{binding}}.list(): one KV operation per key.',
  },
  mayApply: (text, facts) => callsGet(text) && /\bfor\b|\.(map|forEach|flatMap)\s*\(/.test(text) && mayUseKv(text, facts),
  check(context) {
    const model = context.worker();
    for (const found of kvLoopReads(model, context.facts)) {
      const { read, loop, fromList } = found;
      const suggestion = bulkRewrite(found, model);
      context.report({
        start: read.call.getStart(model.sf), end: read.call.end, messageId: fromList ? 'list' : 'loop',
        data: { binding: read.binding, method: read.method, loop: describeRepetition(loop, model.sf) },
        suggestions: suggestion ? [suggestion] : undefined,
      });
    }
  },
});

/** Options a bulk get() accepts: none, 'text'/'json', or an object of `type: 'text'|'json'` and `cacheTtl`. */
function bulkOptions(options: ts.Expression | undefined, model: WorkerModel): boolean {
  if (!options) return true;
  const node = unwrap(options);
  const type = (e: ts.Expression) => ['text', 'json'].includes(model.resolver.resolveString(e)?.value ?? '');
  if (ts.isStringLiteralLike(node)) return type(node);
  if (!ts.isObjectLiteralExpression(node)) return false;
  return node.properties.every((p) => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name)
    && (p.name.text === 'cacheTtl' || (p.name.text === 'type' && type(p.initializer))));
}

/**
 * `await Promise.all(keys.map((k) => KV.get(k, o)))` → `await KV.get(keys.map((k) => k), o).then((found) =>
 * keys.map((k) => found.get(k) ?? null))`: same values in the same order, one operation. A suggestion, not a fix: a bulk
 * get takes at most 100 keys, and its errors are one error for all keys.
 */
function bulkRewrite({ read, loop }: KvLoopRead, model: WorkerModel): Fix | undefined {
  const map = loop.node;
  if (read.method !== 'get' || loop.kind !== 'callback' || !ts.isCallExpression(map) || calleeName(map) !== 'map') return undefined;
  const all = map.parent;
  if (!ts.isCallExpression(all) || all.arguments.length !== 1 || all.arguments[0] !== map || calleeName(all) !== 'all'
    || calleeObject(all)?.getText(model.sf) !== 'Promise') return undefined;
  const callback = map.arguments[0];
  const keys = calleeObject(map);
  if (!callback || map.arguments.length !== 1 || !ts.isArrowFunction(callback) || !keys || !isPlainReference(keys)) return undefined;
  const body = unwrap(callback.body as ts.Expression);
  const call = ts.isAwaitExpression(body) ? unwrap(body.expression) : body;
  if (call !== read.call || !read.key || !bulkOptions(read.options, model)) return undefined;
  const params = callback.parameters.map((p) => p.getText(model.sf)).join(', ');
  const usesParams = (node: ts.Node): boolean => callback.parameters.some((p) => new RegExp(`\\b${p.name.getText(model.sf)}\\b`).test(node.getText(model.sf)));
  if (read.options && usesParams(read.options)) return undefined;
  const key = read.key.getText(model.sf);
  const result = /\bfound\b/.test(key) ? 'bulk' : 'found';
  if (/\bbulk\b/.test(key) && result === 'bulk') return undefined;
  const list = keys.getText(model.sf);
  const options = read.options ? `, ${read.options.getText(model.sf)}` : '';
  const text = `${read.receiver.getText(model.sf)}.get(${list}.map((${params}) => ${key})${options})`
    + `.then((${result}) => ${list}.map((${params}) => ${result}.get(${key}) ?? null))`;
  return { title: 'Read all keys with one bulk get() (at most 100 keys per call)', edits: [{ start: all.getStart(model.sf), end: all.end, text }] };
}

/** `keys`, `body.ids`, `this.keys`: evaluating it twice gives the same array. */
function isPlainReference(expr: ts.Expression): boolean {
  const node = unwrap(expr);
  if (ts.isIdentifier(node) || node.kind === ts.SyntaxKind.ThisKeyword) return true;
  return ts.isPropertyAccessExpression(node) && isPlainReference(node.expression);
}
