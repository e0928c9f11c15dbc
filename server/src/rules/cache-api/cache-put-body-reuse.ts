// cache-put-body-reuse: the same Response is given to cache.put() and also returned or read, so one side finds its body used.
import { cacheCalls } from '../../engine/domain/cache-api/cache-api';
import { assignmentsTo, flowsTo, referencesTo } from '../../engine/js/flow';
import { declaringScope } from '../../engine/js/scopes';
import { defineRule } from '../../engine/define-rule';
import { calleeName, calleeObject, contains, lineOf, ts, unwrap, type WorkerModel } from '../../engine/parse/worker';

/** Methods that consume a body. `clone()` of a used body throws too. */
const READERS = new Set(['text', 'json', 'arrayBuffer', 'blob', 'formData', 'bytes']);

export default defineRule({
  id: 'cache-put-body-reuse',
  description: 'A Response passed to cache.put() must not also be returned or read; put a clone.',
  defaultSeverity: 'error',
  fixable: true,
  hasSuggestions: true,
  kinds: ['worker'],
  defaultOptions: {},
  messages: {
    usedAfterPut: '{{name}} is {{use}} at line {{line}} after cache.put() consumed its body: "Body has already been used".',
    readBeforePut: '{{name}} is {{use}} at line {{line}} before cache.put(): its body is already used, so cache.put() throws.',
  },
  mayApply: (text) => text.includes('caches') && text.includes('put'),
  check(context) {
    const model = context.worker();
    const { sf } = model;
    for (const put of cacheCalls(model)) {
      if (put.method !== 'put' || !put.response) continue;
      const target = unwrap(put.response);
      if (!isPlainReference(target) || isClone(model, target) || hasNoBody(model, target)) continue;
      const name = target.getText(sf);
      // Only the scope that declares the variable can mention it: searching the whole file per put is quadratic.
      const scope = (ts.isIdentifier(target) && declaringScope(target)) || sf;
      const refs = referencesTo(scope, target).filter((ref) => !contains(put.call, ref));
      const assignments = assignmentsTo(scope, target);
      const untouched = (a: ts.Node, b: ts.Node) => !assignments.some((x) => x.getStart(sf) >= a.end && x.end <= b.getStart(sf));
      const after = refs.map((ref) => ({ ref, use: useAfterPut(ref) }))
        .find(({ ref, use }) => use && flowsTo(put.call, ref, sf) && untouched(put.call, ref));
      if (after) {
        context.report({
          start: put.response.getStart(sf), end: put.response.end, messageId: 'usedAfterPut',
          data: { name, use: after.use!, line: lineOf(after.ref) },
          fix: { title: `Put ${name}.clone() in the cache`, edits: [{ start: clonePoint(put.response, target), end: clonePoint(put.response, target), text: '.clone()' }] },
        });
        continue;
      }
      const before = refs.map((ref) => ({ ref, reader: bodyReader(ref) }))
        .find(({ ref, reader }) => reader && flowsTo(ref, put.call, sf) && untouched(ref, put.call));
      if (before) {
        const at = before.ref.end;
        context.report({
          start: put.response.getStart(sf), end: put.response.end, messageId: 'readBeforePut',
          data: { name, use: `read with .${before.reader}()`, line: lineOf(before.ref) },
          suggestions: [{ title: `Read ${name}.clone().${before.reader}() instead`, edits: [{ start: at, end: at, text: '.clone()' }] }],
        });
      }
    }
  },
});

/** Where `.clone()` goes: after `res!`/`(res)`/`await res`, but inside a type cast (`res.clone() as Response`). */
function clonePoint(argument: ts.Expression, target: ts.Expression): number {
  const cast = ts.isAsExpression(argument) || ts.isSatisfiesExpression(argument) || ts.isTypeAssertionExpression(argument);
  return cast ? target.end : argument.end;
}

function isPlainReference(node: ts.Expression): node is ts.Identifier | ts.PropertyAccessExpression {
  return ts.isIdentifier(node) || (ts.isPropertyAccessExpression(node) && !ts.isCallExpression(unwrap(node.expression)));
}

/** `copy` where `const copy = res.clone()`: a clone cannot be reused elsewhere. */
function isClone(model: WorkerModel, node: ts.Expression): boolean {
  if (!ts.isIdentifier(node)) return false;
  const init = model.resolver.constInitializer(node);
  return !!init && ts.isCallExpression(unwrap(init)) && calleeName(unwrap(init) as ts.CallExpression) === 'clone';
}

/** `new Response(null, …)`, `new Response()` or `Response.redirect(…)`: a null body cannot be used up. */
function hasNoBody(model: WorkerModel, node: ts.Expression): boolean {
  const init = ts.isIdentifier(node) ? model.resolver.constInitializer(node) : undefined;
  const value = init && unwrap(init);
  if (!value) return false;
  if (ts.isNewExpression(value) && ts.isIdentifier(value.expression) && value.expression.text === 'Response') {
    const body = value.arguments?.[0] && unwrap(value.arguments[0]);
    return !body || body.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(body) && body.text === 'undefined');
  }
  return ts.isCallExpression(value) && calleeName(value) === 'redirect' && calleeObject(value)?.getText() === 'Response';
}

/** The parent chain above `node` through parentheses, `as`, `!` and `await`. */
function outer(node: ts.Expression): ts.Expression {
  let current: ts.Expression = node;
  for (;;) {
    const parent = current.parent;
    if (ts.isParenthesizedExpression(parent) || ts.isAsExpression(parent) || ts.isNonNullExpression(parent)
      || ts.isAwaitExpression(parent) || ts.isSatisfiesExpression(parent)
      || (ts.isConditionalExpression(parent) && parent.condition !== current)) current = parent;
    else return current;
  }
}

/** The body-consuming method called on `ref` (`ref.text()`), if any. */
function bodyReader(ref: ts.Expression): string | undefined {
  const parent = ref.parent;
  if (!ts.isPropertyAccessExpression(parent) || parent.expression !== ref || !READERS.has(parent.name.text)) return undefined;
  return ts.isCallExpression(parent.parent) && parent.parent.expression === parent ? parent.name.text : undefined;
}

/** How a reference after the put uses the (now consumed) body, or undefined for harmless uses (`.status`, `.headers`). */
function useAfterPut(ref: ts.Expression): string | undefined {
  const reader = bodyReader(ref);
  if (reader) return `read with .${reader}()`;
  const parent = ref.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.expression === ref) {
    if (parent.name.text === 'body') return 'its .body is used';
    if (parent.name.text === 'clone' && ts.isCallExpression(parent.parent) && parent.parent.expression === parent) return 'cloned';
    return undefined;
  }
  const top = outer(ref);
  if (ts.isReturnStatement(top.parent)) return 'returned';
  if (ts.isCallExpression(top.parent) && top.parent.arguments.includes(top)) {
    const call = top.parent;
    const name = calleeName(call);
    if (name === 'respondWith') return 'passed to respondWith()';
    if (name === 'put' && call.arguments[1] === top && calleeObject(call)) return 'passed to another put()';
  }
  return undefined;
}
