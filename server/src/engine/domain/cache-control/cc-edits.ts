// Text edits on one member of a Cache-Control site (remove it with its separator, replace part of it), mapped back to the file.
import type { CcDirective } from '../../parse/cache-control';
import type { TextEdit } from '../../types';
import type { CacheControlSite } from './cc-sites';

/**
 * Removes `directive` and one separator next to it, so `a, b, c` becomes `a, c` / `a, b`.
 * When it is the only member: in `_headers` the whole header line goes (an empty value is a parse error); in code there is
 * no edit (an empty string would be a new problem). Undefined when the range is not copied verbatim from the file.
 */
export function removeMemberEdit(site: CacheControlSite, directive: CcDirective, fileText: string): TextEdit | undefined {
  const members = site.parsed.directives;
  const index = members.indexOf(directive);
  if (index < 0) return undefined;
  if (members.length === 1) {
    if (site.origin !== 'headers-file') return undefined;
    const lineStart = fileText.lastIndexOf('\n', site.start - 1) + 1;
    const newline = fileText.indexOf('\n', site.end);
    return { start: lineStart, end: newline < 0 ? fileText.length : newline + 1, text: '' };
  }
  const [from, to] = index < members.length - 1 ? [directive.start, members[index + 1]!.start] : [members[index - 1]!.end, directive.end];
  const range = site.map(from, to);
  return range && { start: range.start, end: range.end, text: '' };
}

/** Replaces `value[from, to)` of a site; undefined when that range is not copied verbatim from the file. */
export function replaceInSiteEdit(site: CacheControlSite, from: number, to: number, text: string): TextEdit | undefined {
  const range = site.map(from, to);
  return range && { start: range.start, end: range.end, text };
}

/** Where to report a range of a site's value (the whole value expression when it cannot be mapped). */
export function siteRange(site: CacheControlSite, from: number, to: number): { start: number; end: number } {
  return site.map(from, to) ?? { start: site.start, end: site.end };
}

/** The header's usual spelling for messages. */
export function headerLabel(header: string): string {
  return header === 'cache-control' ? 'Cache-Control' : header === 'cdn-cache-control' ? 'CDN-Cache-Control' : 'Cloudflare-CDN-Cache-Control';
}
