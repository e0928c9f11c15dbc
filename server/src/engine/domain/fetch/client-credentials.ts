// Does a subrequest carry the client's Cookie/Authorization? The incoming request (directly, through consts, copied by
// `new Request(x, request)` / `.clone()`, a helper parameter its callers fill with it, itty-router and Pages handlers),
// its headers (`request.headers`, `new Headers(request.headers)`), or a header value read from it (domain.md §E 24, A5).
import { argumentFor, callSitesOf, paramSource } from '../../js/functions';
import { requestInput } from '../../js/request-input';
import { resolveName } from '../../js/scopes';
import { calleeName, calleeObject, ts, unwrap, type WorkerModel } from '../../parse/worker';
import { incomingRequest } from '../cache-api/incoming-request';
import { routeHandlers } from '../runtime/routes';

/** How the client's credentials reach the subrequest, for messages (`of the client's request (request)`). */
export interface ForwardedCredentials {
  how: string;
  /** What carries them in the call: the input argument, or the `headers` entry of the init. */
  node: ts.Node;
}

/** A request about to be sent: its input (URL or Request) and its init options object when known. */
export interface Subrequest {
  input?: ts.Expression;
  options?: ts.ObjectLiteralExpression;
}

/** Which call sites of a helper count when its parameter is traced to its callers. */
export interface TraceOptions {
  /** A call site whose argument this accepts is skipped (the caller guards it). */
  callerGuarded?: (argument: ts.Expression) => boolean;
}

const CREDENTIAL_HEADER = /^(cookie|authorization)$/i;
const MAX_DEPTH = 5;

/**
 * The client's credentials a subrequest sends, or undefined when the code does not show that it does. `init.headers`
 * replaces the input request's headers (Fetch standard), so when the init has `headers` only what they hold counts.
 */
export function forwardedCredentials(model: WorkerModel, request: Subrequest, isPagesFunction: boolean, trace: TraceOptions = {}): ForwardedCredentials | undefined {
  const entries = request.options ? model.resolver.objectEntries(request.options) : [];
  const headers = entries.filter((entry) => entry.key === 'headers').pop();
  if (!headers) {
    const input = request.input && clientRequest(model, request.input, isPagesFunction, trace);
    return input ? { how: `of the client's request (${short(input)})`, node: request.input! } : undefined;
  }
  const fromRequest = clientHeaders(model, headers.value, isPagesFunction, trace);
  if (fromRequest) return { how: `with the client's headers (${short(fromRequest)})`, node: headers.property };
  const object = model.resolver.resolveObject(headers.value);
  // Only a value taken from the client counts: `Authorization: \`Bearer ${env.API_KEY}\`` is the Worker's own credential.
  for (const entry of object ? model.resolver.objectEntries(object) : []) {
    const source = CREDENTIAL_HEADER.test(entry.key) ? clientValue(model, entry.value) : undefined;
    if (source) return { how: `with ${short(source, 28)} as ${entry.key}`, node: entry.property };
  }
  return undefined;
}

/**
 * The incoming request behind `expr` (its text, for messages), or undefined: the handler's request, a const or copy of it
 * (`new Request(request)`, `new Request(url, request)`, `new Request(request, { method })`, `request.clone()`), a Request
 * built with its headers, an itty-router handler's first parameter, or a helper parameter a local caller fills with it.
 */
export function clientRequest(model: WorkerModel, expr: ts.Expression, isPagesFunction: boolean, trace: TraceOptions = {}): string | undefined {
  return isClientRequest(model, expr, isPagesFunction, trace, 0) ? unwrap(expr).getText(model.sf) : undefined;
}

/** The client request's headers behind `expr` (`request.headers`, `new Headers(request.headers)`, through consts), or undefined. */
export function clientHeaders(model: WorkerModel, expr: ts.Expression, isPagesFunction: boolean, trace: TraceOptions = {}): string | undefined {
  return isClientHeaders(model, expr, isPagesFunction, trace, 0);
}

function isClientRequest(model: WorkerModel, expr: ts.Expression, isPages: boolean, trace: TraceOptions, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  const node = unwrap(expr);
  if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Request') {
    const [first, init] = node.arguments ?? [];
    const headers = init && headersOption(model, init);
    if (headers) return !!isClientHeaders(model, headers, isPages, trace, depth + 1);
    if (init && !ts.isObjectLiteralExpression(unwrap(init))) return isClientRequest(model, init, isPages, trace, depth + 1);
    return !!first && !ts.isObjectLiteralExpression(unwrap(first)) && isClientRequest(model, first, isPages, trace, depth + 1);
  }
  const cloned = ts.isCallExpression(node) && calleeName(node) === 'clone' ? calleeObject(node) : undefined;
  if (cloned) return isClientRequest(model, cloned, isPages, trace, depth + 1);
  if (incomingRequest(model, node, isPages)) return true;
  if (!ts.isIdentifier(node) && !ts.isPropertyAccessExpression(node)) return false;
  const declaration = ts.isIdentifier(node) ? resolveName(node) : undefined;
  if (declaration && ts.isVariableDeclaration(declaration) && declaration.initializer) return isClientRequest(model, declaration.initializer, isPages, trace, depth + 1);
  const source = paramSource(node, model);
  if (!source) return false;
  // itty-router style `router.get('/x', (request) => …)`: the first parameter is the incoming request.
  if (source.index === 0 && source.path.length === 0 && ts.isIdentifier(node) && /^(request|req)$/.test(node.text)
    && routeHandlers(model).some((route) => route.fn === source.fn)) return true;
  // A helper's parameter: some caller in this file passes the client request (and does not guard that call).
  return callSitesOf(source.fn, model).some((args) => {
    const argument = argumentFor(args, source, model);
    return !!argument && !trace.callerGuarded?.(argument) && isClientRequest(model, argument, isPages, trace, depth + 1);
  });
}

function isClientHeaders(model: WorkerModel, expr: ts.Expression, isPages: boolean, trace: TraceOptions, depth: number): string | undefined {
  let node = model.resolver.follow(expr);
  if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Headers' && node.arguments?.[0]) node = unwrap(node.arguments[0]);
  if (!ts.isPropertyAccessExpression(node) || node.name.text !== 'headers') return undefined;
  return isClientRequest(model, node.expression, isPages, trace, depth + 1) ? node.getText(model.sf) : undefined;
}

function headersOption(model: WorkerModel, init: ts.Expression): ts.Expression | undefined {
  const object = model.resolver.resolveObject(init);
  return object ? model.resolver.objectValue(object, 'headers') : undefined;
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
