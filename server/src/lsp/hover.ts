// Hover on a Cache-Control / CDN-Cache-Control / Cloudflare-CDN-Cache-Control value: formats the engine's explanation as Markdown.
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { cacheControlAt } from '../engine/domain/cache-control/cc-site-at';
import { explainCacheControl, type CacheControlExplanation } from '../engine/explain-cache-control';
import type { FileFacts } from '../engine/project/facts';
import { uriToPath } from './documents-host';
import { cap, redactSecrets } from '../engine/redact';

const HEADER_NAMES: Record<string, string> = {
  'cache-control': 'Cache-Control',
  'cdn-cache-control': 'CDN-Cache-Control',
  'cloudflare-cdn-cache-control': 'Cloudflare-CDN-Cache-Control',
};

const DOCS = 'https://developers.cloudflare.com/cache/concepts/cache-control/';

/** The hover for a position, or null when it is not on a Cache-Control-like value. */
export function hoverAt(doc: TextDocument, position: Position, factsFor?: (path: string) => FileFacts): Hover | null {
  const path = uriToPath(doc.uri);
  if (!path) return null;
  const at = cacheControlAt(path, doc.getText(), doc.offsetAt(position), factsFor?.(path));
  if (!at) return null;
  const explanation = explainCacheControl(at.site.value, at.site.header, at.context);
  const start = at.directiveStart ?? at.start;
  const end = at.directiveEnd ?? at.end;
  return {
    contents: { kind: MarkupKind.Markdown, value: formatExplanation(explanation, at.directive) },
    range: { start: doc.positionAt(start), end: doc.positionAt(end) },
  };
}

/** Markdown for an explanation; the directive under the cursor (if any) is shown in bold. */
export function formatExplanation(e: CacheControlExplanation, focus?: number): string {
  const lines: string[] = [`**${HEADER_NAMES[e.header] ?? e.header}** ${code(e.value)}`, ''];
  e.directives.forEach((d, i) => {
    const member = e.value.slice(d.start, d.end);
    const label = i === focus ? `**${code(member)}**` : code(member);
    lines.push(`- ${label}: ${escape(d.meaning)}${d.warning ? ` ⚠️ ${escape(d.warning)}` : ''}`);
  });
  for (const warning of e.warnings) lines.push(`- ⚠️ ${escape(warning)}`);
  const section = (title: string, sentences: string[]) => {
    if (sentences.length > 0) lines.push('', `**${title}:** ${sentences.map(escape).join(' ')}`);
  };
  section('Where it is read', e.where);
  section('Cloudflare edge', e.edge);
  section('Browser', e.browser);
  section('Stale copies', e.stale);
  section('Workers Cache API', e.cachePut);
  lines.push('', `[How Cloudflare honours Cache-Control](${DOCS})`);
  return lines.join('\n');
}

/**
 * A Markdown code span that holds any value: its fence is longer than the longest run of backticks inside (so the value
 * cannot close it and continue as Markdown, e.g. a live link), padded when the value starts or ends with a backtick or
 * space, and on one line (line breaks and other control characters would end the span or the list item).
 */
export function code(text: string): string {
  const flat = cap(redactSecrets(text), MAX_HOVER_QUOTE).replace(CONTROL, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(flat) && flat.trim() !== '' ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** Longest value a hover quotes (secrets are redacted first, `engine/redact.ts`). */
const MAX_HOVER_QUOTE = 200;
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const ZWSP = '\u200b';

/**
 * Escapes prose that may quote the value: every character that could start markup (quotes and parentheses are fine),
 * control characters, and the shapes renderers turn into links on their own (`scheme://`, `www.`, `name@host`), which a
 * backslash does not stop: a zero-width space breaks them.
 */
export function escape(text: string): string {
  return redactSecrets(text).replace(CONTROL, ' ').replace(/([\\`*_[\]<>|~&!])/g, '\\$1')
    .replace(/:\/\//g, `:${ZWSP}//`).replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}${ZWSP}.`).replace(/@/g, `${ZWSP}@`);
}
