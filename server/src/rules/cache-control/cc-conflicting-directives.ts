// cc-conflicting-directives: Cache-Control directives that contradict each other (public+private, no-store+max-age, …).
import { headerLabel, removeMemberEdit, replaceInSiteEdit, siteRange } from '../../engine/domain/cache-control/cc-edits';
import { joinedCacheControlSites, joinedMembers, joinedVia, type JoinedMember } from '../../engine/domain/cache-control/cc-joined';
import { edgeContext, reachesEdge } from '../../engine/domain/cache-control/edge-context';
import { defineRule } from '../../engine/define-rule';
import type { Fix } from '../../engine/types';
import { mentionsCacheControl } from '../../engine/filters/text-tests';

/** Contradicting pairs (domain.md §E 12, B4) and the message explaining each. */
type ConflictMessage = 'publicPrivate' | 'privateSMaxage' | 'noCacheImmutable' | 'noCacheMaxAge' | 'noStore';
const CONFLICTS: readonly [string, string, ConflictMessage][] = [
  ['public', 'private', 'publicPrivate'],
  ['private', 's-maxage', 'privateSMaxage'],
  ['no-cache', 'immutable', 'noCacheImmutable'],
  // RFC 9111 §4.2.1's own example of conflicting directives (domain.md §0).
  ['no-cache', 'max-age', 'noCacheMaxAge'],
  ...['max-age', 's-maxage', 'public', 'immutable', 'stale-while-revalidate', 'stale-if-error'].map((other): [string, string, ConflictMessage] => ['no-store', other, 'noStore']),
];

/** Directives that only shared caches (in practice, the edge) act on. */
const EDGE_ONLY = new Set(['s-maxage', 'stale-while-revalidate', 'stale-if-error']);

/**
 * Members that take part in conflicts. Qualified `private="Set-Cookie"` / `no-cache="Set-Cookie"` only keep those headers
 * out of shared caches (domain.md A7), and a zero lifetime (`no-store, max-age=0`) agrees with no-store, so neither counts.
 */
function participates(m: JoinedMember): boolean {
  const { key, assign, value } = m.directive;
  if ((key === 'private' || key === 'no-cache') && assign) return false;
  // `public=1` is a malformed `public` (reported as such), not one side of a conflict (domain.md §0).
  if (key === 'public' && assign) return false;
  return !(value !== undefined && /^"?0+"?$/.test(value.trim()));
}

/** Drops `=…` after a directive name (the argument it must not have). */
function removeArgumentEdit(m: JoinedMember) {
  return replaceInSiteEdit(m.site, m.directive.nameEnd, m.directive.end, '');
}

export default defineRule({
  id: 'cc-conflicting-directives',
  description: 'A Cache-Control value must not combine directives that contradict each other.',
  defaultSeverity: 'warn',
  // Info for edge-only pairs where no Cloudflare cache reads the value (see check).
  messageSeverities: {
    publicPrivate: ['warn', 'info'], privateSMaxage: ['warn', 'info'], noCacheImmutable: ['warn', 'info'],
    noStore: ['warn', 'info'], noCacheMaxAge: ['warn', 'info'], publicArgument: ['warn', 'info'],
  },
  fixable: false,
  hasSuggestions: true,
  kinds: ['worker', 'headers'],
  defaultOptions: {},
  messages: {
    publicPrivate: '\'{{a}}\' and \'{{b}}\' contradict each other in {{header}}{{via}}: no shared cache will store it.',
    privateSMaxage: '\'{{b}}\' has no effect: \'{{a}}\' in {{header}}{{via}} forbids shared caches to store the response.',
    noCacheImmutable: '\'{{a}}\' revalidates every use, which \'{{b}}\' in the same {{header}}{{via}} is meant to avoid.',
    noStore: '\'{{b}}\' has no effect next to \'{{a}}\' in {{header}}{{via}}: nothing is stored.',
    noCacheMaxAge: '\'{{a}}\' and \'{{b}}\' conflict in {{header}}{{via}}: every use is revalidated despite the lifetime.',
    publicArgument: '\'{{member}}\': public takes no argument, so caches may ignore the directive.',
  },
  mayApply: (text) => mentionsCacheControl(text) && /no-store|no-cache|private|public\s*=/i.test(text),
  check(context) {
    const sites = context.cacheControlSites();
    const joined = joinedCacheControlSites(sites, context.kind === 'headers' ? { headers: context.headersFile() } : { worker: context.worker() });
    const memberText = (m: JoinedMember) => m.site.value.slice(m.directive.start, m.directive.end);
    const removal = (m: JoinedMember): Fix | undefined => {
      const edit = removeMemberEdit(m.site, m.directive, context.text);
      return edit && { title: `Remove '${memberText(m)}'`, edits: [edit] };
    };
    const model = context.kind === 'worker' ? context.worker() : undefined;
    for (const value of joined) {
      const members = joinedMembers(value);
      // Edge-only pairs (s-maxage, stale-*, CDN headers) are info where no Cloudflare cache reads the value (domain.md §0).
      const edge = reachesEdge(edgeContext(value.site, context.facts, model));
      for (const m of members) {
        if (!m.current || m.directive.key !== 'public' || !m.directive.assign) continue;
        const edit = removeArgumentEdit(m);
        context.report({
          ...siteRange(m.site, m.directive.start, m.directive.end), messageId: 'publicArgument', data: { member: memberText(m) },
          suggestions: edit ? [{ title: "Write 'public'", edits: [edit] }] : [],
        });
      }
      const first = (key: string) => members.find((m) => m.directive.key === key && participates(m));
      for (const [keyA, keyB, messageId] of CONFLICTS) {
        const a = first(keyA);
        const b = first(keyB);
        if (!a || !b) continue;
        const [earlier, later] = members.indexOf(a) < members.indexOf(b) ? [a, b] : [b, a];
        // Report each pair once per joined value: where its later member is written.
        if (!later.current) continue;
        const suggestions = [removal(earlier), removal(later)].filter((s): s is Fix => !!s);
        const edgeOnly = value.site.header !== 'cache-control' || EDGE_ONLY.has(keyA) || EDGE_ONLY.has(keyB);
        context.report({
          ...siteRange(later.site, later.directive.start, later.directive.end), messageId, suggestions,
          ...(edgeOnly && !edge ? { severity: 'info' as const } : {}),
          data: { a: memberText(a), b: memberText(b), header: headerLabel(value.site.header), via: joinedVia(value) },
        });
      }
    }
  },
});
