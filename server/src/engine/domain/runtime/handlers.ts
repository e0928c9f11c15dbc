// Finds Worker entry points: module `fetch`/`scheduled` handlers, service-worker listeners, Pages Functions, and
// same-file functions they call (so a cron that calls `warmCache(env)` is followed into `warmCache`).
import { calleeName, propertyName, ts, unwrap, type WorkerModel } from '../../parse/worker';
import { memoByModelAnd } from '../../memo';
import { localFunction } from '../../js/functions';

/** An entry point of the Worker. */
export interface Handler {
  kind: 'fetch' | 'scheduled';
  fn: ts.FunctionLikeDeclaration;
  /** How it was declared, for messages. */
  via: string;
}


/** All `fetch` and `scheduled` handlers in a file (memoised by model and the Pages flag). */
export const handlers = memoByModelAnd(findHandlers);

function findHandlers(model: WorkerModel, isPagesFunction: boolean): Handler[] {
  const result: Handler[] = [];
  const { sf, resolver } = model;
  const fromObject = (obj: ts.ObjectLiteralExpression | ts.ClassLikeDeclaration, via: string) => {
    const members: readonly ts.Node[] = ts.isObjectLiteralExpression(obj) ? obj.properties : obj.members;
    for (const member of members) {
      const name = propertyName((member as ts.ObjectLiteralElementLike | ts.ClassElement).name);
      if (name !== 'fetch' && name !== 'scheduled') continue;
      const fn = ts.isMethodDeclaration(member) ? member
        : ts.isPropertyAssignment(member) && (ts.isFunctionExpression(unwrap(member.initializer)) || ts.isArrowFunction(unwrap(member.initializer)))
          ? unwrap(member.initializer) as ts.FunctionLikeDeclaration : undefined;
      if (fn) result.push({ kind: name, fn, via: `${via} ${name}()` });
    }
  };
  for (const statement of sf.statements) {
    if (ts.isExportAssignment(statement) && !statement.isExportEquals) {
      const target = resolver.follow(statement.expression);
      if (ts.isObjectLiteralExpression(target)) fromObject(target, 'export default');
      else if (ts.isClassExpression(target)) fromObject(target, 'export default class');
      else if (ts.isIdentifier(target)) {
        const cls = sf.statements.find((s): s is ts.ClassDeclaration => ts.isClassDeclaration(s) && s.name?.text === target.text);
        if (cls) fromObject(cls, 'export default class');
      }
    } else if (ts.isClassDeclaration(statement) && statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)) {
      fromObject(statement, 'export default class');
    }
    if (isPagesFunction) {
      const exported = ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
      if (exported && ts.isFunctionDeclaration(statement) && statement.name && /^onRequest/.test(statement.name.text)) {
        result.push({ kind: 'fetch', fn: statement, via: `Pages Function ${statement.name.text}` });
      }
      if (exported && ts.isVariableStatement(statement)) {
        for (const decl of statement.declarationList.declarations) {
          const init = decl.initializer && unwrap(decl.initializer);
          if (ts.isIdentifier(decl.name) && /^onRequest/.test(decl.name.text) && init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) {
            result.push({ kind: 'fetch', fn: init, via: `Pages Function ${decl.name.text}` });
          }
        }
      }
    }
  }
  for (const call of model.calls) {
    if (calleeName(call) !== 'addEventListener' || call.arguments.length < 2) continue;
    const type = resolver.resolveString(call.arguments[0]!)?.value;
    const listener = unwrap(call.arguments[1]!);
    if ((type === 'fetch' || type === 'scheduled') && (ts.isArrowFunction(listener) || ts.isFunctionExpression(listener))) {
      result.push({ kind: type, fn: listener, via: `addEventListener('${type}')` });
    }
  }
  return result;
}

/** Same-file function declarations (or const arrow functions) called from `fn`, transitively up to `depth` levels. */
export function calledFunctions(model: WorkerModel, fn: ts.Node, depth = 3): ts.FunctionLikeDeclaration[] {
  const found: ts.FunctionLikeDeclaration[] = [];
  const seen = new Set<ts.Node>([fn]);
  let frontier: ts.Node[] = [fn];
  for (let level = 0; level < depth && frontier.length > 0; level++) {
    const next: ts.Node[] = [];
    for (const scope of frontier) {
      for (const call of model.calls) {
        if (call.getStart(model.sf) < scope.getStart(model.sf) || call.end > scope.end) continue;
        const callee = unwrap(call.expression);
        if (!ts.isIdentifier(callee)) continue;
        const target = localFunction(callee);
        if (target && !seen.has(target)) {
          seen.add(target);
          found.push(target);
          next.push(target);
        }
      }
    }
    frontier = next;
  }
  return found;
}

