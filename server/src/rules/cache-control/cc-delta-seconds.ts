// cc-delta-seconds: max-age, s-maxage, stale-*, min-fresh and max-stale values that are not plain whole numbers of seconds.
import { replaceInSiteEdit, siteRange } from '../../engine/domain/cache-control/cc-edits';
import { DELTA_DIRECTIVES } from '../../engine/parse/cache-control-directives';
import { defineRule, type MessageIdOf } from '../../engine/define-rule';
import type { Fix } from '../../engine/types';
import { mentionsCacheControl } from '../../engine/filters/text-tests';

/** Seconds per unit suffix people write by habit (`1h`, `30m`, `2d`). */
const UNIT_SECONDS: ReadonlyMap<string, number> = new Map(Object.entries({
  ms: 0.001, s: 1, sec: 1, secs: 1, second: 1, seconds: 1, m: 60, min: 60, mins: 60, minute: 60, minutes: 60,
  h: 3600, hr: 3600, hrs: 3600, hour: 3600, hours: 3600, d: 86400, day: 86400, days: 86400,
  w: 604800, wk: 604800, week: 604800, weeks: 604800, y: 31536000, yr: 31536000, year: 31536000, years: 31536000,
}));
const WITH_UNIT = /^(\d+(?:\.\d+)?)\s*([a-z]+)$/i;
const DECIMAL = /^(\d+\.\d*|\.\d+)$/;
const NEGATIVE = /^-\s*\d+(\.\d+)?$/;

export default defineRule({
  id: 'cc-delta-seconds',
  description: 'Cache-Control lifetimes (max-age, s-maxage, stale-*, min-fresh, max-stale) must be unquoted whole numbers of seconds.',
  defaultSeverity: 'error',
  messageSeverities: { quoted: 'warn' },
  fixable: true,
  hasSuggestions: true,
  kinds: ['worker', 'headers'],
  defaultOptions: {},
  messages: {
    quoted: '\'{{member}}\' quotes its number, which RFC 9111 forbids: strict parsers may drop it.',
    unit: '\'{{member}}\' has a unit, but Cache-Control takes plain seconds: caches treat it as stale or ignore it.',
    decimal: '\'{{member}}\' is not a whole number: RFC 9111 caches treat it as stale or ignore it.',
    negative: '\'{{member}}\' is negative: delta-seconds are digits only, so caches treat it as stale or ignore it.',
    empty: '\'{{member}}\' has no value, so caches treat it as stale or ignore it.',
    notNumber: '\'{{member}}\' is not a number of seconds (digits only), so caches treat it as stale or ignore it.',
  },
  mayApply: (text) => mentionsCacheControl(text) && /max-?age|stale|min-fresh/i.test(text),
  check(context) {
    for (const site of context.cacheControlSites()) {
      // CDN-Cache-Control is a structured field: a quoted or decimal lifetime drops that directive, a unit breaks the whole
      // field; cdn-cc-structured-field reports every such value there, so each problem is reported once (domain.md §0).
      if (site.header !== 'cache-control') continue;
      for (const d of site.parsed.directives) {
        // Unreadable members (`max-age:60`, open quotes) are cc-syntax's; bare `max-stale` is allowed.
        if (!DELTA_DIRECTIVES.has(d.key) || d.unterminatedQuote || d.assign?.char === ':') continue;
        if (!d.assign && d.key === 'max-stale') continue;
        const member = site.value.slice(d.start, d.end);
        const from = d.valueStart ?? d.nameEnd;
        const to = d.valueEnd ?? d.nameEnd;
        const value = (d.value ?? '').trim();
        const report = (messageId: MessageIdOf<typeof context>, more: { fix?: Fix; suggestions?: Fix[] } = {}) => {
          const range = from < to ? siteRange(site, from, to) : siteRange(site, d.start, d.end);
          context.report({ ...range, messageId, data: { member }, ...more });
        };
        const replace = (title: string, text: string): Fix[] => {
          const edit = replaceInSiteEdit(site, from, to, text);
          return edit ? [{ title, edits: [edit] }] : [];
        };
        if (/^\d+$/.test(value)) {
          if (!d.quoted) continue;
          const [fix] = replace('Remove the quotes', value);
          report('quoted', { fix });
        } else if (value === '') {
          report('empty');
        } else if (DECIMAL.test(value)) {
          const seconds = String(Math.floor(Number(value)));
          report('decimal', { suggestions: replace(`Round down to ${seconds}`, seconds) });
        } else if (NEGATIVE.test(value)) {
          report('negative', { suggestions: replace('Use 0', '0') });
        } else {
          const unit = WITH_UNIT.exec(value);
          const perUnit = unit ? UNIT_SECONDS.get(unit[2]!.toLowerCase()) : undefined;
          if (!unit || perUnit === undefined) {
            report('notNumber');
            continue;
          }
          const seconds = Math.floor(Number(unit[1]) * perUnit);
          report('unit', { suggestions: replace(`Convert '${value}' to ${seconds} seconds`, String(seconds)) });
        }
      }
    }
  },
});
