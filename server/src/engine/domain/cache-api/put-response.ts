// The status and headers a Response statically has at the moment it reaches one call (e.g. cache.put), following
// `.clone()`, `const copy = res.clone()`, headers.set/append that always run before, and headers.delete.
import { calleeName, calleeObject, enclosingFunction, ts, unwrap, type WorkerModel } from '../../parse/worker';
import { assignmentsTo, flowsTo } from '../../js/flow';
import { declaringScope } from '../../js/scopes';
import { describeResponse, headerCalls, type KnownHeader, type ResponseFacts } from './responses';

/** What is known about a response where it is used. */
export interface ResponseAtCall {
  facts: ResponseFacts;
  /** The status and the node that sets it, when the response is constructed here with a constant status. */
  status?: { value: number; node: ts.Node };
  /** Headers present at the call, in order: the constructor's, then set/append calls that run on every path before it. */
  headers: KnownHeader[];
}

/**
 * Describes the response `expr` when `at` runs. Undefined when it comes from fetch()/cache.match() (unknown headers) or
 * the variable is reassigned in the function (the initializer may not be what reaches `at`).
 */
export function responseAt(model: WorkerModel, expr: ts.Expression, at: ts.Node): ResponseAtCall | undefined {
  const { sf } = model;
  let node = stripClone(unwrap(expr));
  const variables: ts.Identifier[] = [];
  for (let depth = 0; ts.isIdentifier(node) && depth < 3; depth++) {
    // The declaring scope when it is inside the function: the whole function per put is quadratic in the number of puts.
    const fn = enclosingFunction(at) ?? sf;
    const declared = declaringScope(node);
    const scope = declared && declared.pos >= fn.pos && declared.end <= fn.end ? declared : fn;
    const assignments = assignmentsTo(scope, node);
    variables.push(node);
    if (assignments.length > 0) {
      // `let res = await cache.match(k); if (!res) { res = new Response(…); cache.put(k, res) }`: follow the assignment
      // that reaches `at` on every path; any other reassignment leaves the value unknown.
      const reaching = reachingAssignment(assignments, at, sf);
      if (!reaching) return undefined;
      node = stripClone(unwrap(reaching.right));
      break;
    }
    const init = model.resolver.initializer(node);
    const inner = init && stripClone(unwrap(init));
    if (!inner || inner === unwrap(init!)) break;
    node = inner;
  }
  const base = node;
  const facts = describeResponse(model, base);
  if (facts.origin === 'fetched' || facts.origin === 'cache-match') return undefined;
  const all = [...facts.headers];
  for (const variable of variables) if (variable !== base) all.push(...describeResponse(model, variable).headers);
  const deletes = deletions(model, variables, at);
  const headers = all.filter((header) => {
    const mutation = mutationCall(header);
    if (mutation && !flowsTo(mutation, at, sf, { always: true })) return false;
    const from = mutation ? mutation.getStart(sf) : -1;
    return !deletes.some((d) => d.name === header.name && d.position > from);
  });
  return { facts, status: statusOf(model, facts), headers };
}

/** The value of the last header with this (lower-case) name that is present, if any. */
export function lastHeader(headers: KnownHeader[], name: string): KnownHeader | undefined {
  return headers.filter((h) => h.name === name).pop();
}

/** The last assignment before `at`, when it runs on every path to `at` (so it is the value `at` sees). */
function reachingAssignment(assignments: ts.BinaryExpression[], at: ts.Node, sf: ts.SourceFile): ts.BinaryExpression | undefined {
  const before = assignments.filter((a) => a.end <= at.getStart(sf));
  const last = before[before.length - 1];
  return last && last.operatorToken.kind === ts.SyntaxKind.EqualsToken && flowsTo(last, at, sf, { always: true }) ? last : undefined;
}

function stripClone(node: ts.Expression): ts.Expression {
  if (ts.isCallExpression(node) && calleeName(node) === 'clone' && node.arguments.length === 0) {
    const object = calleeObject(node);
    if (object) return unwrap(object);
  }
  return node;
}

/** The `headers.set|append(name, value)` call that produced a header, if it came from one. */
function mutationCall(header: KnownHeader): ts.CallExpression | undefined {
  const parent = header.node.parent;
  return parent && ts.isCallExpression(parent) && parent.arguments[1] === header.node ? parent : undefined;
}

/** `v.headers.delete(name)` calls that may run before `at` (a conditional delete counts, to stay quiet). */
function deletions(model: WorkerModel, variables: ts.Identifier[], at: ts.Node): { name: string; position: number }[] {
  const found: { name: string; position: number }[] = [];
  for (const call of [...new Set(variables.map((v) => v.text))].flatMap((name) => headerCalls(model, name, ['delete']))) {
    if (!call.arguments[0]) continue;
    const name = model.resolver.resolveString(call.arguments[0])?.value;
    if (name && flowsTo(call, at, model.sf)) found.push({ name: name.toLowerCase(), position: call.getStart(model.sf) });
  }
  return found;
}

function statusOf(model: WorkerModel, facts: ResponseFacts): ResponseAtCall['status'] {
  if (facts.status === undefined || !facts.creation) return undefined;
  const creation = facts.creation;
  const init = (ts.isNewExpression(creation) || ts.isCallExpression(creation)) ? creation.arguments?.[1] : undefined;
  const obj = init && model.resolver.resolveObject(init);
  const node = obj && model.resolver.objectValue(obj, 'status');
  return node ? { value: facts.status, node } : undefined;
}
