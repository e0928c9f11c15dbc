// cc-stale-disabled: stale-while-revalidate / stale-if-error next to directives that turn stale serving off, or in a Cache-Control
// that a CDN header overrides. Edge-only cases are reported only where a Cloudflare cache reads the value (edge-context.ts).
import { headerLabel, removeMemberEdit, replaceInSiteEdit, siteRange } from '../../engine/domain/cache-control/cc-edits';
import { joinedCacheControlSites, joinedMembers, joinedVia, type JoinedMember } from '../../engine/domain/cache-control/cc-joined';
import { companionCdnHeader, edgeContext, edgeContextLabel, reachesEdge } from '../../engine/domain/cache-control/edge-context';
import { defineRule } from '../../engine/define-rule';
import type { Fix, TextEdit } from '../../engine/types';
import { mentionsCacheControl } from '../../engine/filters/text-tests';

const STALE = new Set(['stale-while-revalidate', 'stale-if-error']);
/** Disable stale serving in Cloudflare's caches (domain.md A6, A7, §0); s-maxage and proxy-revalidate bind shared caches only. */
const EDGE_DISABLERS = new Set(['s-maxage', 'must-revalidate', 'proxy-revalidate', 'no-cache']);
/** Disables stale serving in every cache, browsers included (RFC 9111 §4.2.4, §5.2.2.2). */
const ANY_CACHE_DISABLERS = new Set(['must-revalidate']);

export default defineRule({
  id: 'cc-stale-disabled',
  description: 'stale-while-revalidate and stale-if-error do nothing when s-maxage, must-revalidate, proxy-revalidate or no-cache is also set, or (on Cloudflare) when a CDN header overrides Cache-Control.',
  defaultSeverity: 'warn',
  messageSeverities: { disabledNoCache: 'info' },
  fixable: false,
  hasSuggestions: true,
  kinds: ['worker', 'headers'],
  defaultOptions: {},
  messages: {
    disabled: '\'{{member}}\' is ignored by Cloudflare ({{where}}): {{disablers}} in {{header}}{{via}} {{verb}} it off.',
    disabledNoCache: '\'{{member}}\' may be ignored by Cloudflare ({{where}}): \'no-cache\' in {{header}}{{via}} turns it off.',
    disabledAnyCache: '\'{{member}}\' has no effect: {{disablers}} in {{header}}{{via}} forbids every cache to serve stale.',
    cdnOverrides: '\'{{member}}\' never reaches Cloudflare ({{where}}): the response also sets {{cdn}}, which wins.',
  },
  mayApply: (text) => mentionsCacheControl(text) && /stale-(while|if)/i.test(text) && (/s-maxage|revalidate|no-cache/i.test(text) || /cdn-cache-control/i.test(text)),
  check(context) {
    const sites = context.cacheControlSites();
    const model = context.kind === 'worker' ? context.worker() : undefined;
    const joined = joinedCacheControlSites(sites, context.kind === 'headers' ? { headers: context.headersFile() } : { worker: model });
    const memberText = (m: JoinedMember) => m.site.value.slice(m.directive.start, m.directive.end);
    for (const value of joined) {
      // Edge-only semantics count only where a Cloudflare cache reads the value (domain.md §0, issue 7 §2).
      const where = edgeContext(value.site, context.facts, model);
      const edge = reachesEdge(where);
      const members = joinedMembers(value);
      const staleMembers = members.filter((m) => STALE.has(m.directive.key) && !isZero(m));
      const cdn = edge ? companionCdnHeader(value.site, sites) : undefined;
      if (cdn) {
        for (const stale of staleMembers.filter((m) => m.current)) {
          context.report({
            ...siteRange(stale.site, stale.directive.start, stale.directive.end), messageId: 'cdnOverrides',
            data: { member: memberText(stale), where: edgeContextLabel(where), cdn: headerLabel(cdn.header) },
          });
        }
        continue;
      }
      const disablers = members.filter((m) => (edge ? EDGE_DISABLERS : ANY_CACHE_DISABLERS).has(m.directive.key) && !(m.directive.key === 'no-cache' && m.directive.assign));
      if (disablers.length === 0) continue;
      const reported = new Set<string>();
      for (const stale of staleMembers) {
        const { key } = stale.directive;
        // `stale-if-error=0` / `stale-while-revalidate=0` already say "no stale serving" (domain.md A6, A7).
        if (reported.has(key)) continue;
        reported.add(key);
        // Report once per joined value: where the pair is completed (the later of the stale member and the first disabler).
        const completing = members.indexOf(stale) > members.indexOf(disablers[0]!) ? stale : disablers[0]!;
        if (!completing.current) continue;
        const range = siteRange(stale.site, stale.directive.start, stale.directive.end);
        const strict = disablers.filter((d) => d.directive.key !== 'no-cache');
        const base = { member: memberText(stale), header: headerLabel(value.site.header), via: joinedVia(value), where: edgeContextLabel(where) };
        if (strict.length === 0) {
          context.report({ ...range, messageId: 'disabledNoCache', data: base, suggestions: enableStale(members, disablers, memberText, context.text) });
          continue;
        }
        const names = strict.map((d) => `'${memberText(d)}'`).join(' and ');
        if (!edge) {
          context.report({ ...range, messageId: 'disabledAnyCache', data: { ...base, disablers: names }, suggestions: enableStale(members, strict, memberText, context.text) });
          continue;
        }
        context.report({
          ...range, messageId: 'disabled',
          data: { ...base, disablers: names, verb: strict.length > 1 ? 'turn' : 'turns' },
          suggestions: enableStale(members, strict, memberText, context.text),
        });
      }
    }
  },
});

function isZero(m: JoinedMember): boolean {
  return m.directive.value !== undefined && /^0+$/.test(m.directive.value.trim());
}

/** One suggestion that clears every disabler: s-maxage becomes max-age (only when there is no max-age yet), the revalidate directives go. */
function enableStale(members: JoinedMember[], disablers: JoinedMember[], memberText: (m: JoinedMember) => string, fileText: string): Fix[] {
  const hasMaxAge = members.some((m) => m.directive.key === 'max-age');
  const edits: TextEdit[] = [];
  const titles: string[] = [];
  for (const d of disablers) {
    const edit = d.directive.key === 's-maxage'
      ? (hasMaxAge ? undefined : replaceInSiteEdit(d.site, d.directive.nameStart, d.directive.nameEnd, 'max-age'))
      : removeMemberEdit(d.site, d.directive, fileText);
    if (!edit) return [];
    edits.push(edit);
    titles.push(d.directive.key === 's-maxage' ? 'use max-age instead of s-maxage' : `remove '${memberText(d)}'`);
  }
  // Two removals in one value can touch the same separator; such a combination is left to the user.
  const sorted = [...edits].sort((x, y) => x.start - y.start);
  if (sorted.some((e, i) => i > 0 && e.start < sorted[i - 1]!.end)) return [];
  const title = titles.join(' and ');
  return [{ title: title[0]!.toUpperCase() + title.slice(1), edits }];
}
