// cdn-cc-structured-field: CDN-Cache-Control / Cloudflare-CDN-Cache-Control values that a strict RFC 9213 recipient
// ignores in whole (SF parse error, empty) or in part (a non-Integer lifetime, a `;` parameter). domain.md §0, B3.
import { headerLabel, replaceInSiteEdit, siteRange } from '../../engine/domain/cache-control/cc-edits';
import { structuredFieldProblems } from '../../engine/domain/cache-control/cdn-structured-field';
import { edgeContext, reachesEdge } from '../../engine/domain/cache-control/edge-context';
import { defineRule } from '../../engine/define-rule';
import type { Fix } from '../../engine/types';

export default defineRule({
  id: 'cdn-cc-structured-field',
  description: 'CDN-Cache-Control and Cloudflare-CDN-Cache-Control values must be valid Structured-Field Dictionaries with integer lifetimes.',
  defaultSeverity: 'warn',
  messageSeverities: { parseError: ['warn', 'info'], dropped: ['warn', 'info'], parameter: ['warn', 'info'] },
  fixable: false,
  hasSuggestions: true,
  kinds: ['worker', 'headers'],
  defaultOptions: {},
  messages: {
    parseError: '{{header}} \'{{value}}\' is not a valid structured field ({{reason}}): caches ignore it{{fallback}}.',
    dropped: '\'{{member}}\' in {{header}} is not a non-negative integer: caches drop this directive.',
    parameter: '\';\' makes \'{{parameter}}\' a parameter of \'{{owner}}\' in {{header}}: caches ignore parameters.',
  },
  mayApply: (text) => /cdn-cache-control/i.test(text),
  check(context) {
    const model = context.kind === 'worker' ? context.worker() : undefined;
    for (const site of context.cacheControlSites()) {
      if (site.header === 'cache-control') continue;
      // Edge-only header: a warning where a Cloudflare cache reads it, info elsewhere (domain.md §0, issue 7 §2).
      const severity = reachesEdge(edgeContext(site, context.facts, model)) ? 'warn' : 'info';
      const header = headerLabel(site.header);
      const replace = (title: string, from: number, to: number, text: string): Fix[] => {
        const edit = replaceInSiteEdit(site, from, to, text);
        return edit ? [{ title, edits: [edit] }] : [];
      };
      for (const problem of structuredFieldProblems(site.value)) {
        if (problem.kind === 'parse-error') {
          const fallback = site.header === 'cloudflare-cdn-cache-control' ? ' and use CDN-Cache-Control or Cache-Control' : ' and use Cache-Control';
          const range = problem.end > problem.start ? siteRange(site, problem.start, problem.end) : { start: site.start, end: site.end };
          context.report({
            ...range, messageId: 'parseError', severity, data: { header, value: site.value, reason: problem.reason, fallback },
            suggestions: problem.fixable ? replace(problem.fixable.title, 0, site.value.length, problem.fixable.text) : [],
          });
        } else if (problem.kind === 'dropped') {
          const suggestions = problem.replacement !== undefined ? replace(`Write ${problem.key}=${problem.replacement}`, problem.valueStart, problem.valueEnd, problem.replacement) : [];
          context.report({ ...siteRange(site, problem.start, problem.end), messageId: 'dropped', severity, data: { member: problem.member, header }, suggestions });
        } else {
          // Never a fix: the parameter may be deliberate (domain.md §0).
          context.report({
            ...siteRange(site, problem.separator, problem.end), messageId: 'parameter', severity,
            data: { parameter: problem.parameter, owner: problem.owner, header },
            suggestions: replace("Replace ';' with ','", problem.separator, problem.separator + 1, ','),
          });
        }
      }
    }
  },
});
