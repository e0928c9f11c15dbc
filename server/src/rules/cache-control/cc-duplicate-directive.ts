// cc-duplicate-directive: the same Cache-Control directive twice in one header value, also after `_headers` or append joins.
import { headerLabel, removeMemberEdit, siteRange } from '../../engine/domain/cache-control/cc-edits';
import { joinedCacheControlSites, joinedMembers, joinedVia, type JoinedMember } from '../../engine/domain/cache-control/cc-joined';
import { defineRule } from '../../engine/define-rule';
import type { Fix } from '../../engine/types';
import { mentionsCacheControl } from '../../engine/filters/text-tests';

export default defineRule({
  id: 'cc-duplicate-directive',
  description: 'A Cache-Control directive must appear only once in a header value, including values joined from several lines or appends.',
  defaultSeverity: 'warn',
  fixable: true,
  hasSuggestions: true,
  kinds: ['worker', 'headers'],
  defaultOptions: {},
  messages: {
    same: '\'{{member}}\' appears twice in {{header}}{{via}}; the second copy is redundant.',
    different: '\'{{member}}\' repeats \'{{first}}\' in {{header}}{{via}}: caches disagree on which value applies.',
  },
  mayApply: (text) => mentionsCacheControl(text),
  check(context) {
    const sites = context.cacheControlSites();
    const joined = joinedCacheControlSites(sites, context.kind === 'headers' ? { headers: context.headersFile() } : { worker: context.worker() });
    const memberText = (m: JoinedMember) => m.site.value.slice(m.directive.start, m.directive.end);
    const removal = (title: string, m: JoinedMember): Fix | undefined => {
      const edit = removeMemberEdit(m.site, m.directive, context.text);
      return edit && { title, edits: [edit] };
    };
    for (const value of joined) {
      const firstByKey = new Map<string, JoinedMember>();
      for (const m of joinedMembers(value)) {
        const first = firstByKey.get(m.directive.key);
        if (!first) {
          firstByKey.set(m.directive.key, m);
          continue;
        }
        if (!m.current) continue;
        const data = { member: memberText(m), first: memberText(first), header: headerLabel(m.site.header), via: joinedVia(value) };
        const range = siteRange(m.site, m.directive.start, m.directive.end);
        if (m.directive.rawValue === first.directive.rawValue) {
          // Identical copies mean the same to every parser, so dropping the later one is safe.
          context.report({ ...range, messageId: 'same', data, fix: removal(`Remove the repeated '${data.member}'`, m) });
        } else {
          const suggestions = [removal(`Keep the first ('${data.first}')`, m), removal(`Keep the last ('${data.member}')`, first)];
          context.report({ ...range, messageId: 'different', data, suggestions: suggestions.filter((s): s is Fix => !!s) });
        }
      }
    }
  },
});
