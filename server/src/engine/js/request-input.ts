// Request-input taint: does a value come from the client (body, query string, headers, route params), through
// parseInt/Number/Math.floor, `??`/`||`, consts and destructuring? Such a TTL can be anything (domain.md §G).
import { declarationOf } from './numeric-bounds';
import { accessPath, calleeName, calleeObject, propertyName, ts, unwrap, type WorkerModel } from '../parse/worker';

/** Where a request-controlled value comes from, for messages (`the x-cache-ttl header`, `the request body`). */
export interface RequestInput {
  source: string;
}

/** Calls that keep the value's origin: numeric conversions and rounding. */
const CONVERSIONS = new Set(['parseInt', 'parseFloat', 'Number', 'String', 'floor', 'round', 'trunc', 'ceil', 'min', 'abs']);
const BODY_READS = new Set(['json', 'formData', 'text']);
const HONO_INPUT: Record<string, string> = { query: 'query parameter', param: 'route parameter', header: 'header', json: 'request body', valid: 'validated request input', parseBody: 'request body' };

/** The request input an expression carries, or undefined. */
export function requestInput(expr: ts.Expression, model: WorkerModel, depth = 0): RequestInput | undefined {
  if (depth > 8) return undefined;
  const node = unwrap(expr);
  if (ts.isCallExpression(node)) return callInput(node, model, depth);
  if (ts.isPrefixUnaryExpression(node) && (node.operator === ts.SyntaxKind.PlusToken || node.operator === ts.SyntaxKind.TildeToken)) return requestInput(node.operand, model, depth + 1);
  if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    if (op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.BarToken) return requestInput(node.left, model, depth + 1);
    if (op === ts.SyntaxKind.AsteriskToken || op === ts.SyntaxKind.SlashToken) return requestInput(node.left, model, depth + 1) ?? requestInput(node.right, model, depth + 1);
    return undefined;
  }
  if (ts.isConditionalExpression(node)) return requestInput(node.whenTrue, model, depth + 1) ?? requestInput(node.whenFalse, model, depth + 1);
  if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
    const path = accessPath(node);
    if (path && path.length >= 2 && path[path.length - 2] === 'params') return { source: `the route parameter ${path[path.length - 1]}` };
    return requestInput(node.expression, model, depth + 1);
  }
  if (ts.isIdentifier(node)) return identifierInput(node, model, depth);
  return undefined;
}

function identifierInput(id: ts.Identifier, model: WorkerModel, depth: number): RequestInput | undefined {
  const decl = declarationOf(id);
  if (!decl) return undefined;
  if (ts.isVariableDeclaration(decl)) return decl.initializer ? requestInput(decl.initializer, model, depth + 1) : undefined;
  if (ts.isBindingElement(decl)) {
    const holder = decl.parent.parent;
    // `onRequest({ request, params })` → params; `const { ttl } = await request.json()` → the body.
    if (ts.isParameter(holder)) return ts.isIdentifier(decl.name) && decl.name.text === 'params' ? { source: 'the route parameters' } : undefined;
    if (ts.isVariableDeclaration(holder) && holder.initializer) {
      const inner = requestInput(holder.initializer, model, depth + 1);
      const key = decl.propertyName ? propertyName(decl.propertyName) : ts.isIdentifier(decl.name) ? decl.name.text : undefined;
      return inner && key ? { source: `${key} from ${inner.source}` } : inner;
    }
  }
  return undefined;
}

function callInput(call: ts.CallExpression, model: WorkerModel, depth: number): RequestInput | undefined {
  const name = calleeName(call) ?? '';
  const object = calleeObject(call);
  if (CONVERSIONS.has(name) && call.arguments.length > 0) {
    for (const argument of call.arguments) {
      const inner = requestInput(argument, model, depth + 1);
      if (inner) return inner;
    }
    return undefined;
  }
  // `validateRequestBody(request, Schema)`, `readJson(req)`, `parseBody(c.req)`: a helper handed the incoming request whose
  // name says it reads the body returns request input (schemas bound types, rarely the minimum a TTL needs).
  if (BODY_HELPER.test(name) && call.arguments.some((a) => isRequest(a, model) || isHonoRequest(a))) return { source: 'the request body' };
  if (!object) return undefined;
  const receiver = accessPath(object);
  if (BODY_READS.has(name) && isRequest(object, model)) return { source: 'the request body' };
  if (name === 'get' && call.arguments.length >= 1) {
    const key = model.resolver.resolveString(call.arguments[0]!)?.value;
    const label = key ? ` ${key}` : '';
    const holder = unwrap(object);
    // `new URL(request.url).searchParams.get('ttl')` has no access path, but its member name still says what it is.
    const last = ts.isPropertyAccessExpression(holder) ? holder.name.text : receiver?.[receiver.length - 1];
    if (last === 'headers' && ts.isPropertyAccessExpression(holder) && isRequest(holder.expression, model)) return { source: `the request header${label}` };
    if (last === 'searchParams' || (receiver && receiver.length === 1 && /^(query|params|searchParams|search)$/.test(receiver[0]!))) return { source: `the query parameter${label}` };
    const formOrBody = requestInput(object, model, depth + 1);
    if (formOrBody) return formOrBody;
  }
  // Hono: c.req.query('ttl'), c.req.header('x-ttl'), c.req.param('id'), c.req.json(), c.req.valid('json').
  if (receiver && receiver[receiver.length - 1] === 'req' && HONO_INPUT[name]) {
    const key = call.arguments[0] ? model.resolver.resolveString(call.arguments[0])?.value : undefined;
    return { source: `the ${HONO_INPUT[name]}${key && name !== 'valid' ? ` ${key}` : ''}` };
  }
  return undefined;
}

const BODY_HELPER = /body|json|payload|form|parse|validat/i;

function isHonoRequest(expr: ts.Expression): boolean {
  const path = accessPath(expr);
  return !!path && path.length >= 2 && path[path.length - 1] === 'req';
}

/** `request`, `req`, `event.request`, `context.request`, `c.req` (the incoming request by the names handlers use). */
function isRequest(expr: ts.Expression, model: WorkerModel): boolean {
  const path = accessPath(expr);
  if (!path) return false;
  const last = path[path.length - 1]!;
  if (path.length === 1) {
    if (last === 'request' || last === 'req') return true;
    const init = model.resolver.initializer(unwrap(expr) as ts.Identifier);
    return !!init && isNewRequestFrom(init, model);
  }
  return last === 'request' || last === 'req' || last === 'raw';
}

/** `new Request(request)` / `request.clone()` keep the client's body. */
function isNewRequestFrom(init: ts.Expression, model: WorkerModel): boolean {
  const node = unwrap(init);
  if (ts.isCallExpression(node) && calleeName(node) === 'clone') return !!calleeObject(node) && isRequest(calleeObject(node)!, model);
  return ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Request' && !!node.arguments?.[0] && isRequest(node.arguments[0], model);
}
