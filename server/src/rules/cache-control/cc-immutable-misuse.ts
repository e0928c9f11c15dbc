// cc-immutable-misuse: `immutable` or a one-year max-age on HTML (`_headers` rules for `/*`, `/`, `*.html`; HTML responses
// in code), where browsers would never see a new deploy; and `immutable` with no freshness lifetime, which does nothing.
import type { CcDirective } from '../../engine/parse/cache-control';
import type { HeadersFile, HeadersRule } from '../../engine/parse/headers-file';
import { replaceInSiteEdit, siteRange } from '../../engine/domain/cache-control/cc-edits';
import type { CacheControlSite } from '../../engine/domain/cache-control/cc-sites';
import { joinedCacheControlSites, joinedMembers } from '../../engine/domain/cache-control/cc-joined';
import { sameReference } from '../../engine/js/flow';
import { callsNamed } from '../../engine/js/functions';
import { defineRule } from '../../engine/define-rule';
import { calleeName, calleeObject, enclosingFunction, propertyName, ts, unwrap, type WorkerModel } from '../../engine/parse/worker';
import { mentionsCacheControl } from '../../engine/filters/text-tests';

/** One year in seconds: the usual "cache forever" max-age. */
const ONE_YEAR = 31_536_000;

export default defineRule({
  id: 'cc-immutable-misuse',
  description: 'immutable or a one-year max-age on HTML keeps browsers from seeing new deploys; immutable without max-age does nothing.',
  defaultSeverity: 'warn',
  messageSeverities: { noLifetime: 'info' },
  fixable: false,
  hasSuggestions: true,
  kinds: ['worker', 'headers'],
  defaultOptions: {},
  messages: {
    html: "'{{member}}' on {{what}}: browsers keep the HTML without revalidating and miss new deploys.",
    noLifetime: '\'immutable\' without max-age has no effect: it applies only while the response is fresh.',
  },
  mayApply: (text) => mentionsCacheControl(text) && (/\bimmutable\b/i.test(text) || (/max-age/i.test(text) && (/\d{8}|365/.test(text.replace(/_/g, ''))))),
  check(context) {
    const sites = context.cacheControlSites().filter((s) => s.header === 'cache-control');
    const headers = context.kind === 'headers' ? context.headersFile() : undefined;
    const model = context.kind === 'worker' ? context.worker() : undefined;
    const joined = joinedCacheControlSites(sites, headers ? { headers } : { worker: model });
    for (const value of joined) {
      const members = joinedMembers(value);
      const own = members.filter((m) => m.current).map((m) => m.directive);
      const what = headers ? htmlRulePath(headers, value.site) : model && value.site.node && htmlResponse(model, value.site.node) ? 'an HTML response' : undefined;
      const longLived = own.find((d) => d.key === 'immutable') ?? own.find((d) => d.key === 'max-age' && Number(d.value) >= ONE_YEAR);
      if (what && longLived) {
        context.report({ ...siteRange(value.site, longLived.start, longLived.end), messageId: 'html', data: { member: value.site.value.slice(longLived.start, longLived.end), what } });
        continue;
      }
      const immutable = own.find((d) => d.key === 'immutable');
      if (!immutable || members.some((m) => (m.directive.key === 'max-age' || m.directive.key === 's-maxage') && m.directive.value !== undefined)) continue;
      context.report({
        ...siteRange(value.site, immutable.start, immutable.end), messageId: 'noLifetime',
        suggestions: what ? [] : addMaxAge(value.site, immutable),
      });
    }
  },
});

const ruleByValueStart = new WeakMap<HeadersFile, Map<number, HeadersRule>>();

/** `_headers` rules whose path is all pages or HTML: `/*`, `/`, `/index.html`, `*.html` (scheme and host ignored). */
function htmlRulePath(file: HeadersFile, site: CacheControlSite): string | undefined {
  let byStart = ruleByValueStart.get(file);
  if (!byStart) {
    byStart = new Map(file.rules.flatMap((r) => r.headers.map((h) => [h.valueStart, r] as const)));
    ruleByValueStart.set(file, byStart);
  }
  const rule = byStart.get(site.start);
  if (!rule) return undefined;
  const path = rule.path.replace(/^https?:\/\/[^/]*/i, '') || '/';
  if (path === '/*' || path === '/') return `every page (${rule.path})`;
  if (/\.html?$/i.test(path)) return `the HTML path ${rule.path}`;
  return undefined;
}

/** True when the value is set on a response the code marks as HTML (Content-Type text/html, or Hono `c.html()`). */
function htmlResponse(model: WorkerModel, node: ts.Expression): boolean {
  const parent = node.parent;
  if (ts.isPropertyAssignment(parent) && ts.isObjectLiteralExpression(parent.parent)) {
    const holder = parent.parent;
    if (holder.properties.some((p) => ts.isPropertyAssignment(p) && isContentType(propertyName(p.name)) && isHtml(model, p.initializer))) return true;
    const call = holder.parent;
    return ts.isCallExpression(call) && calleeName(call) === 'html' && call.arguments.includes(holder);
  }
  if (!ts.isCallExpression(parent) || parent.arguments[1] !== node) return false;
  const receiver = calleeObject(parent);
  const fn = enclosingFunction(parent);
  if (!receiver || !fn) return false;
  return ['html', 'set', 'append', 'header'].flatMap((name) => callsNamed(model, name)).some((call) => {
    if (enclosingFunction(call) !== fn) return false;
    const object = calleeObject(call);
    const name = calleeName(call);
    // Hono: `c.header('Cache-Control', …)` then `return c.html(…)`.
    if (name === 'html' && calleeName(parent) === 'header' && object && sameReference(unwrap(object), unwrap(receiver))) return true;
    if (name !== 'set' && name !== 'append' && name !== 'header') return false;
    return !!object && sameReference(unwrap(object), unwrap(receiver)) && !!call.arguments[1]
      && isContentType(model.resolver.resolveString(call.arguments[0]!)?.value) && isHtml(model, call.arguments[1]);
  });
}

function isContentType(name: string | undefined): boolean {
  return name?.toLowerCase() === 'content-type';
}

function isHtml(model: WorkerModel, expr: ts.Expression): boolean {
  return /^\s*text\/html\b/i.test(model.resolver.resolveString(expr)?.value ?? '');
}

/** Suggest `max-age=31536000, immutable` (the usual pairing for fingerprinted files). */
function addMaxAge(site: CacheControlSite, immutable: CcDirective) {
  const edit = replaceInSiteEdit(site, immutable.start, immutable.start, 'max-age=31536000, ');
  return edit ? [{ title: 'Add max-age=31536000 (only for fingerprinted files)', edits: [edit] }] : [];
}
