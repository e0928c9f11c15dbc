// cache-put-uncacheable: cache.put() of a request/response the Cache API refuses: it throws (non-GET, 206, Vary: *) or silently stores nothing (Set-Cookie, no-store…).
import { cacheCalls } from '../../engine/domain/cache-api/cache-api';
import { lastHeader, responseAt } from '../../engine/domain/cache-api/put-response';
import { incomingRequest, methodGuarded } from '../../engine/domain/cache-api/incoming-request';
import { requestMethod } from '../../engine/domain/cache-api/request-method';
import type { KnownHeader } from '../../engine/domain/cache-api/responses';
import { defineRule } from '../../engine/define-rule';
import { parseCacheControl, type ParsedCacheControl } from '../../engine/parse/cache-control';
import { mapRange } from '../../engine/parse/constants';
import { lineOf, ts, unwrap } from '../../engine/parse/worker';
import type { Fix } from '../../engine/types';

const CDN_HEADERS = ['cdn-cache-control', 'cloudflare-cdn-cache-control'];

export default defineRule({
  id: 'cache-put-uncacheable',
  description: 'cache.put() throws for non-GET requests, status 206 and Vary: *, and silently stores nothing for 304, Set-Cookie or no-store/private/no-cache/max-age=0 responses.',
  defaultSeverity: 'error',
  messageSeverities: { unguardedIncoming: 'warn', notModified: 'warn', setCookie: 'warn', notStored: 'warn' },
  fixable: false,
  hasSuggestions: true,
  kinds: ['worker'],
  defaultOptions: {},
  messages: {
    nonGetRequest: 'cache.put() throws for a {{method}} request ({{how}} at line {{line}}): the Cache API stores only GET.',
    partialContent: 'cache.put() throws for this response: its status is 206 (set at line {{line}}).',
    varyStar: 'cache.put() throws for this response: it has \'Vary: {{value}}\' (set at line {{line}}).',
    unguardedIncoming: 'cache.put() throws for non-GET methods: the key \'{{how}}\' {{relation}} and no method check guards it.',
    notModified: 'cache.put() silently discards this response: its status is 304 (set at line {{line}}).',
    setCookie: 'cache.put() silently stores nothing: the response has a Set-Cookie header (set at line {{line}}){{noCache}}.',
    notStored: 'cache.put() silently stores nothing: its Cache-Control \'{{value}}\' (set at line {{line}}) has {{directive}}.',
  },
  mayApply: (text) => text.includes('caches') && text.includes('put'),
  check(context) {
    const model = context.worker();
    const { sf } = model;
    for (const put of cacheCalls(model)) {
      if (put.method !== 'put') continue;
      if (put.request) {
        const known = requestMethod(model, put.request, put.call);
        const incoming = known ? undefined : incomingRequest(model, put.request, context.facts.isPagesFunction);
        if (incoming && !methodGuarded(model, put.call)) {
          const key = `new Request(${put.request.getText(sf)}.url)`;
          context.report({
            start: put.request.getStart(sf), end: put.request.end, messageId: 'unguardedIncoming', data: { how: incoming.how, relation: incoming.copy ? "copies the incoming request's method" : 'is the incoming request' },
            suggestions: ts.isIdentifier(unwrap(put.request)) || ts.isPropertyAccessExpression(unwrap(put.request))
              ? [{ title: `Use a GET cache key: ${key}`, edits: [{ start: put.request.getStart(sf), end: put.request.end, text: key }] }] : [],
          });
        }
        if (known) {
          const key = getKey(put.request, sf);
          context.report({
            start: put.request.getStart(sf), end: put.request.end, messageId: 'nonGetRequest',
            data: { method: known.method, how: known.how, line: lineOf(known.node) },
            suggestions: key ? [{ title: `Use a GET cache key: ${key}`, edits: [{ start: put.request.getStart(sf), end: put.request.end, text: key }] }] : [],
          });
        }
      }
      if (!put.response) continue;
      const response = responseAt(model, put.response, put.call);
      if (!response) continue;
      const at = { start: put.response.getStart(sf), end: put.response.end };
      if (response.status?.value === 206) context.report({ ...at, messageId: 'partialContent', data: { line: lineOf(response.status.node) } });
      // workerd never forwards 304 responses to the cache backend (domain.md §0, api/cache.c++).
      if (response.status?.value === 304) context.report({ ...at, messageId: 'notModified', data: { line: lineOf(response.status.node) } });
      const vary = response.headers.find((h) => h.name === 'vary' && h.value?.value.split(',').some((v) => v.trim() === '*'));
      if (vary) context.report({ ...at, messageId: 'varyStar', data: { value: vary.value!.value, line: lineOf(vary.node) } });
      const cacheControls = ['cache-control', ...CDN_HEADERS].map((name) => lastHeader(response.headers, name)).filter((h): h is KnownHeader => !!h);
      if (cacheControls.some((h) => !h.value)) continue;
      const parsed = cacheControls.map((h) => parseCacheControl(h.value!.value));
      const cc = lastHeader(response.headers, 'cache-control');
      const blocking = cc && !cacheControls.some((h) => CDN_HEADERS.includes(h.name)) ? blockingDirective(parseCacheControl(cc.value!.value)) : undefined;
      const cookie = lastHeader(response.headers, 'set-cookie');
      if (cookie && !parsed.some(exemptsSetCookie)) {
        const suggestion = cc && !blocking ? addPrivateSetCookie(cc, sf) : undefined;
        const noCache = parsed.some(namesSetCookie('no-cache')) ? '; no-cache="Set-Cookie" does not help here' : '';
        context.report({ ...at, messageId: 'setCookie', data: { line: lineOf(cookie.node), noCache }, suggestions: suggestion ? [suggestion] : [] });
      }
      if (blocking) context.report({ ...at, messageId: 'notStored', data: { value: cc!.value!.value, directive: blocking, line: lineOf(cc!.node) } });
    }
  },
});

/** The first directive that keeps a shared cache from storing the response (domain.md A4, A7). */
function blockingDirective(parsed: ParsedCacheControl): string | undefined {
  const has = (key: string) => parsed.directives.some((d) => d.key === key);
  for (const d of parsed.directives) {
    if (d.key === 'no-store') return "'no-store'";
    if ((d.key === 'private' || d.key === 'no-cache') && d.value === undefined) return `an unqualified '${d.key}'`;
    if (d.key === 'max-age' && d.value !== undefined && Number(d.value) === 0 && !has('s-maxage')) return "'max-age=0' without s-maxage";
  }
  return undefined;
}

/**
 * `private=Set-Cookie` (the documented Cache API opt-in; the quoted form is accepted too): the cache stores the response
 * without that header. `no-cache="Set-Cookie"` is documented only for Workers Cache, so it is no exemption here (domain.md §0).
 */
function exemptsSetCookie(parsed: ParsedCacheControl): boolean {
  return namesSetCookie('private')(parsed);
}

function namesSetCookie(key: string): (parsed: ParsedCacheControl) => boolean {
  return (parsed) => parsed.directives.some((d) => d.key === key && d.value !== undefined
    && d.value.split(',').some((field) => field.trim().toLowerCase() === 'set-cookie'));
}

/** Inserts `private=Set-Cookie, ` (the token form the Cache API docs give, domain.md §0) at the start of a literal Cache-Control value. */
function addPrivateSetCookie(cc: KnownHeader, sf: ts.SourceFile): Fix | undefined {
  if (!cc.value || cc.value.value.trim() === '') return undefined;
  const range = mapRange(cc.value, 0, 0);
  if (!range) return undefined;
  const quote = sf.text[range.start - 1];
  if (quote !== "'" && quote !== '"' && quote !== '`') return undefined;
  return { title: 'Add private=Set-Cookie to Cache-Control (the cache stores the response without Set-Cookie)', edits: [{ start: range.start, end: range.start, text: 'private=Set-Cookie, ' }] };
}

/** A GET cache key for the same URL: `new Request(url)` for an inline POST request, `new Request(x.url)` for a reference. */
function getKey(request: ts.Expression, sf: ts.SourceFile): string | undefined {
  const node = unwrap(request);
  if (ts.isNewExpression(node) && node.arguments?.[0]) return `new Request(${node.arguments[0].getText(sf)})`;
  if (ts.isIdentifier(node) || ts.isPropertyAccessExpression(node)) return `new Request(${node.getText(sf)}.url)`;
  return undefined;
}
