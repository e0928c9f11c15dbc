// Finds the Cache-Control-like value (and the directive) at an offset in a Worker source or `_headers` file, for hovers.
import { fileKind } from '../../file-kind';
import { parseHeadersFile } from '../../parse/headers-file';
import { calleeName, parseWorker, ts, type WorkerModel } from '../../parse/worker';
import type { FileFacts } from '../../project/facts';
import type { HoverContext } from '../../explain-context';
import { cacheCalls } from '../cache-api/cache-api';
import { tooDeepAt } from '../../parse/nesting';
import { codeCacheControlSites, headersFileCacheControlSites, type CacheControlSite } from './cc-sites';
import { edgeContext } from './edge-context';

/** The value under the cursor: its site, its file range, and the directive under the cursor when it maps to the file. */
export interface CacheControlAt {
  site: CacheControlSite;
  start: number;
  end: number;
  /** Index into `site.parsed.directives`. */
  directive?: number;
  directiveStart?: number;
  directiveEnd?: number;
  /** Where the value is read, as far as the file (and the project facts, when given) show; undefined when unknown. */
  context?: HoverContext;
}

/** The Cache-Control, CDN-Cache-Control or Cloudflare-CDN-Cache-Control value at `offset`, if any. */
export function cacheControlAt(path: string, text: string, offset: number, facts?: FileFacts): CacheControlAt | undefined {
  const kind = fileKind(path);
  if (kind !== 'worker' && kind !== 'headers') return undefined;
  if (!/cache-?control/i.test(text) || tooDeepAt(text) >= 0) return undefined;
  let model: WorkerModel | undefined;
  let sites: CacheControlSite[];
  try {
    model = kind === 'worker' ? parseWorker(path, text) : undefined;
    sites = model ? codeCacheControlSites(model) : headersFileCacheControlSites(parseHeadersFile(text));
  } catch {
    return undefined; // the parser ran out of stack: no hover (the lint reports the file)
  }
  const site = sites.find((s) => s.start <= offset && offset < s.end);
  if (!site) return undefined;
  const found: CacheControlAt = { site, start: site.start, end: site.end, context: contextOf(site, model, facts) };
  site.parsed.directives.forEach((d, index) => {
    const range = site.map(d.start, d.end);
    if (range && range.start <= offset && offset < range.end && found.directive === undefined) {
      Object.assign(found, { directive: index, directiveStart: range.start, directiveEnd: range.end });
    }
  });
  return found;
}

/** The context a hover can know: `_headers`; a fetch() request header; with project facts, the full edge context; without, only what the file shows. */
function contextOf(site: CacheControlSite, model: WorkerModel | undefined, facts: FileFacts | undefined): HoverContext | undefined {
  if (site.origin === 'headers-file') return 'headers-file';
  if (model && site.node && isFetchRequestHeader(site.node)) return 'subrequest';
  if (facts) return edgeContext(site, facts, model);
  if (site.origin === 'hono-cache-option' || (model && cacheCalls(model).some((c) => c.method === 'put'))) return 'cache-put';
  return undefined;
}

/** True when the value sits in the `headers` of `fetch(url, { headers })` (a request header). */
function isFetchRequestHeader(node: ts.Node): boolean {
  for (let current: ts.Node | undefined = node.parent, depth = 0; current && depth < 6; current = current.parent, depth++) {
    if (ts.isCallExpression(current)) return calleeName(current) === 'fetch' && current.arguments.length >= 2 && current.arguments[1]!.pos <= node.pos;
    if (ts.isFunctionLike(current) || ts.isBlock(current)) return false;
  }
  return false;
}
