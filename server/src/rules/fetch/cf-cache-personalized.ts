// cf-cache-personalized: a subrequest with an explicit edge TTL (cf.cacheTtl / cacheTtlByStatus) that forwards the client's
// cookies or authorization with no guard: Cloudflare drops Set-Cookie and caches the personal response for everyone.
import { cfOption, cfOptionsSites, type CfOptionsSite } from '../../engine/domain/fetch/cf-options';
import { forwardedCredentials } from '../../engine/domain/fetch/client-credentials';
import { credentialsGuarded } from '../../engine/domain/fetch/credential-guards';
import { parseStatusRange, rangeCovers } from '../../engine/domain/fetch/status-ranges';
import { defineRule } from '../../engine/define-rule';
import type { WorkerModel } from '../../engine/parse/worker';
import { mentionsCacheTtl } from '../../engine/filters/text-tests';

export default defineRule({
  id: 'cf-cache-personalized',
  description: 'An explicit cf edge TTL on a subrequest that forwards the client\'s cookies or authorization caches personal responses for everyone.',
  defaultSeverity: 'warn',
  fixable: false,
  hasSuggestions: false,
  kinds: ['worker'],
  defaultOptions: {},
  messages: {
    personalized: 'cf.{{option}} caches a fetch {{how}}: others may get this response.',
  },
  mayApply: (text) => mentionsCacheTtl(text) && /\b(fetch|Request)\b/.test(text),
  check(context) {
    const model = context.worker();
    const reported = new Set<number>();
    for (const site of cfOptionsSites(model)) {
      if (site.api === 'ctx.exports fetch()') continue;
      const ttl = edgeTtl(model, site);
      if (!ttl) continue;
      const forwarded = forwardedCredentials(model, { input: site.input, options: site.options }, context.facts.isPagesFunction, {
        callerGuarded: (argument) => credentialsGuarded(model, argument),
      });
      if (!forwarded || credentialsGuarded(model, site.call)) continue;
      // Reported where the credentials are forwarded (the input, or the headers entry), the thing to change.
      const start = forwarded.node.getStart(model.sf);
      if (reported.has(start)) continue;
      reported.add(start);
      context.report({ start, end: forwarded.node.end, messageId: 'personalized', data: { option: ttl.key, how: forwarded.how } });
    }
  },
});

/** `cacheTtl` that is not a constant ≤ 0, or `cacheTtlByStatus` with a range whose TTL is not a constant ≤ 0. */
function edgeTtl(model: WorkerModel, site: CfOptionsSite) {
  const ttl = cfOption(site, 'cacheTtl');
  if (ttl && !((model.resolver.resolveNumber(ttl.value) ?? 1) <= 0)) return ttl;
  const byStatus = cfOption(site, 'cacheTtlByStatus');
  const ranges = byStatus && model.resolver.resolveObject(byStatus.value);
  if (byStatus && !ranges) return byStatus;
  if (byStatus && ranges && model.resolver.objectEntries(ranges).some((e) => isCovering200(e.key) && !((model.resolver.resolveNumber(e.value) ?? 1) <= 0))) return byStatus;
  return undefined;
}

function isCovering200(key: string): boolean {
  const range = parseStatusRange(key);
  return !!range && rangeCovers(range, 200);
}
