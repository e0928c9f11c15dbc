// Named imports from packages (`import { cache as c } from 'hono/cache'`): which local name an exported name has, so a
// rule matches a framework function only when the file really imports it.
import { ts, type WorkerModel } from '../parse/worker';

/** Local names of the named imports of modules matching `module`: exported name → local name. */
export function importedNames(model: WorkerModel, module: RegExp): Map<string, string> {
  const names = new Map<string, string>();
  for (const decl of model.imports) {
    if (!ts.isStringLiteral(decl.moduleSpecifier) || !module.test(decl.moduleSpecifier.text)) continue;
    const bindings = decl.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    for (const element of bindings.elements) names.set((element.propertyName ?? element.name).text, element.name.text);
  }
  return names;
}
