// headers-duplicate-path: two `_headers` rules with the same path; the later replaces the earlier one entirely (domain.md §0).
import { defineRule } from '../../engine/define-rule';
import type { HeadersRule } from '../../engine/parse/headers-file';
import type { Fix } from '../../engine/types';

export default defineRule({
  id: 'headers-duplicate-path',
  description: 'Two _headers rules with the same path: the later one replaces the earlier one, whose headers are silently dropped.',
  defaultSeverity: 'warn',
  fixable: false,
  hasSuggestions: true,
  kinds: ['headers'],
  defaultOptions: {},
  messages: {
    duplicate: 'Rule "{{path}}" is repeated on line {{line}}, which replaces it: its headers ({{names}}) are never sent.',
  },
  // Needs at least two URL lines.
  mayApply: (text) => (text.match(/^[ \t]*(\/|https:\/\/)/gm) ?? []).length >= 2,
  check(context) {
    const rules = context.headersFile().rules.filter((rule) => !rule.skipped);
    const last = new Map<string, HeadersRule>();
    for (const rule of rules) last.set(rule.path, rule);
    for (const rule of rules) {
      const winner = last.get(rule.path)!;
      if (winner === rule || (rule.headers.length === 0 && rule.detaches.length === 0)) continue;
      const names = [...rule.headers.map((h) => h.name), ...rule.detaches.map((d) => `! ${d.name}`)];
      context.report({
        start: rule.pathStart, end: rule.pathEnd, messageId: 'duplicate',
        data: { path: rule.path, line: winner.line + 1, names: names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ') },
        suggestions: [mergeInto(context.text, rule, winner)],
      });
    }
  },
});

/** Offset just after the end of the line holding `offset` (past its `\n`, or the end of the text). */
function nextLineStart(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline < 0 ? text.length : newline + 1;
}

/**
 * Moves the earlier block's lines (header, detach and comment lines under its path) to the top of the winning block, so
 * they keep their order and are sent again. A suggestion: it changes the response headers.
 */
function mergeInto(text: string, rule: HeadersRule, winner: HeadersRule): Fix {
  const lastEnd = Math.max(...rule.headers.map((h) => h.valueEnd), ...rule.detaches.map((d) => d.end));
  const blockStart = text.lastIndexOf('\n', rule.pathStart - 1) + 1;
  const bodyStart = nextLineStart(text, rule.pathStart);
  const blockEnd = nextLineStart(text, lastEnd);
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  let body = text.slice(bodyStart, blockEnd);
  if (!body.endsWith('\n')) body += eol;
  const insertAt = nextLineStart(text, winner.pathStart);
  const prefix = insertAt === text.length && !text.endsWith('\n') ? eol : '';
  return {
    title: `Merge into the "${winner.path}" rule on line ${winner.line + 1}`,
    edits: [
      { start: blockStart, end: blockEnd, text: '' },
      { start: insertAt, end: insertAt, text: prefix + body },
    ],
  };
}
