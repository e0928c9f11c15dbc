// The names a file imports from relative modules: local function/class name → (specifier, exported name), and namespace
// imports (`import * as kv from './kv'`). Type-only imports are left out: they carry no code.
import { ts, type WorkerModel } from '../parse/worker';

/** Relative imports of one file. */
export interface RelativeImports {
  named: Map<string, { spec: string; exported: string }>;
  namespaces: Map<string, string>;
}

const cache = new WeakMap<WorkerModel, RelativeImports>();

/** The file's relative value imports (computed once per parsed file). */
export function relativeImports(model: WorkerModel): RelativeImports {
  const cached = cache.get(model);
  if (cached) return cached;
  const result: RelativeImports = { named: new Map(), namespaces: new Map() };
  for (const declaration of model.imports) {
    const clause = declaration.importClause;
    if (!clause || clause.isTypeOnly || !ts.isStringLiteral(declaration.moduleSpecifier)) continue;
    const spec = declaration.moduleSpecifier.text;
    if (!spec.startsWith('.')) continue;
    if (clause.name) result.named.set(clause.name.text, { spec, exported: 'default' });
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) result.namespaces.set(bindings.name.text, spec);
    else if (bindings) for (const element of bindings.elements) result.named.set(element.name.text, { spec, exported: (element.propertyName ?? element.name).text });
  }
  cache.set(model, result);
  return result;
}
