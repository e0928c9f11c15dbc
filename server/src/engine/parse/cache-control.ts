// Own lenient Cache-Control parser: directives, arguments and separators, each with its offset range in the value.
// Why our own: no library keeps positions, and we must see the mistakes (`;`, `:`, spaces) that strict parsers reject.

/** One member of a Cache-Control list, e.g. `max-age=60`. Offsets are relative to the value string. */
export interface CcDirective {
  /** Name as written. */
  name: string;
  /** Lower-cased name, for lookups (names are case-insensitive, RFC 9111 §5.2). */
  key: string;
  start: number;
  end: number;
  nameStart: number;
  nameEnd: number;
  /** The `=` (or wrongly used `:`) between name and argument, with surrounding spaces. */
  assign?: { char: '=' | ':'; start: number; end: number; spaced: boolean };
  /** The argument without quotes. */
  value?: string;
  /** The argument as written (with quotes). */
  rawValue?: string;
  valueStart?: number;
  valueEnd?: number;
  quoted: boolean;
  unterminatedQuote: boolean;
}

/** A list separator between members. */
export interface CcSeparator {
  char: ',' | ';';
  start: number;
}

/** A parsed Cache-Control value. */
export interface ParsedCacheControl {
  text: string;
  directives: CcDirective[];
  separators: CcSeparator[];
  /** Ranges of empty members (`a,,b`, a leading or trailing comma). */
  emptyMembers: { start: number; end: number }[];
}

const WS = /\s/;

/** Parses a Cache-Control (or CDN-Cache-Control) value leniently, accepting `,` and `;` as separators like Pingora. */
export function parseCacheControl(text: string): ParsedCacheControl {
  const result: ParsedCacheControl = { text, directives: [], separators: [], emptyMembers: [] };
  let memberStart = 0;
  let inQuote = false;
  for (let i = 0; i <= text.length; i++) {
    const ch = text[i];
    if (i < text.length && ch === '"' && text[i - 1] !== '\\') inQuote = !inQuote;
    const atEnd = i === text.length;
    if (atEnd || (!inQuote && (ch === ',' || ch === ';'))) {
      addMember(result, text, memberStart, i);
      if (!atEnd) result.separators.push({ char: ch as ',' | ';', start: i });
      memberStart = i + 1;
    }
  }
  if (result.directives.length === 0 && result.separators.length === 0) result.emptyMembers = [];
  return result;
}

function addMember(result: ParsedCacheControl, text: string, from: number, to: number): void {
  let start = from;
  let end = to;
  while (start < end && WS.test(text[start]!)) start++;
  while (end > start && WS.test(text[end - 1]!)) end--;
  if (start === end) {
    result.emptyMembers.push({ start: from, end: to });
    return;
  }
  const member = text.slice(start, end);
  let opIndex = indexOutsideQuotes(member, '=');
  if (opIndex < 0) opIndex = indexOutsideQuotes(member, ':');
  if (opIndex < 0) {
    result.directives.push({
      name: member, key: member.toLowerCase(), start, end, nameStart: start, nameEnd: end,
      quoted: false, unterminatedQuote: false,
    });
    return;
  }
  let nameEnd = start + opIndex;
  while (nameEnd > start && WS.test(text[nameEnd - 1]!)) nameEnd--;
  let valueStart = start + opIndex + 1;
  while (valueStart < end && WS.test(text[valueStart]!)) valueStart++;
  const opChar = text[start + opIndex] as '=' | ':';
  const rawValue = text.slice(valueStart, end);
  const quoted = rawValue.startsWith('"');
  const unterminatedQuote = quoted && (rawValue.length < 2 || !rawValue.endsWith('"'));
  const value = quoted ? rawValue.slice(1, unterminatedQuote ? undefined : -1) : rawValue;
  const name = text.slice(start, nameEnd);
  result.directives.push({
    name, key: name.toLowerCase(), start, end, nameStart: start, nameEnd,
    assign: { char: opChar, start: nameEnd, end: valueStart, spaced: valueStart - nameEnd > 1 },
    value, rawValue, valueStart, valueEnd: end, quoted, unterminatedQuote,
  });
}

function indexOutsideQuotes(s: string, ch: string): number {
  let inQuote = false;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '"') inQuote = !inQuote;
    else if (!inQuote && s[i] === ch) return i;
  }
  return -1;
}
