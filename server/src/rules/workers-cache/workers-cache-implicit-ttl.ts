// workers-cache-implicit-ttl: with Workers Cache on, a response the fetch handler builds with no Cache-Control/Expires is
// still cached (200 for 2 h, 404 for 3 min…), under a key that ignores Cookie and Authorization (domain.md A6, §E 26).
import { implicitTtlResponse, type ImplicitTtlResponse } from '../../engine/domain/runtime/implicit-ttl';
import { handlers } from '../../engine/domain/runtime/handlers';
import { returnedExpressions } from '../../engine/domain/runtime/returned-responses';
import { routeHandlers } from '../../engine/domain/runtime/routes';
import { requestMethod } from '../../engine/domain/cache-api/request-method';
import { defineRule } from '../../engine/define-rule';
import type { Fix } from '../../engine/types';
import { enclosingFunction, ts, type WorkerModel } from '../../engine/parse/worker';

const NO_STORE = `'Cache-Control': 'no-store'`;

export default defineRule({
  id: 'workers-cache-implicit-ttl',
  description: 'With Workers Cache enabled, a Worker response without Cache-Control is still cached for a heuristic TTL.',
  defaultSeverity: 'warn',
  fixable: false,
  hasSuggestions: true,
  kinds: ['worker'],
  defaultOptions: {},
  messages: {
    implicit: 'This {{status}} has no Cache-Control: Workers Cache (cache.enabled) stores it for {{ttl}} by heuristic.',
    readsCookies: 'This {{status}} reads cookies but has no Cache-Control: Workers Cache serves it to everyone for {{ttl}}.',
  },
  mayApply: (text, facts) => facts.cacheEnabled && !facts.isPagesFunction && /\bResponse\b|itty-router/.test(text),
  check(context) {
    const { facts } = context;
    if (!facts.cacheEnabled || facts.isPagesFunction) return;
    const model = context.worker();
    const reported = new Set<ts.Node>();
    for (const { fn, request } of entryFunctions(model)) {
      for (const expr of returnedExpressions(fn)) {
        const response = implicitTtlResponse(model, expr);
        if (!response || reported.has(response.creation)) continue;
        const method = request && requestMethod(model, request, expr);
        if (method && method.method !== 'HEAD') continue;
        reported.add(response.creation);
        const cookies = readsCookies(model, fn) || readsCookies(model, enclosingFunction(response.creation));
        const suggestion = noStoreSuggestion(model, response);
        context.report({
          start: response.creation.getStart(model.sf), end: response.creation.end, messageId: cookies ? 'readsCookies' : 'implicit',
          data: { status: response.status, ttl: duration(response.ttl) }, ...(suggestion ? { suggestions: [suggestion] } : {}),
        });
      }
    }
  },
});

/** Module/class/service-worker fetch handlers, and GET routes of routers without middleware (`use`), with their request. */
function entryFunctions(model: WorkerModel): { fn: ts.FunctionLikeDeclaration; request?: ts.Identifier }[] {
  const result: { fn: ts.FunctionLikeDeclaration; request?: ts.Identifier }[] = [];
  for (const handler of handlers(model, false)) {
    if (handler.kind !== 'fetch') continue;
    const first = handler.fn.parameters[0]?.name;
    result.push({ fn: handler.fn, request: first && ts.isIdentifier(first) && !handler.via.startsWith('addEventListener') ? first : undefined });
  }
  const routes = routeHandlers(model);
  if (routes.some((route) => route.method === 'use')) return result;
  for (const route of routes) if (route.method === 'get' || route.method === 'all') result.push({ fn: route.fn });
  return result;
}

function readsCookies(model: WorkerModel, fn: ts.Node | undefined): boolean {
  return !!fn && /cookie/i.test(fn.getText(model.sf));
}

function duration(seconds: number): string {
  return seconds >= 3600 ? `${seconds / 3600} h` : seconds >= 60 ? `${seconds / 60} min` : `${seconds} s`;
}

/** Adds `'Cache-Control': 'no-store'` to the init: a new init, a `headers` entry, or an entry in an inline headers object. */
function noStoreSuggestion(model: WorkerModel, response: ImplicitTtlResponse): Fix | undefined {
  const creation = response.creation;
  if (!ts.isNewExpression(creation) && !ts.isCallExpression(creation)) return undefined;
  const args = creation.arguments ?? [];
  const title = `Add Cache-Control: no-store`;
  const edit = (start: number, end: number, text: string): Fix => ({ title, edits: [{ start, end, text }] });
  if (args.length === 0) {
    const close = creation.end - 1;
    return model.sf.text[close] === ')' ? edit(close, close, `null, { headers: { ${NO_STORE} } }`) : undefined;
  }
  if (args.length === 1) return edit(args[0]!.end, args[0]!.end, `, { headers: { ${NO_STORE} } }`);
  const init = args[1]!;
  if (!ts.isObjectLiteralExpression(init)) return undefined;
  const headers = init.properties.find((p) => p.name && ts.isIdentifier(p.name) && p.name.text === 'headers');
  if (!headers) {
    const first = init.properties[0];
    return first ? edit(first.getStart(model.sf), first.getStart(model.sf), `headers: { ${NO_STORE} }, `)
      : edit(init.getStart(model.sf), init.end, `{ headers: { ${NO_STORE} } }`);
  }
  if (!ts.isPropertyAssignment(headers) || !ts.isObjectLiteralExpression(headers.initializer)) return undefined;
  const object = headers.initializer;
  const first = object.properties[0];
  return first ? edit(first.getStart(model.sf), first.getStart(model.sf), `${NO_STORE}, `) : edit(object.getStart(model.sf), object.end, `{ ${NO_STORE} }`);
}
