// Does a subrequest carry the client's credentials? The incoming request forwarded as the fetch input (directly, copied,
// through a same-file helper's parameter, itty-router handlers), its headers passed on, or a Cookie/Authorization header
// set in the init; and is there a guard (a session/cookie check, or headers stripped) on the way? (domain.md §E 24, A5)
import { callSitesOf, paramSource } from '../../js/functions';
import { incomingRequest } from '../cache-api/incoming-request';
import { routeHandlers } from '../runtime/routes';
import { accessPath, calleeName, enclosingFunction, ts, unwrap, type WorkerModel } from '../../parse/worker';
import { alwaysExits } from '../../js/flow';
import { requestInput } from '../../js/request-input';
import { lastEntry, type CfOptionsSite } from './cf-options';

/** How the client's credentials reach the subrequest, for messages (`of the client's request (request)`). */
export interface ForwardedCredentials {
  how: string;
  /** What carries them in the call: the input argument, or the `headers` entry of the init. */
  node: ts.Node;
}

const CREDENTIAL_HEADER = /^(cookie|authorization)$/i;

/** The client's credentials a request site forwards, or undefined when the code does not show that it does. */
export function forwardedCredentials(model: WorkerModel, site: CfOptionsSite, isPagesFunction: boolean): ForwardedCredentials | undefined {
  const input = site.input && clientRequest(model, site.input, site.call, isPagesFunction);
  if (input) return { how: `of the client's request (${short(input)})`, node: site.input! };
  const headers = lastEntry(site.entries, 'headers');
  if (!headers) return undefined;
  const value = unwrap(headers.value);
  const fromRequest = headersOfClientRequest(model, value, site.call, isPagesFunction);
  if (fromRequest) return { how: `with the client's headers (${short(fromRequest)})`, node: headers.property };
  const object = model.resolver.resolveObject(value);
  // Only a value taken from the client counts: `Authorization: \`Bearer ${env.API_KEY}\`` is the Worker's own credential.
  for (const entry of object ? model.resolver.objectEntries(object) : []) {
    const source = CREDENTIAL_HEADER.test(entry.key) ? clientValue(model, entry.value) : undefined;
    if (source) return { how: `with ${short(source, 28)} as ${entry.key}`, node: entry.property };
  }
  return undefined;
}

/** A header value from request input (`request.headers.get('x')`, a template or `??` of it). */
function clientValue(model: WorkerModel, value: ts.Expression): string | undefined {
  const node = unwrap(value);
  const parts = ts.isTemplateExpression(node) ? node.templateSpans.map((span) => span.expression) : [node];
  for (const part of parts) {
    const input = requestInput(part, model);
    if (input) return input.source;
  }
  return undefined;
}

/** Code or a description cut to `max` characters, so messages stay short. */
function short(text: string, max = 24): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** The incoming request behind `expr` where `at` runs: directly, copied, or a helper parameter every local caller fills with it. */
function clientRequest(model: WorkerModel, expr: ts.Expression, at: ts.Node, isPagesFunction: boolean, depth = 0): string | undefined {
  const text = unwrap(expr).getText(model.sf);
  if (incomingRequest(model, expr, isPagesFunction)) return text;
  const node = unwrap(expr);
  if (ts.isIdentifier(node) && isRouteRequestParam(model, node)) return text;
  if (depth > 1) return undefined;
  const source = paramSource(expr, model);
  if (!source || source.path.length > 0 || enclosingFunction(at) !== source.fn) return undefined;
  const sites = callSitesOf(source.fn, model);
  if (sites.length === 0) return undefined;
  for (const args of sites) {
    const arg = args[source.index];
    if (!arg || !clientRequest(model, arg, arg, isPagesFunction, depth + 1) || credentialsGuarded(model, arg)) return undefined;
  }
  return text;
}

/** `(request) => …` / `(req) => …` registered on an itty-router-style router (Hono's first parameter is the context). */
function isRouteRequestParam(model: WorkerModel, id: ts.Identifier): boolean {
  if (id.text !== 'request' && id.text !== 'req') return false;
  return routeHandlers(model).some((route) => {
    const first = route.fn.parameters[0]?.name;
    return !!first && ts.isIdentifier(first) && first.text === id.text && enclosingFunction(id) === route.fn;
  });
}

/** `request.headers`, or `new Headers(request.headers)` (also behind a const). */
function headersOfClientRequest(model: WorkerModel, value: ts.Expression, at: ts.Node, isPagesFunction: boolean): string | undefined {
  let node = value;
  if (ts.isIdentifier(node)) node = unwrap(model.resolver.constInitializer(node) ?? node);
  if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Headers' && node.arguments?.[0]) node = unwrap(node.arguments[0]);
  if (!ts.isPropertyAccessExpression(node) || node.name.text !== 'headers') return undefined;
  return clientRequest(model, node.expression, at, isPagesFunction) ? node.getText(model.sf) : undefined;
}

/** Words that show a credential or session check. */
const GUARD_WORDS = /cookie|authori[sz]ation|session|\bauth|logged|credential|\btoken|\buser/i;
/** Helpers that strip or sanitise what is forwarded. */
const STRIP_CALL = /strip|sanitiz|sanitis|clean|remove|without/i;

/**
 * True when the code guards the subrequest: an enclosing `if`/`?:`/`&&` or an earlier `if (…) return` in any enclosing
 * function tests a cookie, session or authorization; or credentials are deleted or a strip helper runs in those functions.
 */
export function credentialsGuarded(model: WorkerModel, at: ts.Node): boolean {
  const { sf } = model;
  for (let child: ts.Node = at, node = at.parent; node; child = node, node = node.parent) {
    if (ts.isIfStatement(node) && child !== node.expression && GUARD_WORDS.test(node.expression.getText(sf))) return true;
    if (ts.isConditionalExpression(node) && child !== node.condition && GUARD_WORDS.test(node.condition.getText(sf))) return true;
    if (ts.isBinaryExpression(node) && child === node.right && GUARD_WORDS.test(node.left.getText(sf))) return true;
    if (ts.isBlock(node) || ts.isSourceFile(node)) {
      const statements = node.statements as ts.NodeArray<ts.Statement>;
      for (const statement of statements.slice(0, statements.indexOf(child as ts.Statement))) {
        if (ts.isIfStatement(statement) && alwaysExits(statement.thenStatement) && GUARD_WORDS.test(statement.expression.getText(sf))) return true;
      }
    }
    if (ts.isFunctionLike(node) && strips(model, node)) return true;
  }
  return false;
}

function strips(model: WorkerModel, fn: ts.Node): boolean {
  return model.calls.some((call) => {
    if (call.pos < fn.pos || call.end > fn.end) return false;
    const name = calleeName(call) ?? '';
    if (name === 'delete' && accessPath(call.expression)?.includes('headers')) {
      const header = call.arguments[0] && model.resolver.resolveString(call.arguments[0])?.value;
      return !header || CREDENTIAL_HEADER.test(header);
    }
    return STRIP_CALL.test(name) && name !== 'removeEventListener';
  });
}
