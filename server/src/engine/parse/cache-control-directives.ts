// The Cache-Control directive table (RFC 9111 §5.2, RFC 5861, RFC 8246) with Cloudflare notes, and common misspellings.

/** What kind of argument a directive takes. */
export type CcArgument = 'none' | 'delta' | 'optional-delta' | 'optional-fields';

/** Facts about one directive. */
export interface CcDirectiveInfo {
  argument: CcArgument;
  request: boolean;
  response: boolean;
  /** One sentence on what it does, with Cloudflare's behaviour (domain.md A6, A7, B2). */
  meaning: string;
}

/** Known directives by lower-case name. */
export const CC_DIRECTIVES: Readonly<Record<string, CcDirectiveInfo>> = {
  'max-age': { argument: 'delta', request: true, response: true, meaning: 'Fresh for N seconds in browsers and, without s-maxage, in Cloudflare\'s cache.' },
  's-maxage': { argument: 'delta', request: false, response: true, meaning: 'Fresh for N seconds in shared caches (Cloudflare) only; browsers ignore it. On Cloudflare it disables stale-while-revalidate and stale-if-error.' },
  'no-cache': { argument: 'optional-fields', request: true, response: true, meaning: 'May be stored, but must be revalidated before every use (not "do not store"). With field names, only those headers are not stored.' },
  'no-store': { argument: 'none', request: true, response: true, meaning: 'Must not be stored by any cache; Cloudflare and cache.put skip it.' },
  'no-transform': { argument: 'none', request: true, response: true, meaning: 'Intermediaries must not transform the body.' },
  private: { argument: 'optional-fields', request: false, response: true, meaning: 'Only the browser may store it; Cloudflare will not. With field names (private="Set-Cookie"), only those headers are kept out of shared caches.' },
  public: { argument: 'none', request: false, response: true, meaning: 'Shared caches may store it even for requests with Authorization; rarely needed otherwise.' },
  'must-revalidate': { argument: 'none', request: false, response: true, meaning: 'Once stale, must be revalidated; no stale serving. On Cloudflare it disables stale-while-revalidate and stale-if-error.' },
  'proxy-revalidate': { argument: 'none', request: false, response: true, meaning: 'Like must-revalidate, for shared caches only; disables stale serving on Cloudflare.' },
  'must-understand': { argument: 'none', request: false, response: true, meaning: 'Store only if the cache understands the status code; used together with no-store.' },
  'max-stale': { argument: 'optional-delta', request: true, response: false, meaning: 'Request only: the client accepts a stale response.' },
  'min-fresh': { argument: 'delta', request: true, response: false, meaning: 'Request only: the client wants a response fresh for at least N more seconds.' },
  'only-if-cached': { argument: 'none', request: true, response: false, meaning: 'Request only: answer from cache or fail with 504.' },
  'stale-while-revalidate': { argument: 'delta', request: false, response: true, meaning: 'After expiry, a stale copy may be served for N seconds while it is revalidated in the background (asynchronous on Cloudflare since 2026-02-26). Not supported by cache.put/cache.match.' },
  'stale-if-error': { argument: 'delta', request: true, response: true, meaning: 'A stale copy may be served for N seconds when the origin errors. Not supported by cache.put/cache.match.' },
  immutable: { argument: 'none', request: false, response: true, meaning: 'Browsers should not revalidate while fresh; no effect on Cloudflare\'s cache.' },
};

/** Misspellings seen in real code (domain.md B4), mapped to the intended directive. */
export const CC_MISSPELLINGS: Readonly<Record<string, string>> = {
  max_age: 'max-age', maxage: 'max-age', 'max-ages': 'max-age', 'max-agee': 'max-age',
  's-max-age': 's-maxage', smaxage: 's-maxage', s_maxage: 's-maxage', 's_max_age': 's-maxage', 's-max_age': 's-maxage', 'shared-max-age': 's-maxage',
  no_cache: 'no-cache', nocache: 'no-cache', no_store: 'no-store', nostore: 'no-store',
  'stale-while-revalidation': 'stale-while-revalidate', stale_while_revalidate: 'stale-while-revalidate', 'stale-while-revalid': 'stale-while-revalidate',
  stale_if_error: 'stale-if-error', 'stale-on-error': 'stale-if-error',
  must_revalidate: 'must-revalidate', mustrevalidate: 'must-revalidate', 'proxy_revalidate': 'proxy-revalidate',
  no_transform: 'no-transform', notransform: 'no-transform', 'immutible': 'immutable', 'immuatable': 'immutable',
};

/** Directives whose argument is delta-seconds. */
export const DELTA_DIRECTIVES = new Set(['max-age', 's-maxage', 'stale-while-revalidate', 'stale-if-error', 'min-fresh', 'max-stale']);

/** Closest known directive for an unknown name: explicit misspellings first, then edit distance ≤ 2. */
export function suggestDirective(name: string): string | undefined {
  const key = name.toLowerCase();
  if (CC_MISSPELLINGS[key]) return CC_MISSPELLINGS[key];
  const normalized = key.replace(/_/g, '-');
  if (CC_DIRECTIVES[normalized]) return normalized;
  let best: string | undefined;
  let bestDistance = 3;
  for (const known of Object.keys(CC_DIRECTIVES)) {
    const d = editDistance(key, known);
    if (d < bestDistance) {
      best = known;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

/** Header names whose values are Cache-Control lists (lower case). */
export const CC_HEADER_NAMES = new Set(['cache-control', 'cdn-cache-control', 'cloudflare-cdn-cache-control']);
