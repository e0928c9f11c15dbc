// The names a file imports from relative modules: local function/class name → (specifier, exported name), and namespace
// imports (`import * as kv from './kv'`). Type-only imports are left out: they carry no code.
import { ts, type WorkerModel } from '../parse/worker';
import type { FileFacts } from './facts';
import type { FunctionSummary, ModuleSummary, TtlOptionName } from './summaries';

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
 * Pre-parse filter: the file imports a relative module (`import … from './x'`) whose summary says something (by default:
 * KV-typed names, functions whose parameters reach a KV TTL, KV reads or writes; `says` narrows it to what one rule uses).
 * Rules whose findings can come through an imported helper admit such files even without their own keywords; a file whose
 * imports summarise to nothing is not parsed for them. Summaries are cached by content, so each module is summarised once
 * however many files import it.
 */
export function mayUseImportedHelpers(text: string, facts: FileFacts, says: (summary: ModuleSummary) => boolean = saysAnything): boolean {
  if (!facts.modules) return false;
  if (facts.filePath === undefined) return /\bfrom\s*['"]\./.test(text);
  return importedSummaries(text, facts).some(says);
}

/** Per file being linted (its facts object) and text: the summaries of its relative imports, shared by every filter. */
const summariesMemo = new WeakMap<FileFacts, { text: string; summaries: ModuleSummary[] }>();

function importedSummaries(text: string, facts: FileFacts): ModuleSummary[] {
  const cached = summariesMemo.get(facts);
  if (cached && cached.text === text) return cached.summaries;
  const summaries: ModuleSummary[] = [];
  for (const match of text.matchAll(/\bfrom\s*['"](\.[^'"\n]*)['"]/g)) {
    const summary = facts.modules!.summaryOf(facts.filePath!, match[1]!);
    if (summary) summaries.push(summary);
  }
  summariesMemo.set(facts, { text, summaries });
  return summaries;
}

function saysAnything(summary: ModuleSummary): boolean {
  return summary.kvTypedNames.size > 0 || summary.functions.size > 0 || summary.classes.size > 0;
}

/** Every exported function and class method of a summary. */
function exportedFunctions(summary: ModuleSummary): FunctionSummary[] {
  return [...summary.functions.values(), ...[...summary.classes.values()].flatMap((methods) => [...methods.values()])];
}

/** `says` for rules on KV TTLs: a helper passes one of its parameters to one of these options unclamped. */
export const passesTtl = (options: readonly TtlOptionName[]) => (summary: ModuleSummary): boolean =>
  exportedFunctions(summary).some((fn) => fn.ttlParams.some((param) => options.includes(param.option)));

/** `says` for read-modify-write rules: a helper returns a KV read or writes a parameter to KV. */
export const accessesKv = (summary: ModuleSummary): boolean => exportedFunctions(summary).some((fn) => !!fn.access);
