// Own parser for Pages/static-assets `_headers` files: rules, header lines and detach lines with offset ranges.
// It follows the rules of wrangler's parseHeaders.ts (domain.md A10) but keeps positions and collects every issue.

/** Limits from workers-shared constants (domain.md A10). */
export const MAX_HEADER_RULES = 100;
export const MAX_HEADER_LINE_LENGTH = 2000;

/** A `Name: value` line inside a rule. */
export interface HeaderLine {
  name: string;
  /** Lower-cased name. */
  key: string;
  value: string;
  line: number;
  nameStart: number;
  nameEnd: number;
  valueStart: number;
  valueEnd: number;
}

/** A `! Name` line that detaches a header inherited from another rule. */
export interface DetachLine {
  name: string;
  key: string;
  line: number;
  start: number;
  end: number;
}

/** A URL line and the header lines under it. */
export interface HeadersRule {
  path: string;
  line: number;
  pathStart: number;
  pathEnd: number;
  headers: HeaderLine[];
  detaches: DetachLine[];
  /** Set when wrangler drops the whole rule (and so its headers), e.g. for a second `*`. */
  skipped?: HeadersIssue['code'];
}

/** Something wrangler would reject or skip, with wrangler's own wording where it has one. */
export interface HeadersIssue {
  code: 'line-too-long' | 'too-many-rules' | 'header-before-path' | 'missing-colon' | 'name-has-spaces' | 'empty-name'
    | 'empty-value' | 'no-headers' | 'bad-url' | 'port' | 'multiple-wildcards' | 'wildcard-and-splat' | 'detach-without-space';
  message: string;
  line: number;
  start: number;
  end: number;
}

/** A parsed `_headers` file. */
export interface HeadersFile {
  rules: HeadersRule[];
  issues: HeadersIssue[];
}

const LINE_IS_PROBABLY_A_PATH = /^([^\s]+:\/\/|\/)/;
const HTTPS_URL = /^https:\/\/+([^/]+)\/?(.*)$/;

/** Parses a `_headers` file. Never throws. */
export function parseHeadersFile(text: string): HeadersFile {
  const rules: HeadersRule[] = [];
  const issues: HeadersIssue[] = [];
  let current: HeadersRule | undefined;
  /** After a rejected URL line wrangler skips the following header lines silently, until the next URL line. */
  let skippingRejected = false;
  let offset = 0;
  const lines = text.split('\n');
  const closeRule = () => {
    if (current && !current.skipped && current.headers.length === 0 && current.detaches.length === 0) {
      issues.push({ code: 'no-headers', message: 'No headers specified', line: current.line, start: current.pathStart, end: current.pathEnd });
    }
    current = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const lineStart = offset;
    offset += raw.length + 1;
    const lead = raw.length - raw.trimStart().length;
    const line = raw.trim();
    const start = lineStart + lead;
    const end = start + line.length;
    if (line.length === 0 || line.startsWith('#')) continue;
    const issue = (code: HeadersIssue['code'], message: string, s = start, e = end) => issues.push({ code, message, line: i, start: s, end: e });
    if (line.length > MAX_HEADER_LINE_LENGTH) {
      issue('line-too-long', `Ignoring line ${i + 1} as it exceeds the maximum allowed length of ${MAX_HEADER_LINE_LENGTH}.`);
      continue;
    }
    if (LINE_IS_PROBABLY_A_PATH.test(line)) {
      closeRule();
      if (rules.length >= MAX_HEADER_RULES) {
        issue('too-many-rules', `Maximum number of rules supported is ${MAX_HEADER_RULES}. Skipping remaining ${lines.length - i} lines of file.`);
        break;
      }
      const urlError = validatePath(line);
      skippingRejected = !!urlError;
      if (urlError) {
        issue(urlError.code, urlError.message);
        continue;
      }
      current = { path: line, line: i, pathStart: start, pathEnd: end, headers: [], detaches: [] };
      const wildcards = line.split('*').length - 1;
      if (wildcards > 1) {
        issue('multiple-wildcards', `Only one wildcard is allowed per rule; "${line}" has ${wildcards}. Use a :placeholder for the others.`);
        current.skipped = 'multiple-wildcards';
      } else if (wildcards === 1 && line.includes(':splat')) {
        issue('wildcard-and-splat', `Cannot combine a wildcard * with a :splat placeholder in "${line}".`);
        current.skipped = 'wildcard-and-splat';
      }
      rules.push(current);
      continue;
    }
    if (skippingRejected) continue;
    const colon = line.indexOf(':');
    if (colon < 0) {
      if (current && line.startsWith('! ')) {
        const name = line.slice(1).trim();
        current.detaches.push({ name, key: name.toLowerCase(), line: i, start, end });
      } else if (current && line.startsWith('!')) {
        issue('detach-without-space', 'Expected a colon-separated header pair (e.g. name: value)');
      } else if (current) {
        issue('missing-colon', 'Expected a colon-separated header pair (e.g. name: value)');
      } else {
        issue('header-before-path', 'Expected a path beginning with at least one forward-slash');
      }
      continue;
    }
    const name = line.slice(0, colon).trim();
    const rawValue = line.slice(colon + 1);
    const value = rawValue.trim();
    if (name.includes(' ')) {
      issue('name-has-spaces', 'Header name cannot include spaces');
      continue;
    }
    if (name === '') {
      issue('empty-name', 'No header name specified');
      continue;
    }
    if (value === '') {
      issue('empty-value', 'No header value specified');
      continue;
    }
    if (!current) {
      issue('header-before-path', `Path should come before header (${name.toLowerCase()}: ${value})`);
      continue;
    }
    const valueStart = start + colon + 1 + (rawValue.length - rawValue.trimStart().length);
    current.headers.push({
      name, key: name.toLowerCase(), value, line: i,
      nameStart: start, nameEnd: start + name.length, valueStart, valueEnd: valueStart + value.length,
    });
  }
  closeRule();
  return { rules, issues };
}

function validatePath(line: string): { code: HeadersIssue['code']; message: string } | undefined {
  const https = HTTPS_URL.exec(line);
  if (https) {
    if (/:\d+$/.test(https[1]!)) return { code: 'port', message: `Specifying ports is not supported. Skipping absolute URL ${line}.` };
    return undefined;
  }
  if (line.startsWith('/')) return undefined;
  return { code: 'bad-url', message: 'URLs should either be relative (e.g. begin with a forward-slash), or use HTTPS (e.g. begin with "https://").' };
}
