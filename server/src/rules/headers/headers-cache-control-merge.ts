// headers-cache-control-merge: two different `_headers` rules that match one URL both set Cache-Control (or a CDN variant);
// the first matching rule sets it and later ones append, in file order, giving a merged, conflicting value (domain.md §0, A10).
import { defineRule } from '../../engine/define-rule';
import { headersPathCovers, headersPathsOverlap } from '../../engine/domain/cache-control/headers-overlap';
import type { HeaderLine, HeadersRule } from '../../engine/parse/headers-file';
import type { Fix } from '../../engine/types';

const CACHE_HEADERS = new Set(['cache-control', 'cdn-cache-control', 'cloudflare-cdn-cache-control']);

export default defineRule({
  id: 'headers-cache-control-merge',
  description: 'Two _headers rules matching the same URL both set Cache-Control: the later value is appended, giving a merged, conflicting header.',
  defaultSeverity: 'warn',
  fixable: false,
  hasSuggestions: true,
  kinds: ['headers'],
  defaultOptions: {},
  messages: {
    merged: '{{name}} of "{{path}}" joins that of "{{earlier}}" (line {{line}}) where both match: "{{value}}".',
  },
  mayApply: (text) => (text.match(/cache-control[ \t]*:/gi) ?? []).length >= 2,
  check(context) {
    const { text } = context;
    const rules = context.headersFile().rules.filter((rule) => !rule.skipped);
    rules.forEach((rule, index) => {
      for (const header of firstOfEach(rule.headers)) {
        // `! Name` anywhere in the rule runs before its own values are set (asset-worker headers.ts), so it wins.
        if (rule.detaches.some((d) => d.key === header.key)) continue;
        // Only nested rules (one covers the other, e.g. `/*` and `/assets/*`): rules that merely touch (`/assets/*` and
        // `/*.html`) share few real URLs, and a report there would mostly be noise.
        const earlier = rules.slice(0, index).reverse().find((other) => other.path !== rule.path
          && other.headers.some((h) => h.key === header.key) && headersPathsOverlap(other.path, rule.path)
          && (headersPathCovers(other.path, rule.path) || headersPathCovers(rule.path, other.path)));
        if (!earlier) continue;
        const earlierValues = earlier.headers.filter((h) => h.key === header.key).map((h) => h.value);
        const laterValues = rule.headers.filter((h) => h.key === header.key).map((h) => h.value);
        if (normalise(earlierValues.join(',')) === normalise(laterValues.join(','))) continue;
        const earlierWins = !headersPathCovers(earlier.path, rule.path);
        const value = [...earlierValues, ...laterValues].join(', ');
        context.report({
          start: header.nameStart, end: header.valueEnd, messageId: 'merged',
          data: {
            name: header.name, path: rule.path, earlier: earlier.path, line: earlier.line + 1,
            value: value.length > 60 ? `${value.slice(0, 57)}...` : value,
          },
          suggestions: [earlierWins ? moveAfter(text, earlier, rule, header.name) : detachIn(text, header)],
        });
      }
    });
  },
});

/** The first line of each cache header in a rule (repeated lines in one rule are joined, which cc-* rules check). */
function firstOfEach(headers: HeaderLine[]): HeaderLine[] {
  const seen = new Set<string>();
  return headers.filter((h) => CACHE_HEADERS.has(h.key) && !seen.has(h.key) && seen.add(h.key));
}

function normalise(value: string): string {
  return value.toLowerCase().split(',').map((part) => part.trim()).filter(Boolean).join(',');
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function nextLineStart(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline < 0 ? text.length : newline + 1;
}

function eolOf(text: string): string {
  return /\r\n/.test(text) ? '\r\n' : '\n';
}

/** `! Name` inserted just above the header line, with its indentation: this rule's value then replaces the earlier one. */
function detachIn(text: string, header: HeaderLine): Fix {
  const start = lineStart(text, header.nameStart);
  const indent = text.slice(start, header.nameStart);
  return { title: `Add "! ${header.name}" before it`, edits: [{ start, end: start, text: `${indent}! ${header.name}${eolOf(text)}` }] };
}

/**
 * The more specific rule comes first, so a detach there would not help (the later, generic rule appends after it): move the
 * specific block after the generic one, with `! Name` as its first line.
 */
function moveAfter(text: string, specific: HeadersRule, generic: HeadersRule, name: string): Fix {
  const eol = eolOf(text);
  const lastOf = (rule: HeadersRule) => Math.max(...rule.headers.map((h) => h.valueEnd), ...rule.detaches.map((d) => d.end));
  const blockStart = lineStart(text, specific.pathStart);
  const blockEnd = nextLineStart(text, lastOf(specific));
  const bodyStart = nextLineStart(text, specific.pathStart);
  const firstItem = Math.min(...specific.headers.map((h) => h.nameStart), ...specific.detaches.map((d) => d.start));
  const indent = text.slice(lineStart(text, firstItem), firstItem);
  let body = text.slice(bodyStart, blockEnd);
  if (!body.endsWith('\n')) body += eol;
  const insertAt = nextLineStart(text, lastOf(generic));
  const prefix = insertAt === text.length && !text.endsWith('\n') ? eol : '';
  const detach = specific.detaches.some((d) => d.key === name.toLowerCase()) ? '' : `${indent}! ${name}${eol}`;
  const moved = `${prefix}${specific.path}${eol}${detach}${body}`;
  return {
    title: `Move "${specific.path}" after "${generic.path}" and add "! ${name}"`,
    edits: [{ start: blockStart, end: blockEnd, text: '' }, { start: insertAt, end: insertAt, text: moved }],
  };
}
