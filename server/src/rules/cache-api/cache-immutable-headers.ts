// cache-immutable-headers: res.headers.set/append/delete() on a response from fetch() or cache.match() throws (immutable headers).
import { cacheNamespace } from '../../engine/domain/cache-api/cache-api';
import { describeResponse } from '../../engine/domain/cache-api/responses';
import { assignmentsTo, flowsTo } from '../../engine/js/flow';
import { declaringScope, resolveName } from '../../engine/js/scopes';
import { defineRule } from '../../engine/define-rule';
import { calleeName, calleeObject, enclosingFunction, ts, unwrap, type WorkerModel } from '../../engine/parse/worker';

const MUTATORS = new Set(['set', 'append', 'delete']);

type Source = 'fetch()' | 'cache.match()';

export default defineRule({
  id: 'cache-immutable-headers',
  description: 'Headers of a response from fetch() or cache.match() are immutable: copy it with new Response(res.body, res) before changing them.',
  defaultSeverity: 'error',
  fixable: false,
  hasSuggestions: true,
  kinds: ['worker'],
  defaultOptions: {},
  messages: {
    immutable: '{{name}} comes from {{source}}: {{name}}.headers.{{method}}() throws "Can\'t modify immutable headers".',
    immutableInline: 'A response from {{source}} has immutable headers: .headers.{{method}}() throws "Can\'t modify immutable headers".',
  },
  mayApply: (text) => /headers\s*\??\.\s*(set|append|delete)\b/.test(text) && (text.includes('fetch') || text.includes('match')),
  check(context) {
    const model = context.worker();
    const { sf } = model;
    const reported = new Set<ts.Node>();
    for (const call of model.calls) {
      const method = calleeName(call);
      if (!method || !MUTATORS.has(method)) continue;
      const headers = calleeObject(call);
      if (!headers || !ts.isPropertyAccessExpression(headers) || headers.name.text !== 'headers') continue;
      const target = unwrap(headers.expression);
      if (ts.isCallExpression(target)) {
        const source = immutableSource(model, target);
        if (source) context.report({ start: call.getStart(sf), end: call.end, messageId: 'immutableInline', data: { source, method } });
        continue;
      }
      if (!ts.isIdentifier(target)) continue;
      const origin = valueAt(model, target, call);
      if (!origin || reported.has(origin.value)) continue;
      const source = ts.isCallExpression(origin.value) ? immutableSource(model, origin.value) : origin.then;
      if (!source) continue;
      reported.add(origin.value);
      const name = target.text;
      context.report({
        start: call.getStart(sf), end: call.end, messageId: 'immutable', data: { name, source, method },
        suggestions: copySuggestion(sf, call, name, origin.declaration),
      });
    }
  },
});

/** `fetch(…)` (also a service binding's) or `cache.match(…)` on a Cache API object. */
function immutableSource(model: WorkerModel, call: ts.CallExpression): Source | undefined {
  const name = calleeName(call);
  if (name === 'fetch') return describeResponse(model, call).origin === 'fetched' ? 'fetch()' : undefined;
  if (name === 'match') {
    const receiver = calleeObject(call);
    return receiver && cacheNamespace(receiver, model, 0) ? 'cache.match()' : undefined;
  }
  return undefined;
}

interface ValueAt {
  /** The expression (unwrapped) whose value the variable holds at the call. */
  value: ts.Expression;
  /** For a `.then((res) => …)` parameter: what the promise resolves from. */
  then?: Source;
  declaration?: ts.VariableDeclaration;
}

/** The value `id` holds at `at`: the last assignment when it runs on every path to `at`, else the declaration's initializer. */
function valueAt(model: WorkerModel, id: ts.Identifier, at: ts.Node): ValueAt | undefined {
  const fn = enclosingFunction(at) ?? model.sf;
  const declared = declaringScope(id);
  const scope = declared && declared.pos >= fn.pos && declared.end <= fn.end ? declared : fn;
  const declaration = resolveName(id);
  const variable = declaration && ts.isVariableDeclaration(declaration) ? declaration : undefined;
  const before = assignmentsTo(scope, id).filter((a) => a.end <= at.getStart(model.sf));
  if (before.length > 0) {
    const last = before[before.length - 1]!;
    if (last.operatorToken.kind !== ts.SyntaxKind.EqualsToken || !flowsTo(last, at, model.sf, { always: true })) return undefined;
    return { value: unwrap(last.right), declaration: variable };
  }
  if (declaration && ts.isParameter(declaration)) {
    const fnNode = declaration.parent;
    const call = fnNode.parent;
    if (fnNode.parameters[0] !== declaration || !ts.isCallExpression(call) || call.arguments[0] !== fnNode || calleeName(call) !== 'then') return undefined;
    const object = calleeObject(call);
    const source = object && ts.isCallExpression(unwrap(object)) ? immutableSource(model, unwrap(object) as ts.CallExpression) : undefined;
    return source ? { value: fnNode as unknown as ts.Expression, then: source } : undefined;
  }
  if (!variable?.initializer) return undefined;
  return { value: unwrap(variable.initializer), declaration: variable };
}

/** Inserts `name = new Response(name.body, name);` before the statement (turning a lone `const` into `let`). */
function copySuggestion(sf: ts.SourceFile, call: ts.CallExpression, name: string, declaration: ts.VariableDeclaration | undefined) {
  if (!declaration || !ts.isIdentifier(declaration.name)) return undefined;
  const list = declaration.parent;
  if (!ts.isVariableDeclarationList(list) || list.declarations.length !== 1 || !ts.isVariableStatement(list.parent)) return undefined;
  let node: ts.Node = call;
  while (ts.isAwaitExpression(node.parent) || ts.isParenthesizedExpression(node.parent) || ts.isVoidExpression(node.parent)) node = node.parent;
  const statement = node.parent;
  if (!ts.isExpressionStatement(statement) || !(ts.isBlock(statement.parent) || ts.isSourceFile(statement.parent))) return undefined;
  const start = statement.getStart(sf);
  const lineStart = sf.text.lastIndexOf('\n', start - 1) + 1;
  const indent = sf.text.slice(lineStart, start);
  const edits = [{ start, end: start, text: `${name} = new Response(${name}.body, ${name});\n${/^\s*$/.test(indent) ? indent : ''}` }];
  const isConst = (list.flags & ts.NodeFlags.Const) !== 0;
  if (isConst) {
    const keyword = list.getStart(sf);
    edits.unshift({ start: keyword, end: keyword + 'const'.length, text: 'let' });
  } else if ((list.flags & (ts.NodeFlags.Let)) === 0 && !sf.text.startsWith('var', list.getStart(sf))) return undefined;
  return [{ title: `Copy ${name} with new Response(${name}.body, ${name}) first`, edits }];
}
