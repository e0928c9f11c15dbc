// hono-cache-middleware: Hono's cache() keyed by URL on routes that read the user's identity or sit behind auth that runs
// after it (one user's response served to others, or served without auth), and `vary: '*'`, which throws (A12).
import { chainFunction, chainsUnder, honoCacheMounts, identityRead, type HonoCacheMount } from '../../engine/domain/cache-api/hono-cache';
import { importedNames } from '../../engine/js/package-imports';
import { codeCacheControlSites } from '../../engine/domain/cache-control/cc-sites';
import { defineRule } from '../../engine/define-rule';
import { calleeName, ts, unwrap, type WorkerModel } from '../../engine/parse/worker';

const NO_STORE = new Set(['private', 'no-store', 'no-cache']);
const COOKIE_SETTERS = new Set(['setCookie', 'setSignedCookie', 'deleteCookie']);

export default defineRule({
  id: 'hono-cache-middleware',
  description: "Hono's cache() must not cache per-user responses or run before auth middleware, and its vary option cannot contain '*'.",
  defaultSeverity: 'warn',
  messageSeverities: { varyStar: 'error' },
  fixable: false,
  hasSuggestions: false,
  kinds: ['worker'],
  defaultOptions: {},
  messages: {
    varyStar: 'cache() throws at startup: its vary option contains \'*\'.',
    sharedIdentity: "cache() on {{mount}} keys by URL, but {{route}} reads {{identity}}: users get each other's responses.",
    sharedVariant: 'cache() on {{mount}} keys by URL, but {{route}} reads {{identity}}: every client gets the first variant.',
    authAfterCache: 'cache() on {{mount}} runs before {{auth}}: cached responses skip authentication.',
  },
  mayApply: (text) => text.includes('hono/cache'),
  check(context) {
    const model = context.worker();
    const { sf } = model;
    const mounts = honoCacheMounts(model);
    if (mounts.length === 0) return;
    const cookieReaders = new Set([...importedNames(model, /^hono\/cookie$/)].filter(([name]) => name === 'getCookie' || name === 'getSignedCookie').map(([, local]) => local));
    const auth = new Map([...importedNames(model, /^hono\/(jwt|jwk|bearer-auth|basic-auth)$/)].filter(([name]) => /^(jwt|jwk|bearerAuth|basicAuth)$/.test(name)).map(([name, local]) => [local, name]));
    for (const mount of mounts) {
      const vary = mount.options && model.resolver.objectValue(mount.options, 'vary');
      if (vary && varyHasStar(model, vary)) {
        context.report({ start: vary.getStart(sf), end: vary.end, messageId: 'varyStar' });
      }
      if (mount.options && model.resolver.objectValue(mount.options, 'keyGenerator')) continue;
      const finding = shareFinding(model, mount, cookieReaders, auth);
      if (!finding) continue;
      const at = { start: mount.call.expression.getStart(sf), end: mount.call.expression.end };
      if (finding.kind === 'auth') context.report({ ...at, messageId: 'authAfterCache', data: { mount: mount.mount.via, auth: finding.what } });
      else {
        const messageId = /Accept/.test(finding.what) ? 'sharedVariant' : 'sharedIdentity';
        context.report({ ...at, messageId, data: { mount: mount.mount.via, route: finding.route, identity: finding.what } });
      }
    }
  },
});

/** The first auth middleware after cache(), or the first handler under it that reads identity without opting out. */
function shareFinding(model: WorkerModel, mount: HonoCacheMount, cookieReaders: ReadonlySet<string>, auth: ReadonlyMap<string, string>):
  { kind: 'auth'; what: string } | { kind: 'identity'; what: string; route: string } | undefined {
  for (const { registration, rest } of chainsUnder(model, mount)) {
    for (const arg of rest) {
      const node = unwrap(arg);
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && auth.has(node.expression.text)) {
        return { kind: 'auth', what: `${node.expression.text}() (${registration.via})` };
      }
      // Middleware (`use`) often reads a session for every route; only route handlers show that a response is per user.
      const fn = registration.method === 'use' ? undefined : chainFunction(arg);
      if (!fn || optsOut(model, fn)) continue;
      const identity = identityRead(model, fn, cookieReaders);
      if (identity) return { kind: 'identity', what: identity, route: registration.via };
    }
  }
  return undefined;
}

/** Hono skips caching responses with private/no-store/no-cache or Set-Cookie; a handler that sets them opts out. */
function optsOut(model: WorkerModel, fn: ts.Node): boolean {
  const inside = (node: ts.Node) => node.pos >= fn.pos && node.end <= fn.end;
  if (codeCacheControlSites(model).some((site) => site.node && inside(site.node) && site.parsed.directives.some((d) => NO_STORE.has(d.key)))) return true;
  return model.calls.some((call) => inside(call) && (COOKIE_SETTERS.has(calleeName(call) ?? '')
    || (calleeName(call) === 'header' && call.arguments[0] && model.resolver.resolveString(call.arguments[0])?.value.toLowerCase() === 'set-cookie')));
}

/** `vary: '*'`, `vary: 'Accept, *'` or `vary: ['*']`: Hono's cache() throws when the option includes '*'. */
function varyHasStar(model: WorkerModel, vary: ts.Expression): boolean {
  const node = unwrap(vary);
  if (ts.isArrayLiteralExpression(node)) return node.elements.some((e) => model.resolver.resolveString(e)?.value === '*');
  return model.resolver.resolveString(node)?.value.includes('*') ?? false;
}
