// itty-router response helpers: `json(body, init)`, `html(…)`, `text(…)` and functions made by `createResponse(type)`
// build a Response whose second argument is a ResponseInit (status, headers) — domain.md §E conventions, [itty] createResponse.ts.
import { ts, unwrap, type WorkerModel } from '../../parse/worker';

const ITTY_FORMATS = new Set(['json', 'html', 'text', 'jpeg', 'png', 'webp', 'blob', 'createResponse', 'error', 'status']);

/** Local names imported from `itty-router` (memoised per parsed file): local name → imported name. */
const memo = new WeakMap<WorkerModel, Map<string, string>>();
function ittyImports(model: WorkerModel): Map<string, string> {
  const cached = memo.get(model);
  if (cached) return cached;
  const names = new Map<string, string>();
  for (const statement of model.sf.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier) || !/^itty-router(\/|$)/.test(statement.moduleSpecifier.text)) continue;
    const bindings = statement.importClause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) {
      for (const element of bindings.elements) names.set(element.name.text, (element.propertyName ?? element.name).text);
    }
  }
  memo.set(model, names);
  return names;
}

/**
 * True when `call` builds a Response through an itty-router helper whose second argument is a ResponseInit:
 * `json(data, { headers })` / `html(…)` / `text(…)` imported from itty-router, or `fmt(body, init)` where
 * `const fmt = createResponse('…')`. `error()`/`status()` take other arguments and are not matched.
 */
export function isIttyResponseCall(model: WorkerModel, call: ts.CallExpression): boolean {
  const callee = unwrap(call.expression);
  if (!ts.isIdentifier(callee)) return false;
  const imports = ittyImports(model);
  const imported = imports.get(callee.text);
  if (imported) return ITTY_FORMATS.has(imported) && imported !== 'createResponse' && imported !== 'error' && imported !== 'status';
  const init = model.resolver.initializer(callee);
  const made = init && unwrap(init);
  return !!made && ts.isCallExpression(made) && ts.isIdentifier(unwrap(made.expression))
    && imports.get((unwrap(made.expression) as ts.Identifier).text) === 'createResponse';
}
