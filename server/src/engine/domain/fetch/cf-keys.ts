// The keys a subrequest's `cf` object accepts (workerd `types/defines/cf.d.ts`, domain.md §0), the retired ones, and the
// incoming-request `cf` keys tests set on `new Request(url, { cf })`, which are not options but are not typos either.

/** Cache keys of `RequestInitCfProperties` (domain.md §0 "Current `cf` cache keys"). */
export const CF_CACHE_KEYS: readonly string[] = ['cacheEverything', 'cacheKey', 'cacheTags', 'cacheTtl', 'cacheTtlByStatus', 'cacheControl',
  'cacheDeceptionArmor', 'cacheReserveEligible', 'cacheReserveMinimumFileSize', 'respectStrongEtag', 'stripEtags', 'stripLastModified', 'vary'];

/** Other `RequestInitCfProperties` keys (image resizing, origin override, zone features). */
export const CF_OTHER_KEYS: readonly string[] = ['image', 'resolveOverride', 'scrapeShield', 'polish', 'mirage', 'apps', 'minify', 'webp'];

/** Keys Cloudflare has retired (the feature is gone, the key does nothing) ⚠️: Auto Minify was removed. */
export const CF_RETIRED_KEYS: ReadonlyMap<string, string> = new Map([['minify', 'Auto Minify']]);

/** `IncomingRequestCfProperties` keys: set on `new Request(url, { cf })` in tests to mock the edge; never typos of options. */
export const CF_INCOMING_KEYS: ReadonlySet<string> = new Set(['asn', 'asOrganization', 'botManagement', 'city', 'clientAcceptEncoding',
  'clientTcpRtt', 'clientTrustScore', 'colo', 'continent', 'country', 'edgeRequestKeepAliveStatus', 'hostMetadata', 'httpProtocol',
  'isEUCountry', 'latitude', 'longitude', 'metroCode', 'postalCode', 'region', 'regionCode', 'requestPriority', 'timezone',
  'tlsCipher', 'tlsClientAuth', 'tlsExportedAuthenticator', 'tlsVersion', 'verifiedBotCategory']);

/** Every key a `cf` request option may have. */
export const CF_KEYS: ReadonlySet<string> = new Set([...CF_CACHE_KEYS, ...CF_OTHER_KEYS]);

/**
 * The valid key an unknown one certainly means, or undefined: the same letters ignoring case, `_` and `-` (`cacheTTL`,
 * `cache_ttl`), or for keys of 6+ characters the single nearest key at edit distance 1–2 (`cacheEverthing`).
 */
export function intendedCfKey(key: string): string | undefined {
  const normal = normalise(key);
  const same = [...CF_KEYS].filter((valid) => normalise(valid) === normal);
  if (same.length === 1) return same[0];
  if (normal.length < 6) return undefined;
  let best: string[] = [];
  let bestDistance = 3;
  for (const valid of CF_KEYS) {
    const distance = editDistance(normal, normalise(valid));
    if (distance < bestDistance) [best, bestDistance] = [[valid], distance];
    else if (distance === bestDistance) best.push(valid);
  }
  return best.length === 1 ? best[0] : undefined;
}

function normalise(key: string): string {
  return key.toLowerCase().replace(/[_-]/g, '');
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
