// cc-stale-disabled: stale-while-revalidate / stale-if-error next to s-maxage, must-revalidate or proxy-revalidate, which turn stale serving off.
import { headerLabel, removeMemberEdit, replaceInSiteEdit, siteRange } from '../../engine/domain/cache-control/cc-edits';
import { joinedCacheControlSites, joinedMembers, joinedVia, type JoinedMember } from '../../engine/domain/cache-control/cc-joined';
import { defineRule } from '../../engine/define-rule';
import type { Fix, TextEdit } from '../../engine/types';

const STALE = new Set(['stale-while-revalidate', 'stale-if-error']);
const DISABLERS = new Set(['s-maxage', 'must-revalidate', 'proxy-revalidate']);

export default defineRule({
  id: 'cc-stale-disabled',
  description: 'stale-while-revalidate and stale-if-error do nothing on Cloudflare when s-maxage, must-revalidate or proxy-revalidate is also set.',
  defaultSeverity: 'warn',
  fixable: false,
  hasSuggestions: true,
  kinds: ['worker', 'headers'],
  defaultOptions: {},
  messages: {
    disabled: "'{{member}}' is ignored by Cloudflare: {{disablers}} in the same {{header}}{{via}} {{verb}} stale serving off; {{advice}}.",
  },
  mayApply: (text) => /stale-(while|if)/i.test(text) && /s-maxage|revalidate/i.test(text),
  check(context) {
    const sites = context.cacheControlSites();
    const joined = joinedCacheControlSites(sites, context.kind === 'headers' ? { headers: context.headersFile() } : { worker: context.worker() });
    const memberText = (m: JoinedMember) => m.site.value.slice(m.directive.start, m.directive.end);
    for (const value of joined) {
      const members = joinedMembers(value);
      const disablers = members.filter((m) => DISABLERS.has(m.directive.key));
      if (disablers.length === 0) continue;
      const reported = new Set<string>();
      for (const stale of members) {
        const { key, value: seconds } = stale.directive;
        // `stale-if-error=0` / `stale-while-revalidate=0` already say "no stale serving" (domain.md A6, A7).
        if (!STALE.has(key) || reported.has(key) || (seconds !== undefined && /^0+$/.test(seconds.trim()))) continue;
        reported.add(key);
        // Report once per joined value: where the pair is completed (the later of the stale member and the first disabler).
        const completing = members.indexOf(stale) > members.indexOf(disablers[0]!) ? stale : disablers[0]!;
        if (!completing.current) continue;
        context.report({
          ...siteRange(stale.site, stale.directive.start, stale.directive.end), messageId: 'disabled',
          data: {
            member: memberText(stale), disablers: disablers.map((d) => `'${memberText(d)}'`).join(' and '), verb: disablers.length > 1 ? 'turn' : 'turns',
            header: headerLabel(value.site.header), via: joinedVia(value), advice: advice(members, disablers, value.site.header),
          },
          suggestions: enableStale(members, disablers, memberText, context.text),
        });
      }
    }
  },
});

/** What to do instead, for the message. */
function advice(members: JoinedMember[], disablers: JoinedMember[], header: string): string {
  const parts: string[] = [];
  if (disablers.some((d) => d.directive.key === 's-maxage')) {
    const hasMaxAge = members.some((m) => m.directive.key === 'max-age');
    parts.push(header !== 'cache-control' ? (hasMaxAge ? 'drop s-maxage' : 'use max-age instead of s-maxage')
      : hasMaxAge ? 'move s-maxage to CDN-Cache-Control as max-age for an edge-only TTL'
        : 'use max-age instead of s-maxage (or CDN-Cache-Control for an edge-only TTL)');
  }
  const revalidate = [...new Set(disablers.filter((d) => d.directive.key !== 's-maxage').map((d) => d.directive.key))];
  if (revalidate.length > 0) parts.push(`drop ${revalidate.join(' and ')} if serving a stale copy is acceptable`);
  return parts.join(', and ');
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
