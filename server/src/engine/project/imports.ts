// The names a file imports from relative modules: local function/class name → (specifier, exported name), and namespace
// imports (`import * as kv from './kv'`). Type-only imports are left out: they carry no code.
import { ts, type WorkerModel } from '../parse/worker';
import type { FileFacts } from './facts';

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

/**
 * Pre-parse filter: the file may call helpers in other modules (`import … from './x'`) and the project can summarise
 * them. Rules whose findings can come through an imported helper admit such files even without their own keywords.
 */
export function mayUseImportedHelpers(text: string, facts: FileFacts): boolean {
  return !!facts.modules && /\bfrom\s*['"]\./.test(text);
}
