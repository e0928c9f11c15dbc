// cc-syntax: Cache-Control list syntax errors (`;`, `:`, spaces around `=`, stray commas, quotes) and misspelled directives.
import { defineRule } from '../../engine/define-rule';
import { CC_DIRECTIVES, suggestDirective } from '../../engine/parse/cache-control-directives';
import type { Fix } from '../../engine/types';
import { mentionsCacheControl } from '../../engine/filters/text-tests';

export default defineRule({
  id: 'cc-syntax',
  description: 'Cache-Control values must use the RFC 9111 list syntax and known directive names.',
  defaultSeverity: 'error',
  messageSeverities: { semicolon: 'warn', colon: 'warn', spacedEquals: 'warn', emptyMember: 'warn' },
  fixable: true,
  hasSuggestions: true,
  kinds: ['worker', 'headers'],
  defaultOptions: {},
  messages: {
    semicolon: '\';\' is not a Cache-Control separator in \'{{value}}\': strict parsers drop the whole header.',
    colon: '\'{{member}}\' uses \':\' instead of \'=\': caches see a directive named \'{{member}}\' with no argument.',
    spacedEquals: 'Spaces around \'=\' in \'{{member}}\' are not allowed by the Cache-Control grammar.',
    emptyMember: 'Stray comma in \'{{value}}\': empty list members are not allowed.',
    unbalancedQuote: "Unbalanced quote in '{{member}}': the rest of the header is read as one quoted string.",
    unknownDirective: "Unknown Cache-Control directive '{{name}}': caches ignore it. Did you mean '{{suggestion}}'?",
  },
  mayApply: (text) => mentionsCacheControl(text),
  check(context) {
    for (const site of context.cacheControlSites()) {
      const { parsed, value } = site;
      // CDN-Cache-Control / Cloudflare-CDN-Cache-Control are structured fields: their grammar problems (`;` starts a
      // parameter there, so it is never auto-fixed) belong to cdn-cc-structured-field; only misspelled names stay here.
      const targeted = site.header !== 'cache-control';
      const at = (from: number, to: number) => site.map(from, to) ?? { start: site.start, end: site.end };
      const fix = (title: string, from: number, to: number, text: string): Fix | undefined => {
        const range = site.map(from, to);
        return range ? { title, edits: [{ start: range.start, end: range.end, text }] } : undefined;
      };
      for (const separator of targeted ? [] : parsed.separators) {
        if (separator.char !== ';') continue;
        context.report({
          ...at(separator.start, separator.start + 1), messageId: 'semicolon', data: { value },
          fix: fix("Replace ';' with ','", separator.start, separator.start + 1, ','),
        });
      }
      for (const gap of targeted ? [] : parsed.emptyMembers) {
        const commaAt = value[gap.end] === ',' ? gap.end : gap.start - 1;
        if (commaAt < 0 || value[commaAt] !== ',') continue;
        context.report({
          ...at(commaAt, commaAt + 1), messageId: 'emptyMember', data: { value },
          fix: fix('Remove the stray comma', commaAt, commaAt + 1, ''),
        });
      }
      for (const d of parsed.directives) {
        const member = value.slice(d.start, d.end);
        if (d.unterminatedQuote || (targeted && d.assign?.char === ':')) {
          if (!targeted) context.report({ ...at(d.start, d.end), messageId: 'unbalancedQuote', data: { member } });
          continue;
        }
        if (targeted) {
          // Only the misspelling check below applies to a structured field.
        } else if (d.assign?.char === ':') {
          context.report({
            ...at(d.assign.start, d.assign.end), messageId: 'colon', data: { member },
            fix: fix("Replace ':' with '='", d.assign.start, d.assign.end, '='),
          });
        } else if (d.assign?.spaced) {
          context.report({
            ...at(d.assign.start, d.assign.end), messageId: 'spacedEquals', data: { member },
            fix: fix("Remove the spaces around '='", d.assign.start, d.assign.end, '='),
          });
        }
        if (CC_DIRECTIVES[d.key]) continue;
        const suggestion = suggestDirective(d.key);
        if (!suggestion) continue;
        const rename = fix(`Rename '${d.name}' to '${suggestion}'`, d.nameStart, d.nameEnd, suggestion);
        context.report({
          ...at(d.nameStart, d.nameEnd), messageId: 'unknownDirective', data: { name: d.name, suggestion },
          suggestions: rename ? [rename] : [],
        });
      }
    }
  },
});
