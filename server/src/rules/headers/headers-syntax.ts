// headers-syntax: lines of a `_headers` file that wrangler rejects or skips (its parseHeaders.ts rules), with positions.
import { defineRule } from '../../engine/define-rule';
import { MAX_HEADER_RULES, type HeadersIssue } from '../../engine/parse/headers-file';
import type { Fix } from '../../engine/types';

/** messageId per parser issue code. */
const MESSAGE_OF = {
  'line-too-long': 'lineTooLong', 'too-many-rules': 'tooManyRules', 'header-before-path': 'headerBeforePath',
  'missing-colon': 'missingColon', 'name-has-spaces': 'nameHasSpaces', 'empty-name': 'emptyName', 'empty-value': 'emptyValue',
  'no-headers': 'noHeaders', 'bad-url': 'badUrl', port: 'port', 'multiple-wildcards': 'multipleWildcards',
  'wildcard-and-splat': 'wildcardAndSplat', 'detach-without-space': 'detachWithoutSpace',
} as const satisfies Record<HeadersIssue['code'], string>;

export default defineRule({
  id: 'headers-syntax',
  description: '_headers lines must follow the syntax wrangler accepts; rejected lines and rules are skipped silently at deploy.',
  defaultSeverity: 'error',
  messageSeverities: { noHeaders: 'warn' },
  fixable: false,
  hasSuggestions: true,
  kinds: ['headers'],
  defaultOptions: {},
  messages: {
    lineTooLong: 'Line {{line}} is {{length}} characters long (over 2,000), so wrangler ignores it.',
    tooManyRules: 'Rule "{{text}}" is over the limit of {{max}} rules: wrangler ignores it and the rest of the file.',
    headerBeforePath: '"{{text}}" is not under any URL line, so wrangler skips it.',
    missingColon: '"{{text}}" is neither a "Name: value" nor a "! Name" line, so wrangler skips it.',
    nameHasSpaces: 'Header name "{{name}}" contains a space, so wrangler skips the line.',
    emptyName: '"{{text}}" has no header name, so wrangler skips it.',
    emptyValue: 'Header "{{name}}" has no value, so wrangler skips it.',
    noHeaders: 'Rule "{{text}}" has no header lines under it, so wrangler drops it.',
    badUrl: 'Rule path "{{text}}" is neither relative nor https://, so wrangler skips the rule and its headers.',
    port: 'Rule URL "{{text}}" has a port, so wrangler skips the rule and its headers.',
    multipleWildcards: 'Rule "{{text}}" has {{count}} * wildcards but only one is allowed: wrangler skips it and its headers.',
    wildcardAndSplat: 'Rule "{{text}}" combines a * wildcard with :splat, so wrangler skips the rule and its headers.',
    detachWithoutSpace: '"{{text}}" is not a detach line: wrangler needs "! " with a space and skips it.',
  },
  mayApply: (text) => /\S/.test(text),
  check(context) {
    const { text } = context;
    for (const issue of context.headersFile().issues) {
      const lineText = text.slice(issue.start, issue.end);
      const colon = lineText.indexOf(':');
      const name = colon >= 0 ? lineText.slice(0, colon).trim() : lineText.replace(/^!/, '').trim();
      context.report({
        start: issue.start, end: issue.end, messageId: MESSAGE_OF[issue.code],
        data: {
          text: short(lineText), name, line: issue.line + 1, length: lineText.length,
          max: MAX_HEADER_RULES, count: (lineText.match(/\*/g) ?? []).length,
        },
        suggestions: suggestionsFor(issue, lineText),
      });
    }
  },
});

/** Keeps messages readable for 2,000-character lines. */
function short(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function suggestionsFor(issue: HeadersIssue, line: string): Fix[] {
  if (issue.code === 'port') {
    const scheme = /^https:\/\/+/.exec(line)![0].length;
    const host = /^[^/]+/.exec(line.slice(scheme))![0];
    const port = /:\d+$/.exec(host)!;
    const start = issue.start + scheme + port.index;
    return [{ title: `Remove the port ${port[0].slice(1)}`, edits: [{ start, end: start + port[0].length, text: '' }] }];
  }
  if (issue.code === 'bad-url' && /^http:\/\//.test(line)) {
    return [{ title: 'Use https://', edits: [{ start: issue.start, end: issue.start + 4, text: 'https' }] }];
  }
  if (issue.code === 'multiple-wildcards') return placeholderSuggestion(issue.start, line);
  if (issue.code === 'detach-without-space') {
    const name = line.slice(1).trim();
    return [{ title: `Write "! ${name}"`, edits: [{ start: issue.start, end: issue.end, text: `! ${name}` }] }];
  }
  return [];
}

/**
 * Turns every `*` but the last into `:p1`, `:p2`… (`/a/*\/b/*` → `/a/:p1/b/*`). Offered only when each replaced `*` is a
 * whole path segment: a placeholder matches one segment while `*` matches across `/`, so this is a suggestion.
 */
function placeholderSuggestion(offset: number, line: string): Fix[] {
  const stars = [...line.matchAll(/\*/g)].map((m) => m.index!);
  const replaced = stars.slice(0, -1);
  if (replaced.some((i) => line[i - 1] !== '/' || line[i + 1] !== '/')) return [];
  const edits = [];
  let n = 0;
  for (const index of replaced) {
    let name: string;
    do name = `p${++n}`; while (new RegExp(`:${name}\\b`).test(line));
    edits.push({ start: offset + index, end: offset + index + 1, text: `:${name}` });
  }
  const result = edits.map((e) => e.text).join(', ');
  return [{ title: `Replace all but the last * with ${result}`, edits }];
}
