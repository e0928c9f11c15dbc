// The code a Cron Trigger runs: scheduled() handlers (module, classes incl. named WorkerEntrypoint, addEventListener) and
// the same-file functions and `this.method()`s they call, each with a label for messages.
import { propertyName, ts, unwrap, type WorkerModel } from '../../parse/worker';
import type { FileFacts } from '../../project/facts';
import { calledFunctions, handlers } from './handlers';
import { functionName } from '../kv/kv-writes';
import { memoByModelAnd } from '../../memo';

/** A function that runs during a scheduled (cron) invocation. */
export interface CronScope {
  fn: ts.FunctionLikeDeclaration;
  /** For messages: `scheduled()` or `warmCache() (called from scheduled())`. */
  where: string;
  /** The function's own name when it has one (`warmCache`), for intent evidence. */
  name?: string;
}


/** All functions run by scheduled handlers in this file, handlers first. */
export const cronScopes = memoByModelAnd(findCronScopes);

function findCronScopes(model: WorkerModel, facts: FileFacts): CronScope[] {
  const roots = new Map<ts.Node, string>();
  for (const h of handlers(model, facts.isPagesFunction)) if (h.kind === 'scheduled') roots.set(h.fn, h.via);
  for (const cls of model.classes) {
    if (!cls.heritageClauses?.some((clause) => /\bWorkerEntrypoint\b/.test(clause.getText(model.sf)))) continue;
    for (const member of cls.members) {
      if (ts.isMethodDeclaration(member) && member.body && propertyName(member.name) === 'scheduled' && !roots.has(member)) {
        roots.set(member, `${cls.name?.text ?? 'class'} scheduled()`);
      }
    }
  }
  const result: CronScope[] = [];
  const seen = new Set<ts.Node>();
  for (const [fn, via] of roots) {
    const handler = fn as ts.FunctionLikeDeclaration;
    seen.add(handler);
    result.push({ fn: handler, where: via, name: 'scheduled' });
    let frontier: ts.FunctionLikeDeclaration[] = [handler];
    for (let depth = 0; depth < 3 && frontier.length > 0; depth++) {
      const next: ts.FunctionLikeDeclaration[] = [];
      for (const scope of frontier) {
        for (const callee of [...calledFunctions(model, scope, 1), ...thisMethodsCalled(model, scope, handler)]) {
          if (seen.has(callee)) continue;
          seen.add(callee);
          const name = functionName(callee);
          result.push({ fn: callee, where: `${name ?? 'a function'}() (called from ${via})`, name });
          next.push(callee);
        }
      }
      frontier = next;
    }
  }
  return result;
}

/** The innermost cron scope that contains a node, if any. */
export function cronScopeOf(scopes: CronScope[], node: ts.Node): CronScope | undefined {
  let best: CronScope | undefined;
  for (const scope of scopes) {
    if (node.pos < scope.fn.pos || node.end > scope.fn.end) continue;
    if (!best || (scope.fn.pos >= best.fn.pos && scope.fn.end <= best.fn.end)) best = scope;
  }
  return best;
}

/** Methods of the handler's own object literal or class called as `this.name()` inside `scope`. */
function thisMethodsCalled(model: WorkerModel, scope: ts.Node, handler: ts.FunctionLikeDeclaration): ts.FunctionLikeDeclaration[] {
  const container = ts.isPropertyAssignment(handler.parent) ? handler.parent.parent : handler.parent;
  if (!container || !(ts.isObjectLiteralExpression(container) || ts.isClassLike(container))) return [];
  const members: readonly ts.Node[] = ts.isObjectLiteralExpression(container) ? container.properties : container.members;
  const found: ts.FunctionLikeDeclaration[] = [];
  for (const call of model.calls) {
    if (call.pos < scope.pos || call.end > scope.end) continue;
    const callee = unwrap(call.expression);
    if (!ts.isPropertyAccessExpression(callee) || callee.expression.kind !== ts.SyntaxKind.ThisKeyword) continue;
    for (const member of members) {
      const name = propertyName((member as ts.ObjectLiteralElementLike | ts.ClassElement).name);
      if (name !== callee.name.text) continue;
      const fn = ts.isMethodDeclaration(member) ? member
        : ts.isPropertyAssignment(member) || ts.isPropertyDeclaration(member) ? member.initializer && unwrap(member.initializer) : undefined;
      if (fn && (ts.isMethodDeclaration(fn) || ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && fn.body) found.push(fn);
    }
  }
  return found;
}
