// Where KV bindings come from besides wrangler config: names typed `KVNamespace` (or a type extending it), class fields
// assigned from a binding, and call shapes only KV has (domain.md §G "Where real KV bindings come from").
import { calleeName, propertyName, ts, unwrap, type WorkerModel } from '../../parse/worker';

const KV_TYPES = ['text', 'json', 'arrayBuffer', 'stream'];
const KV_GET_OPTIONS = ['cacheTtl', 'type'];
/** `metadata` (not R2's `customMetadata`), `expiration`, `expirationTtl`: only KV's put takes them. */
const KV_PUT_OPTIONS = ['expirationTtl', 'expiration', 'metadata'];

/** True when the call's arguments have a shape that only KV's API accepts. */
export function kvShapedCall(call: ts.CallExpression, model: WorkerModel): boolean {
  const method = calleeName(call);
  if (method === 'getWithMetadata') return call.arguments.length >= 1;
  if (method === 'get' && call.arguments.length === 2) {
    const type = model.resolver.resolveString(call.arguments[1]!);
    if (type) return KV_TYPES.includes(type.value);
    return optionKeys(call.arguments[1]!, model).some((k) => KV_GET_OPTIONS.includes(k));
  }
  if (method === 'put' && call.arguments.length === 3) return optionKeys(call.arguments[2]!, model).some((k) => KV_PUT_OPTIONS.includes(k));
  return false;
}

/** Keys of an options object, including both branches of `cond ? {…} : {…}`. */
function optionKeys(expr: ts.Expression, model: WorkerModel): string[] {
  return optionObjects(expr, model).flatMap((o) => model.resolver.objectEntries(o).map((e) => e.key));
}

/** The object literals an options argument can be: itself, a const, or each branch of a conditional (domain.md §G). */
export function optionObjects(expr: ts.Expression, model: WorkerModel, depth = 0): ts.ObjectLiteralExpression[] {
  if (depth > 4) return [];
  const direct = model.resolver.resolveObject(expr);
  if (direct) return [direct];
  const node = model.resolver.follow(expr);
  if (ts.isConditionalExpression(node)) return [...optionObjects(node.whenTrue, model, depth + 1), ...optionObjects(node.whenFalse, model, depth + 1)];
  if (ts.isBinaryExpression(node) && (node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || node.operatorToken.kind === ts.SyntaxKind.BarBarToken)) {
    return [...optionObjects(node.left, model, depth + 1), ...optionObjects(node.right, model, depth + 1)];
  }
  return [];
}

/** Names declared with type `KVNamespace`, `KVNamespace<…>` or a local type that extends/aliases it. */
export function kvTypedNamesIn(model: WorkerModel): Set<string> {
  if (!model.sf.text.includes('KVNamespace')) return new Set();
  return kvTypedNames(model.sf, model.typeDeclarations, model.typedMembers);
}

/** Same as kvTypedNamesIn for any source file (also used on `worker-configuration.d.ts` and imported type files). */
export function kvTypedNamesInSource(sf: ts.SourceFile): Set<string> {
  if (!sf.text.includes('KVNamespace')) return new Set();
  const declarations: WorkerModel['typeDeclarations'] = [];
  const members: WorkerModel['typedMembers'] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) declarations.push(node);
    if ((ts.isPropertySignature(node) || ts.isParameter(node) || ts.isPropertyDeclaration(node) || ts.isVariableDeclaration(node)) && node.type) members.push(node);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return kvTypedNames(sf, declarations, members);
}

function kvTypedNames(sf: ts.SourceFile, declarations: readonly (ts.InterfaceDeclaration | ts.TypeAliasDeclaration)[], members: WorkerModel['typedMembers']): Set<string> {
  const names = new Set<string>();
  const typeNames = new Set(['KVNamespace']);
  // `interface CacheStore extends KVNamespace {}` / `type Store = KVNamespace<string>`, to a fixpoint (chains of subtypes).
  for (let grew = true; grew;) {
    grew = false;
    for (const decl of declarations) {
      if (typeNames.has(decl.name.text)) continue;
      const parents = ts.isInterfaceDeclaration(decl) ? (decl.heritageClauses ?? []).flatMap((h) => h.types.map((t) => t.expression.getText(sf))) : [decl.type.getText(sf)];
      if (parents.some((text) => mentionsType(text, typeNames))) {
        typeNames.add(decl.name.text);
        grew = true;
      }
    }
  }
  for (const member of members) {
    const name = member.name && propertyName(member.name as ts.PropertyName);
    const text = member.type!.getText(sf);
    if (name && mentionsType(text, typeNames) && !/=>/.test(text)) names.add(name);
  }
  return names;
}

function mentionsType(text: string, typeNames: ReadonlySet<string>): boolean {
  for (const match of text.matchAll(/[A-Za-z_$][\w$]*/g)) if (typeNames.has(match[0])) return true;
  return false;
}

/** `this.kv = env.KV`, `this.#kv = kv`, `kv = env.KV` (field initialisers): field name → assigned expressions. */
export function classFieldInitializers(model: WorkerModel): Map<string, ts.Expression[]> {
  const fields = new Map<string, ts.Expression[]>();
  const add = (name: string | undefined, value: ts.Expression) => {
    if (name) fields.set(name, [...(fields.get(name) ?? []), value]);
  };
  for (const assignment of model.thisAssignments) {
    const left = unwrap(assignment.left);
    if (ts.isPropertyAccessExpression(left)) add(left.name.text, assignment.right);
  }
  for (const field of model.fieldDeclarations) if (field.initializer) add(propertyName(field.name), field.initializer);
  return fields;
}

/** Names of properties declared with a non-KV binding type (`ASSETS: R2Bucket`, `DB: D1Database`) in a source file. */
export function otherTypedBindingNames(sf: ts.SourceFile, kvNames: ReadonlySet<string>): Set<string> {
  const names = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isPropertySignature(node) && node.type && ts.isTypeReferenceNode(node.type)) {
      const name = propertyName(node.name);
      if (name && !kvNames.has(name) && /^(R2Bucket|D1Database|Fetcher|DurableObjectNamespace|Queue|AnalyticsEngineDataset|VectorizeIndex|Hyperdrive|Ai|RateLimit|Service)\b/.test(node.type.getText(sf))) names.add(name);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return names;
}
