// Finds every Cache-Control-like value (Cache-Control, CDN-Cache-Control, Cloudflare-CDN-Cache-Control) in code or _headers.
import { CC_HEADER_NAMES } from '../../parse/cache-control-directives';
import { parseCacheControl, type ParsedCacheControl } from '../../parse/cache-control';
import { mapRange, type ResolvedString } from '../../parse/constants';
import type { HeadersFile } from '../../parse/headers-file';
import { calleeName, ts, type WorkerModel } from '../../parse/worker';

/** One Cache-Control-like value and where it sits in the file. */
export interface CacheControlSite {
  /** Lower-cased header name. */
  header: string;
  value: string;
  parsed: ParsedCacheControl;
  /** Where to report when a range inside the value cannot be mapped to the file. */
  start: number;
  end: number;
  /** File range of `value[from, to)`, when that part is copied verbatim from the file (fixes need it). */
  map(from: number, to: number): { start: number; end: number } | undefined;
  origin: 'code' | 'headers-file' | 'hono-cache-option';
  /** For code sites, the expression producing the value. */
  node?: ts.Expression;
}

const memo = new WeakMap<object, CacheControlSite[]>();

/** Cache-Control values written in Worker code: header objects, Headers init arrays, set/append/header calls, Hono cache(). */
export function codeCacheControlSites(model: WorkerModel): CacheControlSite[] {
  const cached = memo.get(model);
  if (cached) return cached;
  const sites: CacheControlSite[] = [];
  if (/cache-?control/i.test(model.sf.text)) {
    const { resolver, sf } = model;
    const add = (header: string, valueNode: ts.Expression, origin: CacheControlSite['origin']) => {
      const resolved = resolver.resolveString(valueNode);
      if (resolved) sites.push(fromResolved(header, resolved, valueNode, sf, origin));
    };
    const headerName = (node: ts.Expression | ts.PropertyName): string | undefined => {
      const name = ts.isIdentifier(node) && ts.isPropertyName(node) && node.parent && ts.isPropertyAssignment(node.parent) && node.parent.name === node
        ? node.text
        : ts.isComputedPropertyName(node) ? resolver.resolveString(node.expression)?.value
          : ts.isStringLiteralLike(node) ? node.text
            : ts.isIdentifier(node) ? resolver.resolveString(node)?.value : undefined;
      const lower = name?.toLowerCase();
      return lower && CC_HEADER_NAMES.has(lower) ? lower : undefined;
    };
    for (const property of model.properties) {
      const header = headerName(property.name);
      if (header) add(header, property.initializer, 'code');
      else if (ts.isIdentifier(property.name) && property.name.text === 'cacheControl') {
        const call = property.parent.parent;
        if (call && ts.isCallExpression(call) && calleeName(call) === 'cache') add('cache-control', property.initializer, 'hono-cache-option');
      }
    }
    for (const call of model.calls) {
      const method = calleeName(call);
      if ((method === 'set' || method === 'append' || method === 'header') && call.arguments.length >= 2) {
        const header = headerName(call.arguments[0]!);
        if (header) add(header, call.arguments[1]!, 'code');
      }
    }
    for (const pair of model.nestedArrays) {
      if (pair.elements.length !== 2) continue;
      const header = headerName(pair.elements[0]!);
      if (header) add(header, pair.elements[1]!, 'code');
    }
  }
  memo.set(model, sites);
  return sites;
}

/** Cache-Control values in a `_headers` file, one per header line. */
export function headersFileCacheControlSites(file: HeadersFile): CacheControlSite[] {
  const cached = memo.get(file);
  if (cached) return cached;
  const sites: CacheControlSite[] = [];
  for (const rule of file.rules) {
    if (rule.skipped) continue; // wrangler drops the rule and its headers; headers-syntax reports why
    for (const line of rule.headers) {
      if (!CC_HEADER_NAMES.has(line.key)) continue;
      sites.push({
        header: line.key, value: line.value, parsed: parseCacheControl(line.value), start: line.valueStart, end: line.valueEnd,
        map: (from, to) => ({ start: line.valueStart + from, end: line.valueStart + to }), origin: 'headers-file',
      });
    }
  }
  memo.set(file, sites);
  return sites;
}

function fromResolved(header: string, resolved: ResolvedString, valueNode: ts.Expression, sf: ts.SourceFile, origin: CacheControlSite['origin']): CacheControlSite {
  return {
    header, value: resolved.value, parsed: parseCacheControl(resolved.value),
    start: valueNode.getStart(sf), end: valueNode.end,
    map: (from, to) => mapRange(resolved, from, to), origin, node: valueNode,
  };
}
