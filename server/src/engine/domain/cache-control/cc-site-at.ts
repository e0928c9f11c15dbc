// Finds the Cache-Control-like value (and the directive) at an offset in a Worker source or `_headers` file, for hovers.
import { fileKind } from '../../file-kind';
import { parseHeadersFile } from '../../parse/headers-file';
import { tooDeepAt } from '../../parse/nesting';
import { parseWorker } from '../../parse/worker';
import { codeCacheControlSites, headersFileCacheControlSites, type CacheControlSite } from './cc-sites';

/** The value under the cursor: its site, its file range, and the directive under the cursor when it maps to the file. */
export interface CacheControlAt {
  site: CacheControlSite;
  start: number;
  end: number;
  /** Index into `site.parsed.directives`. */
  directive?: number;
  directiveStart?: number;
  directiveEnd?: number;
}

/** The Cache-Control, CDN-Cache-Control or Cloudflare-CDN-Cache-Control value at `offset`, if any. */
export function cacheControlAt(path: string, text: string, offset: number): CacheControlAt | undefined {
  const kind = fileKind(path);
  if (kind !== 'worker' && kind !== 'headers') return undefined;
  if (!/cache-?control/i.test(text) || tooDeepAt(text) >= 0) return undefined;
  let sites: CacheControlSite[];
  try {
    sites = kind === 'worker' ? codeCacheControlSites(parseWorker(path, text)) : headersFileCacheControlSites(parseHeadersFile(text));
  } catch {
    return undefined; // the parser ran out of stack: no hover (the lint reports the file)
  }
  const site = sites.find((s) => s.start <= offset && offset < s.end);
  if (!site) return undefined;
  const found: CacheControlAt = { site, start: site.start, end: site.end };
  site.parsed.directives.forEach((d, index) => {
    const range = site.map(d.start, d.end);
    if (range && range.start <= offset && offset < range.end && found.directive === undefined) {
      Object.assign(found, { directive: index, directiveStart: range.start, directiveEnd: range.end });
    }
  });
  return found;
}
