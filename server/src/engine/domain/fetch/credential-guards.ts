// Is a subrequest that forwards the client's credentials guarded? Two notions, one per rule: cf-cache-personalized needs
// a guard around the fetch itself; cc-override-origin-private needs any look at privacy on the way (domain.md §E 24).
import { callsNamed } from '../../js/functions';
import { guardedByCondition } from '../../js/flow';
import { accessPath, calleeName, enclosingFunction, ts, type WorkerModel } from '../../parse/worker';
import { calledFunctions } from '../runtime/handlers';

const CREDENTIAL_HEADER = /^(cookie|authorization)$/i;
/** Words that show a credential or session check. */
const GUARD_WORDS = /cookie|authori[sz]ation|session|\bauth|logged|credential|\btoken|\buser/i;
/** Helpers that strip or sanitise what is forwarded. */
const STRIP_CALL = /strip|sanitiz|sanitis|clean|remove|without/i;

/**
 * For cf-cache-personalized (an edge TTL the code sets on the subrequest): true when the code keeps credentials away from
 * that cached fetch: an enclosing `if`/`?:`/`&&` or an earlier `if (…) return` in any enclosing function tests a cookie,
 * session or authorization; or credentials are deleted or a strip helper runs in those functions. Checking the origin's
 * response does not help here: with cf.cacheTtl Cloudflare caches it before the Worker sees it.
 */
export function credentialsGuarded(model: WorkerModel, at: ts.Node): boolean {
  return guardedByCondition(at, (condition) => GUARD_WORDS.test(condition.getText(model.sf)), (node) => ts.isFunctionLike(node) && strips(model, node));
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

const PRIVACY_HEADERS = new Set(['cookie', 'authorization', 'set-cookie', 'cache-control']);
const COOKIE_HELPERS = new Set(['getCookie', 'getSignedCookie', 'parseCookies', 'parseCookie']);
const LOOK_NAMES = new Set([...COOKIE_HELPERS, 'get', 'has', 'delete', 'header']);

/**
 * For cc-override-origin-private (the Worker overrides the origin's Cache-Control after the fetch): true when the code
 * looks at privacy in a function that `nodes` sit in, their callers in this file, or a local function those call:
 * `headers.get|has|delete` of Cookie, Authorization, Set-Cookie or Cache-Control (outside `console.*`), or a cookie helper.
 * Unlike credentialsGuarded, reading the origin's Cache-Control/Set-Cookie counts: the response passes through the Worker.
 * Lenient on purpose: any such look counts, since the rule reports only when there is none.
 */
export function looksAtPrivacy(model: WorkerModel, nodes: ts.Node[]): boolean {
  const scopes = new Set<ts.Node>();
  for (const node of nodes) {
    const fn = enclosingFunction(node);
    if (!fn) {
      scopes.add(model.sf);
      continue;
    }
    scopes.add(fn);
    for (const outer of enclosingFunctions(fn)) scopes.add(outer);
    for (const site of callerFunctions(model, fn)) scopes.add(site);
  }
  for (const scope of [...scopes]) for (const called of calledFunctions(model, scope, 2)) scopes.add(called);
  const looks = [...LOOK_NAMES].flatMap((name) => callsNamed(model, name));
  return looks.some((call) => [...scopes].some((scope) => scope.pos <= call.pos && call.end <= scope.end) && isPrivacyLook(model, call));
}

function isPrivacyLook(model: WorkerModel, call: ts.CallExpression): boolean {
  const name = calleeName(call);
  if (name && COOKIE_HELPERS.has(name)) return true;
  if ((name !== 'get' && name !== 'has' && name !== 'delete' && name !== 'header') || !call.arguments[0]) return false;
  const header = model.resolver.resolveString(call.arguments[0])?.value.toLowerCase();
  if (!header || !PRIVACY_HEADERS.has(header)) return false;
  if (name === 'header' && call.arguments.length > 1) return false; // Hono c.header(name, value) writes
  // Deleting the request's Cookie/Authorization is a look; deleting the origin's Set-Cookie is not (the body stays private).
  if (name === 'delete' && header !== 'cookie' && header !== 'authorization') return false;
  for (let node: ts.Node | undefined = call.parent; node && !ts.isFunctionLike(node); node = node.parent) {
    if (ts.isCallExpression(node) && accessPath(node.expression)?.[0] === 'console') return false;
  }
  return true;
}

function enclosingFunctions(fn: ts.Node): ts.Node[] {
  const found: ts.Node[] = [];
  for (let outer = enclosingFunction(fn); outer; outer = enclosingFunction(outer)) found.push(outer);
  return found;
}

/** Functions containing a call to `fn` (one level up). */
function callerFunctions(model: WorkerModel, fn: ts.FunctionLikeDeclaration): ts.Node[] {
  const name = fn.name && ts.isIdentifier(fn.name) ? fn.name.text
    : ts.isVariableDeclaration(fn.parent) && ts.isIdentifier(fn.parent.name) ? fn.parent.name.text : undefined;
  if (!name) return [];
  return callsNamed(model, name).map((call) => enclosingFunction(call) ?? model.sf);
}
