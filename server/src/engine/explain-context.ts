// Hover text that depends on where a Cache-Control-like value is read (domain.md §0 "context decides what a value does")
// and the status-dependent default TTLs that apply only when a response has no Cache-Control or Expires at all.
import type { EdgeContext } from './domain/cache-control/edge-context';

/** Where the hover's value is read: an edge context, or a value on a `fetch()` subrequest; undefined when unknown. */
export type HoverContext = EdgeContext | 'subrequest';

/** One or two sentences on who reads the value in this context. */
export function contextSentences(context: HoverContext | undefined, targeted: boolean): string[] {
  switch (context) {
    case 'workers-cache':
      return ['This Worker has Workers Cache enabled (cache.enabled): Cloudflare caches its responses per RFC 9111, in front of the Worker.'];
    case 'cache-put':
      return ['This file stores responses with cache.put: the Cache API reads this value there (see Workers Cache API below); the response returned to the client is not cached by Cloudflare unless Workers Cache is on.'];
    case 'worker-response':
      return [`Workers Cache is off for this Worker, and Workers run before the cache: Cloudflare does not cache this response, so ${targeted ? 'this header only matters to downstream CDNs' : 's-maxage and the edge stale behaviour only matter to downstream caches'} (or to code that stores it with cache.put).`];
    case 'headers-file':
      return ['_headers values are documented as browser cache behaviour; static assets are cached by Cloudflare automatically, whatever this header says.'];
    case 'subrequest':
      return ['This is a request header on a fetch() subrequest: whether Cloudflare caches the subrequest follows the origin\'s response headers and the cf options (which win over them), so the response notes below describe what this value would mean on a response.'];
    default:
      return ['Cloudflare caches a Worker\'s own response only with Workers Cache enabled or when the code stores it with cache.put; the edge notes below apply there.'];
  }
}

/** Default TTLs by status, which apply only to responses with no Cache-Control and no Expires (domain.md §0, [edge-ttl], [wc-cfg]). */
export const DEFAULT_TTLS = {
  zone: 'zone cache 200/206/301: 120 min, 302/303: 20 min, 404/410: 3 min (only for file extensions it caches by default, not HTML or JSON)',
  workersCache: 'Workers Cache 200/203/204: 7,200 s, 300/301: 1,200 s, 404/410: 180 s, 405/414/501: 60 s, 302: not cached',
};

/** The sentence for a value that sets no lifetime: the defaults above do not apply, because a Cache-Control is present. */
export function noLifetimeSentence(): string {
  return `No max-age or s-maxage: the status-based default TTLs (${DEFAULT_TTLS.zone}; ${DEFAULT_TTLS.workersCache}) apply only when a response has no Cache-Control and no Expires at all, so they do not apply here; how long a cache keeps it is then up to the cache (Expires, or a heuristic).`;
}
