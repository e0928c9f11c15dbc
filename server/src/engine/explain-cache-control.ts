// Explains a Cache-Control-like value: each directive's meaning and what Cloudflare's edge, a browser and cache.put will do.
// Pure (text in, data out); the LSP hover only formats it. Facts: domain.md A4 (Cache API), A6 (Workers Cache), A7 (zone cache).
import { structuredFieldProblems } from './domain/cache-control/cdn-structured-field';
import { contextSentences, noLifetimeSentence, type HoverContext } from './explain-context';
import { parseCacheControl, type CcDirective } from './parse/cache-control';
import { CC_DIRECTIVES, DELTA_DIRECTIVES, suggestDirective } from './parse/cache-control-directives';

/** One directive as written, with its meaning and any problem with how it is written. */
export interface DirectiveExplanation {
  /** Name as written. */
  name: string;
  key: string;
  /** Argument without quotes. */
  value?: string;
  /** Range of the member in the value string. */
  start: number;
  end: number;
  meaning: string;
  warning?: string;
}

/** What a Cache-Control-like value does, as data plus ready-made sentences. */
export interface CacheControlExplanation {
  /** Lower-cased header name. */
  header: string;
  value: string;
  directives: DirectiveExplanation[];
  /** Problems with the list as a whole (separators, stray commas). */
  warnings: string[];
  /** Seconds Cloudflare treats the response as fresh (s-maxage, else max-age); undefined when the value sets none. */
  edgeTtl?: number;
  /** Seconds a browser treats it as fresh (max-age); undefined when none applies. */
  browserTtl?: number;
  /** False when Cloudflare's cache will not store it (no-store, unqualified private). */
  storedByEdge: boolean;
  /** False when `cache.put` resolves without storing it (private, no-store, no-cache, a zero TTL). */
  storedByCachePut: boolean;
  /** True when s-maxage, must-revalidate or proxy-revalidate switch off stale serving on Cloudflare. */
  staleDisabled: boolean;
  /** Where the value is read, when the caller knows (domain.md §0). */
  context?: HoverContext;
  /** Who reads the value in that context. */
  where: string[];
  edge: string[];
  browser: string[];
  stale: string[];
  cachePut: string[];
}

/** delta-seconds overflow value (RFC 9111 §1.2.2). */
const MAX_DELTA = 2 ** 31;

/** Explains a Cache-Control, CDN-Cache-Control or Cloudflare-CDN-Cache-Control value, in `context` when the caller knows it. */
export function explainCacheControl(value: string, header = 'cache-control', context?: HoverContext): CacheControlExplanation {
  const headerKey = header.toLowerCase();
  const parsed = parseCacheControl(value);
  const seen = new Map<string, number>();
  const last = new Map<string, CcDirective>();
  const seconds = new Map<string, number>();
  const directives = parsed.directives.map((d) => {
    seen.set(d.key, (seen.get(d.key) ?? 0) + 1);
    last.set(d.key, d); // Pingora: a later duplicate wins (domain.md A7)
    const explained = explainDirective(d, headerKey !== 'cache-control');
    if (DELTA_DIRECTIVES.has(d.key)) {
      const n = deltaSeconds(d);
      if (n === undefined) seconds.delete(d.key);
      else seconds.set(d.key, n);
    }
    if (seen.get(d.key)! > 1) {
      explained.warning = joinWarnings(explained.warning, `${d.key} appears more than once: RFC 9111 uses the first (or treats the response as stale); Cloudflare's open-source cache parser keeps the last.`);
    }
    return explained;
  });
  const warnings: string[] = [];
  const targeted = headerKey !== 'cache-control';
  if (targeted) warnings.push(...structuredFieldWarnings(value));
  else {
    if (parsed.separators.some((s) => s.char === ';')) warnings.push('";" is not a Cache-Control separator: Cloudflare\'s open-source parser accepts it, strict parsers drop the whole header. Use ",".');
    if (parsed.emptyMembers.length > 0) warnings.push('Stray comma: empty list members are not allowed.');
  }
  if (parsed.directives.length === 0) warnings.push('No directives: the header is empty.');
  const has = (key: string) => last.has(key);
  const unqualified = (key: string) => has(key) && last.get(key)!.value === undefined;
  const fields = (key: string) => (has(key) && last.get(key)!.value !== undefined ? last.get(key)!.value : undefined);
  const sMaxage = seconds.get('s-maxage');
  const maxAge = seconds.get('max-age');
  const edgeTtl = sMaxage ?? maxAge;
  const staleReasons = ['s-maxage', 'must-revalidate', 'proxy-revalidate'].filter(has);
  const noStore = has('no-store');
  const privateAll = unqualified('private');
  const noCacheAll = unqualified('no-cache');
  const storedByEdge = !noStore && !privateAll;
  const storedByCachePut = storedByEdge && !noCacheAll && edgeTtl !== 0;

  const edge: string[] = [];
  if (headerKey === 'cdn-cache-control') edge.push('Cloudflare uses CDN-Cache-Control instead of Cache-Control (Cloudflare-CDN-Cache-Control wins over both); it is forwarded downstream.');
  else if (headerKey === 'cloudflare-cdn-cache-control') edge.push('Cloudflare uses Cloudflare-CDN-Cache-Control instead of CDN-Cache-Control and Cache-Control, and strips it before the response leaves Cloudflare.');
  else edge.push('Cloudflare follows this unless the response also has CDN-Cache-Control or Cloudflare-CDN-Cache-Control, which win.');
  if (noStore) edge.push('Not stored: no-store.');
  else if (privateAll) edge.push('Not stored: private means only the browser may keep it.');
  else {
    if (noCacheAll) edge.push('Stored but revalidated before every use (no-cache is not "do not store"; Cloudflare\'s docs disagree on whether it is stored at all), so it is never served fresh from the edge.');
    else if (edgeTtl === 0) edge.push(`${sMaxage !== undefined ? 's-maxage' : 'max-age'}=0: stale at once, so Cloudflare revalidates on every request (some Cloudflare docs say it is not cached at all).`);
    else if (sMaxage !== undefined) edge.push(`Edge TTL ${duration(sMaxage)}: s-maxage overrides max-age for Cloudflare.`);
    else if (maxAge !== undefined) edge.push(`Edge TTL ${duration(maxAge)} from max-age (no s-maxage).`);
    else edge.push(noLifetimeSentence());
    for (const key of ['private', 'no-cache']) {
      const list = fields(key);
      if (list !== undefined) edge.push(`${key}="${list}": the listed headers are not stored; the rest of the response may be.`);
    }
    // Only public, must-revalidate and s-maxage allow storing responses to requests with Authorization (RFC 9111 §3.5; domain.md §0).
    const authReasons = ['s-maxage', 'must-revalidate'].filter(has);
    if (has('public')) edge.push('public: stored even for requests that carry Authorization.');
    else if (authReasons.length > 0) edge.push(`${authReasons[0]} also lets Cloudflare store responses to requests that carry Authorization.`);
    else if (has('proxy-revalidate')) edge.push('proxy-revalidate does not let a shared cache store responses to requests that carry Authorization (only public, must-revalidate and s-maxage do).');
  }
  if (has('immutable')) edge.push('immutable has no effect on Cloudflare\'s cache.');

  const browser: string[] = [];
  let browserTtl: number | undefined;
  if (targeted) browser.push(`Browsers ignore ${headerKey === 'cdn-cache-control' ? 'CDN-Cache-Control' : 'Cloudflare-CDN-Cache-Control'}; they follow Cache-Control.`);
  else if (noStore) browser.push('Not stored by the browser (no-store).');
  else {
    if (noCacheAll) browser.push('Stored, but revalidated with the server before every use (no-cache).');
    if (maxAge !== undefined) {
      browserTtl = maxAge;
      browser.push(`Browser TTL ${duration(maxAge)} from max-age${sMaxage !== undefined ? '; browsers ignore s-maxage' : ''}. Cloudflare's Browser Cache TTL setting applies instead when it is higher.`);
      if (has('immutable') && maxAge > 0) browser.push('immutable: no revalidation on reload while fresh.');
    } else if (sMaxage !== undefined) browser.push('No max-age: browsers ignore s-maxage, so their freshness is heuristic.');
    else if (!noCacheAll) browser.push('No max-age: browser freshness is heuristic (Cloudflare\'s Browser Cache TTL setting may add one).');
    if (privateAll) browser.push('private: the browser may store it; shared caches may not.');
  }

  const stale: string[] = [];
  const swr = seconds.get('stale-while-revalidate');
  const sie = seconds.get('stale-if-error');
  const because = `${staleReasons.join(', ')} disable${staleReasons.length === 1 ? 's' : ''} stale serving on Cloudflare (RFC 9111 §4.2.4)`;
  if (swr !== undefined) {
    if (staleReasons.length > 0) stale.push(`stale-while-revalidate=${swr} is ignored: ${because}.`);
    else if (swr === 0) stale.push('stale-while-revalidate=0: no stale copy is served while revalidating.');
    else stale.push(`After expiry Cloudflare may serve a stale copy for up to ${duration(swr)} while it revalidates in the background (asynchronous since 2026-02-26); ignored when Always Online is on.`);
  }
  if (sie !== undefined) {
    const blockers = [...staleReasons, ...['no-store', 'no-cache'].filter(has)];
    if (blockers.length > 0) stale.push(`stale-if-error=${sie} is ignored because of ${blockers.join(', ')}.`);
    else if (sie === 0) stale.push('stale-if-error=0: errors are surfaced instead of serving a stale copy.');
    else stale.push(`When the origin or Worker fails, a stale copy may be served for up to ${duration(sie)}; ignored when Always Online is on.`);
  }
  if (swr === undefined && sie === undefined) {
    if (staleReasons.length > 0) stale.push(`No stale copies once expired: ${because}.`);
    // The stale-on-error default is Workers Cache's (domain.md A6): say it only where Workers Cache may read the value.
    else if (storedByEdge && (context === undefined || context === 'workers-cache')) {
      stale.push(`No stale-* directives: ${context === 'workers-cache' ? '' : 'with Workers Cache, '}Cloudflare serves a stale copy on Worker errors indefinitely by default; add stale-if-error=0 to surface errors.`);
    }
  }

  const cachePut: string[] = [];
  if (targeted) cachePut.push(`cache.put is documented in terms of Cache-Control; whether it honours ${headerKey === 'cdn-cache-control' ? 'CDN-Cache-Control' : 'Cloudflare-CDN-Cache-Control'} is not documented.`);
  else if (!storedByCachePut) {
    const why = noStore ? 'no-store' : privateAll ? 'private' : noCacheAll ? 'no-cache' : `${sMaxage !== undefined ? 's-maxage' : 'max-age'}=0`;
    cachePut.push(`cache.put would NOT store it (${why}): the promise still resolves and the 413 is not surfaced to the Worker.`);
  } else {
    cachePut.push(edgeTtl !== undefined ? `cache.put would store it for ${duration(edgeTtl)} in this data center only (not tiered).` : 'cache.put would store it (no max-age or s-maxage, so its lifetime depends on Expires or defaults), in this data center only.');
    const privateFields = fields('private');
    if (privateFields !== undefined && /(^|,)\s*set-cookie\s*(,|$)/i.test(privateFields)) cachePut.push('private=Set-Cookie lets a response with Set-Cookie be stored (the header is stripped); the documented form is the unquoted token.');
    else {
      cachePut.push('A response with Set-Cookie is never stored by cache.put (unless Cache-Control has private=Set-Cookie).');
      const noCacheFields = fields('no-cache');
      if (noCacheFields !== undefined && /(^|,)\s*set-cookie\s*(,|$)/i.test(noCacheFields)) cachePut.push('no-cache="Set-Cookie" is documented only for Workers Cache, not for cache.put.');
    }
  }
  if (!targeted && (swr !== undefined || sie !== undefined)) cachePut.push('stale-while-revalidate and stale-if-error are not supported by cache.put/cache.match.');

  const where = contextSentences(context, targeted);
  return { header: headerKey, value, directives, warnings, edgeTtl, browserTtl, storedByEdge, storedByCachePut, staleDisabled: staleReasons.length > 0, context, where, edge, browser, stale, cachePut };
}

/** What a strict RFC 9213 recipient does with a targeted field (domain.md §0): sentences for the hover. */
function structuredFieldWarnings(value: string): string[] {
  return structuredFieldProblems(value).map((p) => p.kind === 'parse-error'
    ? `Not a valid structured-field dictionary (${p.reason}): per RFC 9213 a cache ignores the whole header and falls back to the next one.`
    : p.kind === 'dropped' ? `${p.member}: not a non-negative integer, so per RFC 9213 a cache drops this directive (the rest still applies).`
      : `";" makes "${p.parameter}" a parameter of "${p.owner}": caches ignore parameters, so it is lost. Use ",".`);
}

/** `targeted`: a CDN header, whose number problems are structured-field ones (listed with the value's warnings). */
function explainDirective(d: CcDirective, targeted: boolean): DirectiveExplanation {
  const info = CC_DIRECTIVES[d.key];
  const base = { name: d.name, key: d.key, value: d.value, start: d.start, end: d.end };
  if (!info) {
    const suggestion = suggestDirective(d.name);
    return { ...base, meaning: 'Unknown directive: caches ignore it.', warning: suggestion ? `Did you mean ${suggestion}?` : undefined };
  }
  let warning: string | undefined;
  if (!info.response) warning = 'Request-only directive: it has no effect on a response.';
  if (d.assign?.char === ':') warning = joinWarnings(warning, `Written with ':' instead of '=': caches see a directive named "${d.name}:${d.rawValue ?? ''}".`);
  if (info.argument === 'none' && d.value !== undefined) warning = joinWarnings(warning, `${d.key} takes no argument.`);
  if (info.argument === 'delta' && d.value === undefined) warning = joinWarnings(warning, `${d.key} needs a number of seconds; without one it is ignored.`);
  if (DELTA_DIRECTIVES.has(d.key) && d.value !== undefined && !targeted) {
    const n = deltaSeconds(d);
    if (n === undefined) warning = joinWarnings(warning, `"${d.rawValue}" is not a number of seconds; the directive counts as absent.`);
    else if (!/^\d+$/.test(d.value)) warning = joinWarnings(warning, `"${d.rawValue}" is not an integer: Cloudflare rounds it down to ${n}, strict caches reject it.`);
    if (d.quoted) warning = joinWarnings(warning, 'Senders must not quote the number (RFC 9111 §5.2).');
  }
  const seconds = DELTA_DIRECTIVES.has(d.key) ? deltaSeconds(d) : undefined;
  const meaning = seconds === undefined ? info.meaning : info.meaning.replace(/\bN (more )?seconds\b/, (_, more: string | undefined) => `${duration(seconds)}${more ? ' more' : ''}`);
  return { ...base, meaning, warning };
}

/** Seconds of a delta directive as Cloudflare reads it: integers (capped at 2^31), floats rounded down, else undefined. */
function deltaSeconds(d: CcDirective): number | undefined {
  if (d.value === undefined || !/^\d+(\.\d+)?$/.test(d.value.trim())) return undefined;
  return Math.min(MAX_DELTA, Math.floor(Number(d.value.trim())));
}

function joinWarnings(a: string | undefined, b: string): string {
  return a ? `${a} ${b}` : b;
}

/** Seconds as `3,600 s (1 h)`. */
export function duration(seconds: number): string {
  const plain = `${seconds.toLocaleString('en-US')} s`;
  const units: [number, string][] = [[86400 * 365, 'y'], [86400, 'd'], [3600, 'h'], [60, 'min']];
  for (const [size, unit] of units) {
    if (seconds >= size && seconds % size === 0) return `${plain} (${seconds / size} ${unit})`;
  }
  for (const [size, unit] of units) {
    if (seconds >= size) return `${plain} (about ${Math.round((seconds / size) * 10) / 10} ${unit})`;
  }
  return plain;
}
