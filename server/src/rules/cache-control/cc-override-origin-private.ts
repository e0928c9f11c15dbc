// cc-override-origin-private: public caching forced on a response fetched with the client's Cookie/Authorization (its
// Cache-Control overwritten, or cf.cacheTtl), with no look at the origin's private/no-store/Set-Cookie or the credentials.
import type { CcDirective } from '../../engine/parse/cache-control';
import { forwardedCredentials } from '../../engine/domain/fetch/client-credentials';
import { looksAtPrivacy } from '../../engine/domain/fetch/credential-guards';
import { inheritedHeaders, responseSource } from '../../engine/domain/cache-control/inherited-headers';
import type { CacheControlSite } from '../../engine/domain/cache-control/cc-sites';
import { edgeContext, reachesEdge } from '../../engine/domain/cache-control/edge-context';
import { defineRule } from '../../engine/define-rule';
import { calleeName, calleeObject, propertyName, ts, unwrap, type WorkerModel } from '../../engine/parse/worker';
import type { Fix } from '../../engine/types';
import { mentionsCacheControl } from '../../engine/filters/text-tests';

export default defineRule({
  id: 'cc-override-origin-private',
  description: 'Forcing public caching on a response fetched with the client\'s Cookie/Authorization, without checking that the origin marked it private, serves one user\'s response to others.',
  defaultSeverity: 'error',
  fixable: false,
  hasSuggestions: true,
  kinds: ['worker'],
  defaultOptions: {},
  messages: {
    override: "'{{member}}' makes a response fetched with the client's cookies shared-cacheable; nothing checks it is private.",
    cfTtl: "cf.{{option}} caches a response fetched with the client's cookies for everyone; nothing checks it is private.",
  },
  mayApply: (text) => /\bfetch\b/.test(text) && (mentionsCacheControl(text) || /\bcacheTtl/.test(text)),
  check(context) {
    const model = context.worker();
    const pages = context.facts.isPagesFunction;
    for (const site of context.cacheControlSites()) {
      // max-age alone is shared only where a cache stores the Worker's response; public/s-maxage say "shared" anywhere.
      const member = publicMember(site, reachesEdge(edgeContext(site, context.facts, model)));
      if (!member || !site.node || staticAsset(model, site.node)) continue;
      const target = overriddenFetch(model, site.node);
      if (!target || !forwardsCredentials(model, target.fetchCall, pages) || looksAtPrivacy(model, [site.node, target.fetchCall])) continue;
      context.report({
        start: site.start, end: site.end, messageId: 'override', data: { member: site.value.slice(member.start, member.end) },
        suggestions: target.setCall ? guardSuggestion(model, target.setCall) : undefined,
      });
    }
    for (const call of model.calls) {
      if (calleeName(call) !== 'fetch' || call.arguments.length < 2) continue;
      const option = forcedTtl(model, call.arguments[1]!);
      if (!option || staticAsset(model, call) || !forwardsCredentials(model, call, pages) || looksAtPrivacy(model, [call])) continue;
      context.report({ start: option.node.getStart(model.sf), end: option.node.end, messageId: 'cfTtl', data: { option: option.name } });
    }
  },
});

/** True when `fetch(input, init)` sends the client's Cookie/Authorization upstream (silent when the init is not known). */
function forwardsCredentials(model: WorkerModel, call: ts.CallExpression, pages: boolean): boolean {
  const [input, init] = call.arguments;
  const options = init && model.resolver.resolveObject(init);
  if (!input || (init && !options)) return false;
  return !!forwardedCredentials(model, { input, options }, pages);
}

/** The member that allows shared caching: `public`, `s-maxage>0` or `max-age>0`, when no `private`/`no-store`/`no-cache` limits it. */
function publicMember(site: CacheControlSite, stored: boolean): CcDirective | undefined {
  const directives = site.parsed.directives;
  if (directives.some((d) => (d.key === 'private' && d.value === undefined) || d.key === 'no-store' || (d.key === 'no-cache' && d.value === undefined))) return undefined;
  return directives.find((d) => d.key === 'public')
    ?? directives.find((d) => (d.key === 's-maxage' || (stored && d.key === 'max-age')) && /^\d+$/.test(d.value ?? '') && Number(d.value) > 0);
}

/** File extensions of static files: responses for them are the same for everyone. */
const STATIC_FILE = /[.|(:]\s*(css|js|mjs|png|jpe?g|gif|svg|webp|avif|ico|woff2?|ttf|otf|eot|mp4|webm|wasm)\b/i;

/**
 * True when the code serves static files here: an enclosing `if`/`?:` tests file extensions, or the enclosing function
 * (or a caller's condition around its call) says asset/static. Such responses are the same for every user.
 */
function staticAsset(model: WorkerModel, node: ts.Node): boolean {
  const { sf } = model;
  for (let child: ts.Node = node, current = node.parent; current; child = current, current = current.parent) {
    if (ts.isIfStatement(current) && child !== current.expression && STATIC_FILE.test(current.expression.getText(sf))) return true;
    if (ts.isConditionalExpression(current) && child !== current.condition && STATIC_FILE.test(current.condition.getText(sf))) return true;
    if (ts.isFunctionLike(current)) {
      const fn = current as ts.FunctionLikeDeclaration;
      const name = fn.name && ts.isIdentifier(fn.name) ? fn.name.text
        : ts.isVariableDeclaration(fn.parent) && ts.isIdentifier(fn.parent.name) ? fn.parent.name.text : undefined;
      if (name && /asset|static/i.test(name)) return true;
    }
  }
  return false;
}

/** The fetch() whose response the value is set on: `copy.headers.set(…)` on a copy, or `new Response(res.body, { headers })`. */
function overriddenFetch(model: WorkerModel, node: ts.Expression): { fetchCall: ts.CallExpression; setCall?: ts.CallExpression } | undefined {
  const parent = node.parent;
  if (ts.isCallExpression(parent) && parent.arguments[1] === node && /^(set|append)$/.test(calleeName(parent) ?? '')) {
    const inherited = inheritedHeaders(model, parent);
    return inherited?.fetchCall && !inherited.direct ? { fetchCall: inherited.fetchCall, setCall: parent } : undefined;
  }
  // new Response(res.body, { headers: { 'Cache-Control': … } }) re-wraps the fetched body.
  const headersObject = ts.isPropertyAssignment(parent) ? parent.parent : undefined;
  const headersProperty = headersObject?.parent;
  if (!headersProperty || !ts.isPropertyAssignment(headersProperty) || propertyName(headersProperty.name) !== 'headers') return undefined;
  const created = headersProperty.parent.parent;
  if (!ts.isNewExpression(created) || !ts.isIdentifier(created.expression) || created.expression.text !== 'Response') return undefined;
  const body = created.arguments?.[0] && unwrap(created.arguments[0]);
  if (created.arguments?.[1] !== headersProperty.parent || !body) return undefined;
  const response = ts.isPropertyAccessExpression(body) && body.name.text === 'body' ? body.expression : body;
  const source = responseSource(model, response, created, 0);
  return source?.fetchCall ? { fetchCall: source.fetchCall } : undefined;
}

/** `cf: { cacheTtl: n > 0 }` or `cf: { cacheTtlByStatus: { '200-299': n > 0 } }`: Cloudflare caches whatever the origin says. */
function forcedTtl(model: WorkerModel, init: ts.Expression): { name: string; node: ts.Node } | undefined {
  const { resolver } = model;
  const options = resolver.resolveObject(init);
  const cfNode = options && resolver.objectValue(options, 'cf');
  const cf = cfNode && resolver.resolveObject(cfNode);
  if (!cf) return undefined;
  const ttl = resolver.objectValue(cf, 'cacheTtl');
  if (ttl && (resolver.resolveNumber(ttl) ?? 0) > 0) return { name: 'cacheTtl', node: ttl.parent };
  const byStatus = resolver.objectValue(cf, 'cacheTtlByStatus');
  const table = byStatus && resolver.resolveObject(byStatus);
  if (table && resolver.objectEntries(table).some((e) => /^2/.test(e.key) && (resolver.resolveNumber(e.value) ?? 0) > 0)) {
    return { name: 'cacheTtlByStatus', node: byStatus.parent };
  }
  return undefined;
}

/** Wraps the set/append statement in a guard that keeps the origin's private/no-store and responses that set cookies. */
function guardSuggestion(model: WorkerModel, call: ts.CallExpression): Fix[] {
  const { sf } = model;
  let node: ts.Node = call;
  while (ts.isAwaitExpression(node.parent) || ts.isParenthesizedExpression(node.parent)) node = node.parent;
  const statement = node.parent;
  const receiver = calleeObject(call);
  if (!receiver || !ts.isExpressionStatement(statement) || !(ts.isBlock(statement.parent) || ts.isSourceFile(statement.parent))) return [];
  const headers = receiver.getText(sf);
  const start = statement.getStart(sf);
  const guard = `if (!/private|no-store/i.test(${headers}.get('Cache-Control') ?? '') && !${headers}.has('Set-Cookie')) `;
  return [{ title: "Only when the origin did not mark it private (no private/no-store, no Set-Cookie)", edits: [{ start, end: start, text: guard }] }];
}
