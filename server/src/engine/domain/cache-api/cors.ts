// CORS responses whose Access-Control-Allow-Origin depends on the request's Origin: itty-router cors() with a reflecting
// origin option, and hand-written ACAO values taken from `headers.get('Origin')`; plus the Vary headers a file sets.
import { calleeName, calleeObject, enclosingFunction, propertyName, ts, unwrap, type WorkerModel } from '../../parse/worker';
import { importedNames } from '../../js/package-imports';

const ACAO = 'access-control-allow-origin';

/** A place where the allowed origin is computed from the request. */
export interface ReflectedOrigin {
  /** The node to report on: the ACAO value, or the cors() call's `origin`/`credentials` option. */
  node: ts.Node;
  /** `itty-router cors({ origin: true })`, `Access-Control-Allow-Origin from headers.get('Origin')`. */
  what: string;
  kind: 'itty' | 'handwritten';
  /** For hand-written values: the property assignment or the `set`/`append`/`header` call that sets the header. */
  setter?: ts.PropertyAssignment | ts.CallExpression;
}

/** Every reflected-origin site in the file. */
export function reflectedOrigins(model: WorkerModel): ReflectedOrigin[] {
  return [...ittyCorsReflections(model), ...handwrittenReflections(model)];
}

/** `cors({ origin: true | /re/ | [...] | fn })` or `cors({ credentials: true })` with the default '*' (itty reflects then). */
function ittyCorsReflections(model: WorkerModel): ReflectedOrigin[] {
  const local = importedNames(model, /^itty-router(\/.*)?$/).get('cors');
  if (!local) return [];
  const found: ReflectedOrigin[] = [];
  for (const call of model.calls) {
    if (!ts.isIdentifier(call.expression) || call.expression.text !== local) continue;
    const options = call.arguments[0] ? model.resolver.resolveObject(call.arguments[0]) : undefined;
    const origin = options && model.resolver.objectValue(options, 'origin');
    const credentials = options && model.resolver.objectValue(options, 'credentials');
    const value = origin && unwrap(origin);
    if (value) {
      const reflects = value.kind === ts.SyntaxKind.TrueKeyword || ts.isRegularExpressionLiteral(value) || ts.isArrayLiteralExpression(value)
        || ts.isArrowFunction(value) || ts.isFunctionExpression(value);
      const constant = model.resolver.resolveString(value)?.value;
      if (reflects) found.push({ node: origin, what: `cors({ origin: ${describeOption(value, model.sf)} })`, kind: 'itty' });
      else if (constant === '*' && credentials && unwrap(credentials).kind === ts.SyntaxKind.TrueKeyword) {
        found.push({ node: credentials, what: "cors({ origin: '*', credentials: true })", kind: 'itty' });
      }
    } else if (credentials && unwrap(credentials).kind === ts.SyntaxKind.TrueKeyword) {
      found.push({ node: credentials, what: 'cors({ credentials: true })', kind: 'itty' });
    }
  }
  return found;
}

function describeOption(value: ts.Expression, sf: ts.SourceFile): string {
  if (ts.isArrowFunction(value) || ts.isFunctionExpression(value)) return 'a function';
  if (ts.isArrayLiteralExpression(value)) return 'a list';
  const text = value.getText(sf);
  return text.length > 24 ? `${text.slice(0, 23)}…` : text;
}

/** `'Access-Control-Allow-Origin': origin` or `headers.set('Access-Control-Allow-Origin', origin)` with origin from the request. */
function handwrittenReflections(model: WorkerModel): ReflectedOrigin[] {
  const found: ReflectedOrigin[] = [];
  const { resolver } = model;
  for (const property of model.properties) {
    const name = propertyName(property.name) ?? (ts.isComputedPropertyName(property.name) ? resolver.resolveString(property.name.expression)?.value : undefined);
    if (name?.toLowerCase() === ACAO && fromRequestOrigin(model, property.initializer, 0)) {
      found.push({ node: property.initializer, what: 'Access-Control-Allow-Origin from the Origin header', kind: 'handwritten', setter: property });
    }
  }
  for (const call of model.calls) {
    const method = calleeName(call);
    if ((method !== 'set' && method !== 'append' && method !== 'header') || call.arguments.length < 2) continue;
    if (resolver.resolveString(call.arguments[0]!)?.value.toLowerCase() !== ACAO) continue;
    if (fromRequestOrigin(model, call.arguments[1]!, 0)) {
      found.push({ node: call.arguments[1]!, what: 'Access-Control-Allow-Origin from the Origin header', kind: 'handwritten', setter: call });
    }
  }
  return found;
}

/** Whether a value is (or falls back to, or picks by a test on) `x.headers.get('Origin')` / `c.req.header('Origin')`. */
function fromRequestOrigin(model: WorkerModel, expr: ts.Expression, depth: number): boolean {
  if (depth > 4) return false;
  const node = unwrap(expr);
  if (ts.isBinaryExpression(node) && [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.AmpersandAmpersandToken].includes(node.operatorToken.kind)) {
    return fromRequestOrigin(model, node.left, depth + 1) || fromRequestOrigin(model, node.right, depth + 1);
  }
  if (ts.isConditionalExpression(node)) return fromRequestOrigin(model, node.whenTrue, depth + 1) || fromRequestOrigin(model, node.whenFalse, depth + 1);
  if (ts.isIdentifier(node)) {
    const init = model.resolver.initializer(node);
    return !!init && fromRequestOrigin(model, init, depth + 1);
  }
  if (!ts.isCallExpression(node) || !node.arguments[0]) return false;
  const name = calleeName(node);
  if (name !== 'get' && name !== 'header') return false;
  if (model.resolver.resolveString(node.arguments[0])?.value.toLowerCase() !== 'origin') return false;
  const object = calleeObject(node);
  const text = object ? object.getText(model.sf).replace(/\s+/g, '') : '';
  return name === 'get' ? /headers$/i.test(text) : /(^|\.)req$/.test(text);
}

/** Whether the file sets a Vary header that names Origin, or one whose value is not a constant (then stay quiet). */
export function setsVaryOrigin(model: WorkerModel, within?: ts.Node): boolean {
  const { resolver } = model;
  const inside = (node: ts.Node) => !within || (node.pos >= within.pos && node.end <= within.end);
  const namesOrigin = (value: ts.Expression) => {
    const resolved = resolver.resolveString(value)?.value;
    return resolved === undefined || /(^|,)\s*(origin|\*)\s*(,|$)/i.test(resolved);
  };
  for (const property of model.properties) {
    if (inside(property) && propertyName(property.name)?.toLowerCase() === 'vary' && namesOrigin(property.initializer)) return true;
  }
  return model.calls.some((call) => inside(call) && ['set', 'append', 'header'].includes(calleeName(call) ?? '') && call.arguments.length >= 2
    && resolver.resolveString(call.arguments[0]!)?.value.toLowerCase() === 'vary' && namesOrigin(call.arguments[1]!));
}

/** The function holding a node, or the file. */
export function holderOf(node: ts.Node): ts.Node {
  return enclosingFunction(node) ?? node.getSourceFile();
}
