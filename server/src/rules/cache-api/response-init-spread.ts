// response-init-spread: `new Response(body, { ...response })` copies nothing from a Response, so status and statusText are lost.
import { cacheNamespace } from '../../engine/domain/cache-api/cache-api';
import { isGlobalReference, resolveName } from '../../engine/js/scopes';
import { defineRule } from '../../engine/define-rule';
import { accessPath, calleeName, calleeObject, lineOf, ts, unwrap, type WorkerModel } from '../../engine/parse/worker';

/** Parameter names that say "this is a Response" (`(res) =>`, `function wrap(response)`, `originResponse`). */
const RESPONSE_PARAM = /^(res|resp|response|[a-z]\w*Response)$/;

export default defineRule({
  id: 'response-init-spread',
  description: 'Spreading a Response into a ResponseInit copies nothing: status and statusText are lost and errors become 200s.',
  defaultSeverity: 'error',
  fixable: false,
  hasSuggestions: true,
  kinds: ['worker'],
  defaultOptions: {},
  messages: {
    spreadResponse: '...{{name}} (line {{line}}) spreads a Response ({{origin}}): its status is lost, so an error becomes a 200.',
  },
  mayApply: (text) => text.includes('...') && /\bnew\s*\(?\s*(?:(?:globalThis|self)\s*\.\s*)?Response\b/.test(text),
  check(context) {
    const model = context.worker();
    const { sf } = model;
    for (const made of model.news) {
      const init = made.arguments?.[1];
      if (!init || !isGlobalReference(made.expression, 'Response')) continue;
      const options = model.resolver.resolveObject(init);
      if (!options) continue;
      // Only the literal's own keys matter here: an explicit status after the spread restores it.
      const keys = model.resolver.objectEntries(options).map((entry) => entry.key);
      if (keys.includes('status')) continue;
      for (const property of options.properties) {
        if (!ts.isSpreadAssignment(property)) continue;
        const origin = responseOrigin(model, property.expression, 0);
        if (!origin) continue;
        const value = unwrap(property.expression);
        const name = property.expression.getText(sf);
        const plain = ts.isIdentifier(value) || (ts.isPropertyAccessExpression(value) && ts.isIdentifier(value.expression));
        const text = value.getText(sf);
        // Reported on `new Response` (the response that loses its status); the spread may be in a const further up.
        context.report({
          start: made.getStart(sf), end: made.expression.end, messageId: 'spreadResponse',
          data: { name, origin, line: lineOf(property) },
          // Re-reading a call (`...(await fetch(u))`) would fetch again: only plain references get the suggestion.
          suggestions: plain ? [{
            title: `Add status: ${text}.status, statusText: ${text}.statusText`,
            edits: [{ start: property.end, end: property.end, text: `, status: ${text}.status, statusText: ${text}.statusText` }],
          }] : [],
        });
      }
    }
  },
});

/** How the expression is known to be a Response, or undefined (plain objects and unknown values stay silent). */
function responseOrigin(model: WorkerModel, expr: ts.Expression, depth: number): string | undefined {
  if (depth > 4) return undefined;
  const node = unwrap(expr);
  const cast = castToResponse(expr);
  if (cast) return cast;
  if (ts.isNewExpression(node)) return isGlobalReference(node.expression, 'Response') ? 'from new Response()' : undefined;
  if (ts.isCallExpression(node)) {
    const name = calleeName(node);
    const object = calleeObject(node);
    if (name === 'fetch' && isGlobalReference(node.expression, 'fetch')) return 'from fetch()';
    // A binding's fetch (`env.ASSETS.fetch(req)`, `c.env.API.fetch(req)`) returns a Response too.
    if (name === 'fetch' && object && accessPath(object)?.includes('env')) return `from ${object.getText()}.fetch()`;
    if (name === 'match' && object && cacheNamespace(object, model, 0)) return 'from cache.match()';
    if ((name === 'json' || name === 'redirect' || name === 'error') && object && isGlobalReference(object, 'Response')) return `from Response.${name}()`;
    if (name === 'clone' && object && node.arguments.length === 0) return responseOrigin(model, object, depth + 1);
    return undefined;
  }
  if (!ts.isIdentifier(node)) return undefined;
  const decl = resolveName(node);
  if (!decl) return undefined;
  if ((ts.isParameter(decl) || ts.isVariableDeclaration(decl)) && decl.type && isResponseType(decl.type)) return `typed ${decl.type.getText()}`;
  if (ts.isVariableDeclaration(decl) && decl.initializer) return responseOrigin(model, decl.initializer, depth + 1);
  if (ts.isParameter(decl) && !decl.type && ts.isIdentifier(decl.name) && !decl.initializer && RESPONSE_PARAM.test(decl.name.text)) {
    return `parameter named ${decl.name.text}`;
  }
  return undefined;
}

/** `x as Response` (through parentheses, `await`, `!`). */
function castToResponse(expr: ts.Expression): string | undefined {
  let node = expr;
  for (;;) {
    if (ts.isAsExpression(node) || ts.isTypeAssertionExpression(node) || ts.isSatisfiesExpression(node)) {
      if (isResponseType(node.type)) return `cast to ${node.type.getText()}`;
      node = node.expression;
    } else if (ts.isParenthesizedExpression(node) || ts.isAwaitExpression(node) || ts.isNonNullExpression(node)) node = node.expression;
    else return undefined;
  }
}

/** `Response`, `Response | undefined`, `Response | null`. */
function isResponseType(type: ts.TypeNode): boolean {
  if (ts.isTypeReferenceNode(type)) return ts.isIdentifier(type.typeName) && type.typeName.text === 'Response' && !type.typeArguments;
  if (ts.isUnionTypeNode(type)) {
    return type.types.some(isResponseType) && type.types.every((t) => isResponseType(t) || t.kind === ts.SyntaxKind.UndefinedKeyword
      || (ts.isLiteralTypeNode(t) && t.literal.kind === ts.SyntaxKind.NullKeyword));
  }
  if (ts.isParenthesizedTypeNode(type)) return isResponseType(type.type);
  return false;
}
