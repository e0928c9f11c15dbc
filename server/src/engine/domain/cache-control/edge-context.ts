// Whether a Cache-Control-like value ever reaches a Cloudflare cache, and which one (domain.md §0 "context decides").
// "Cloudflare Workers run before the cache": a Worker's own response is edge-cached only with Workers Cache
// (`cache.enabled`) or when the code stores it (cache.put, Hono's cache() middleware); `_headers` values are documented
// as browser-facing ("custom browser cache behavior"). Edge-only advice (s-maxage, stale-*, CDN headers) elsewhere is noise.
import type { FileFacts } from '../../project/facts';
import { calleeObject, enclosingFunction, ts, type WorkerModel } from '../../parse/worker';
import { cacheCalls } from '../cache-api/cache-api';
import type { CacheControlSite } from './cc-sites';

/** Where a value is read by a Cloudflare cache. */
export type EdgeContext =
  /** Workers Cache is enabled for this Worker: its responses are cached per RFC 9111 (domain.md A6). */
  | 'workers-cache'
  /** The file stores responses itself: `cache.put`, or Hono's `cache()` middleware (which calls cache.put). */
  | 'cache-put'
  /** A Worker's own response with Workers Cache off: only browsers and downstream caches read it. */
  | 'worker-response'
  /** A `_headers` value on static assets: browser-facing. */
  | 'headers-file';

/** The context of one site. Per file: a `cache.put` anywhere in the file counts for every value in it (conservative). */
export function edgeContext(site: CacheControlSite, facts: FileFacts, model?: WorkerModel): EdgeContext {
  if (site.origin === 'headers-file') return 'headers-file';
  if (facts.cacheEnabled) return 'workers-cache';
  if (site.origin === 'hono-cache-option') return 'cache-put';
  if (model && cacheCalls(model).some((c) => c.method === 'put')) return 'cache-put';
  return 'worker-response';
}

/** True when a Cloudflare cache reads the value in this context. */
export function reachesEdge(context: EdgeContext): boolean {
  return context === 'workers-cache' || context === 'cache-put';
}

/** Words for messages: which cache reads the value. */
export function edgeContextLabel(context: EdgeContext): string {
  switch (context) {
    case 'workers-cache': return 'Workers Cache is on';
    case 'cache-put': return 'stored with cache.put';
    case 'worker-response': return 'Workers Cache is off';
    case 'headers-file': return '_headers is browser-facing';
  }
}

/**
 * A `CDN-Cache-Control`/`Cloudflare-CDN-Cache-Control` value set on the same response as a `Cache-Control` site: a
 * sibling property of the same headers object, or a set/append/header call on the same receiver in the same function.
 * With one present, Cloudflare ignores Cache-Control for its caching decisions (`[cdncc]`, domain.md §0).
 */
export function companionCdnHeader(site: CacheControlSite, sites: CacheControlSite[]): CacheControlSite | undefined {
  if (site.header !== 'cache-control' || !site.node) return undefined;
  const holder = headerHolder(site.node);
  if (!holder) return undefined;
  return sites.find((other) => other.header !== 'cache-control' && other.node && headerHolder(other.node) === holder);
}

/** What a header value is attached to: its object literal, or `<function>:<receiver text>` for a set/append/header call. */
function headerHolder(node: ts.Expression): ts.Node | string | undefined {
  const parent = node.parent;
  if (parent && ts.isPropertyAssignment(parent) && ts.isObjectLiteralExpression(parent.parent)) return parent.parent;
  if (parent && ts.isCallExpression(parent) && parent.arguments[1] === node) {
    const receiver = calleeObject(parent);
    const fn = enclosingFunction(parent);
    return receiver ? `${fn ? fn.pos : -1}:${receiver.getText()}` : undefined;
  }
  return undefined;
}
