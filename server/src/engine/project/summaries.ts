// Function summaries: which parameters of a file's functions flow, unclamped, into a KV TTL option, and what a module
// exports (functions, class methods, KVNamespace-typed names) so other files can use them without re-analysing it.
import { kvTtlOptions } from '../domain/kv/kv-ttl';
import { kvTypedNamesIn } from '../domain/kv/kv-bindings';
import { kvAccessSummaries, type KvAccessSummary } from '../domain/kv/kv-access-summaries';
import { guarded } from '../js/numeric-bounds';
import type { FileFacts } from './facts';
import { memoByModelAnd } from '../memo';
import { classOf, functionName, paramSource, type FunctionNode } from '../js/functions';
import { lineOf, ts, type WorkerModel } from '../parse/worker';

/** KV TTL options and the minimum each must meet (domain.md A2, A3). */
export const TTL_MINIMUM = { cacheTtl: 30, expirationTtl: 60, expiration: 60 } as const;
export type TtlOptionName = keyof typeof TTL_MINIMUM;

/** A parameter (or a member of it) that becomes a KV TTL option with no clamp or guard in between. */
export interface TtlParam {
  index: number;
  path: string[];
  option: TtlOptionName;
  binding: string;
  method: string;
  /** 1-based line of the KV call, for messages. */
  line: number;
}

/** What other code needs to know about one function. */
export interface FunctionSummary {
  name: string;
  line: number;
  ttlParams: TtlParam[];
  /** KV reads it returns and KV writes of its parameters (read-modify-write split across helpers). */
  access?: KvAccessSummary;
}

/** What other files need to know about one module. */
export interface ModuleSummary {
  path: string;
  kvTypedNames: ReadonlySet<string>;
  /** Exported functions by exported name (`default` for the default export). */
  functions: ReadonlyMap<string, FunctionSummary>;
  /** Exported classes by exported name: method name (`constructor` too) → summary. */
  classes: ReadonlyMap<string, ReadonlyMap<string, FunctionSummary>>;
}

/** For each function of the file, the parameters that reach a KV TTL option unclamped (memoised by model and facts). */
export const ttlParamFlows = memoByModelAnd(findTtlParamFlows);

function findTtlParamFlows(model: WorkerModel, facts: FileFacts): Map<FunctionNode, TtlParam[]> {
  const flows = new Map<FunctionNode, TtlParam[]>();
  for (const { kv, name, entry } of kvTtlOptions(model, facts)) {
    const value = name === 'expiration' ? offsetTerm(entry.value) : entry.value;
    if (!value) continue;
    const source = paramSource(value, model);
    if (!source || guarded(value, TTL_MINIMUM[name], model)) continue;
    const list = flows.get(source.fn) ?? [];
    list.push({ index: source.index, path: source.path, option: name, binding: kv.binding, method: kv.method, line: lineOf(kv.call, model.sf) });
    flows.set(source.fn, list);
  }
  return flows;
}

/** `now + ttl` → `ttl` (the offset of an absolute expiration); anything else → undefined. */
function offsetTerm(expr: ts.Expression): ts.Expression | undefined {
  const node = ts.isParenthesizedExpression(expr) ? expr.expression : expr;
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) return node.right;
  return undefined;
}

/** Summarises a module for its importers. */
export function summariseModule(model: WorkerModel, facts: FileFacts): ModuleSummary {
  const flows = ttlParamFlows(model, facts);
  const accesses = kvAccessSummaries(model, facts);
  const exported = exportedNames(model.sf);
  const functions = new Map<string, FunctionSummary>();
  const classes = new Map<string, Map<string, FunctionSummary>>();
  for (const fn of new Set([...flows.keys(), ...accesses.keys()])) {
    const name = functionName(fn);
    if (!name) continue;
    const summary: FunctionSummary = { name, line: lineOf(fn, model.sf), ttlParams: flows.get(fn) ?? [], access: accesses.get(fn) };
    const owner = classOf(fn);
    if (owner?.name) {
      for (const as of exported.get(owner.name.text) ?? []) {
        const methods = classes.get(as) ?? new Map<string, FunctionSummary>();
        methods.set(ts.isConstructorDeclaration(fn) ? 'constructor' : name, summary);
        classes.set(as, methods);
      }
    } else if (!owner) {
      for (const as of exported.get(name) ?? []) functions.set(as, summary);
    }
  }
  return { path: model.sf.fileName, kvTypedNames: kvTypedNamesIn(model), functions, classes };
}

/** Local name → the names it is exported as (`export function f`, `export { f as g }`, `export default f`). */
function exportedNames(sf: ts.SourceFile): Map<string, string[]> {
  const names = new Map<string, string[]>();
  const add = (local: string, as: string) => names.set(local, [...(names.get(local) ?? []), as]);
  for (const statement of sf.statements) {
    const modifiers = ts.canHaveModifiers(statement) ? ts.getModifiers(statement) ?? [] : [];
    const isExport = modifiers.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    const isDefault = modifiers.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
    if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && isExport && statement.name) {
      add(statement.name.text, isDefault ? 'default' : statement.name.text);
    } else if (ts.isVariableStatement(statement) && isExport) {
      for (const decl of statement.declarationList.declarations) if (ts.isIdentifier(decl.name)) add(decl.name.text, decl.name.text);
    } else if (ts.isExportDeclaration(statement) && !statement.moduleSpecifier && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const element of statement.exportClause.elements) add((element.propertyName ?? element.name).text, element.name.text);
    } else if (ts.isExportAssignment(statement) && ts.isIdentifier(statement.expression)) {
      add(statement.expression.text, 'default');
    }
  }
  return names;
}
