// named-code: functions and routes whose name passes a test: named functions, router calls (`app.post('/x', h)`),
// pathname checks (`if (url.pathname === '/x')`, `case '/x':`) and Pages Function routes (the file path under functions/).
import { ts, unwrap, type WorkerModel } from '../parse/worker';
import { handlers } from '../domain/runtime/handlers';
import { functionName } from '../domain/kv/kv-writes';
import { localFunction } from './functions';

/** A piece of code found by its name. */
export interface NamedCode {
  /** For messages: `function "warmCache"`, `route "/admin/warm-cache"`, `Pages Function route "/api/warm" (onRequestPost)`. */
  what: string;
  /** The node that carries the name (identifier or route string), to report on. */
  name: ts.Node;
  /** The code that runs under that name (function, `if` branch, `case` clause). */
  body: ts.Node;
}

/** All functions and routes in a file whose name (or route path) satisfies `test`, in source order. */
export function namedCode(model: WorkerModel, path: string, isPagesFunction: boolean, test: (name: string) => boolean): NamedCode[] {
  const found: NamedCode[] = [];
  const routeString = (node: ts.Node | undefined) => (node && ts.isStringLiteralLike(node) && node.text.startsWith('/') && test(node.text) ? node : undefined);
  const visit = (node: ts.Node): void => {
    const name = ts.isFunctionLike(node) && 'body' in node && node.body ? functionName(node) : undefined;
    if (name && test(name)) {
      const nameNode = (node as ts.FunctionLikeDeclaration).name ?? (node.parent as ts.VariableDeclaration).name;
      found.push({ what: `function "${name}"`, name: nameNode, body: node });
    } else if (ts.isCallExpression(node)) {
      const route = node.arguments.map(routeString).find(Boolean);
      const handler = [...node.arguments].reverse().map(unwrap).find((a) => ts.isArrowFunction(a) || ts.isFunctionExpression(a) || ts.isIdentifier(a));
      const body = handler && ts.isIdentifier(handler) ? localFunction(handler) : handler;
      if (route && body) found.push({ what: `route "${route.text}"`, name: route, body });
    } else if (ts.isIfStatement(node) || ts.isCaseClause(node)) {
      const route = ts.isCaseClause(node) ? routeString(node.expression) : findNode(node.expression, routeString);
      if (route) found.push({ what: `route "${route.text}"`, name: route, body: ts.isIfStatement(node) ? node.thenStatement : node });
    }
    ts.forEachChild(node, visit);
  };
  visit(model.sf);
  const route = isPagesFunction ? /(?:^|\/)functions\/(.+)\.[cm]?[jt]sx?$/.exec(path.replace(/\\/g, '/'))?.[1] : undefined;
  if (route && test(route)) {
    for (const handler of handlers(model, true).filter((h) => h.kind === 'fetch')) {
      const fnName = functionName(handler.fn);
      const parent = handler.fn.parent;
      const nameNode = handler.fn.name ?? (parent && ts.isVariableDeclaration(parent) ? parent.name : handler.fn);
      found.push({ what: `Pages Function route "/${route}" (${fnName ?? handler.via})`, name: nameNode, body: handler.fn });
    }
  }
  return found;
}

/** The first node in a subtree for which `test` returns a value. */
export function findNode<T extends ts.Node>(node: ts.Node, test: (n: ts.Node) => T | undefined): T | undefined {
  return test(node) ?? ts.forEachChild(node, (child) => findNode(child, test));
}
