// Whether two `_headers` rule paths can match the same URL: `*` matches anything (also `/`), `:name` one non-empty segment.
// Follows workers-shared's rules matcher (`*` → `(?<splat>.*)`, `:name` → `(?<name>[^/]+)`); protocol is ignored (domain.md A10).

/** One step of a path pattern: a character class, possibly repeated (`star`). */
interface Step {
  /** A literal character, or 'any' (every character) or 'seg' (every character but `/`). */
  match: string | 'any' | 'seg';
  star: boolean;
}

/** Splits an absolute rule (`https://host/path`) into host and path; a relative rule has no host (matches every host). */
function split(rule: string): { host?: string; path: string } {
  const m = /^https:\/\/+([^/]*)(\/.*)?$/.exec(rule);
  return m ? { host: m[1]!, path: m[2] ?? '/' } : { path: rule };
}

function steps(pattern: string, separator: string): Step[] {
  const result: Step[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') result.push({ match: 'any', star: true });
    else if (c === ':' && /[A-Za-z_]/.test(pattern[i + 1] ?? '')) {
      while (/\w/.test(pattern[i + 1] ?? '')) i++;
      result.push({ match: separator === '/' ? 'seg' : 'any', star: false }, { match: separator === '/' ? 'seg' : 'any', star: true });
    } else result.push({ match: c, star: false });
  }
  return result;
}

function classesMeet(a: Step['match'], b: Step['match']): boolean {
  if (a === 'any' || b === 'any') return true;
  if (a === 'seg') return b !== '/';
  if (b === 'seg') return a !== '/';
  return a === b;
}

/** True when some string matches both patterns (product-automaton reachability over the two step lists). */
function intersects(a: Step[], b: Step[]): boolean {
  const seen = new Set<number>();
  const stack: [number, number][] = [[0, 0]];
  while (stack.length > 0) {
    const [i, j] = stack.pop()!;
    const key = i * (b.length + 1) + j;
    if (seen.has(key)) continue;
    seen.add(key);
    if (i === a.length && j === b.length) return true;
    const sa = a[i];
    const sb = b[j];
    if (sa?.star) stack.push([i + 1, j]);
    if (sb?.star) stack.push([i, j + 1]);
    if (sa && sb && classesMeet(sa.match, sb.match)) stack.push([sa.star ? i : i + 1, sb.star ? j : j + 1]);
  }
  return false;
}

/** True when some request URL matches both `_headers` rule paths. */
export function headersPathsOverlap(first: string, second: string): boolean {
  const a = split(first);
  const b = split(second);
  if (a.host !== undefined && b.host !== undefined && !intersects(steps(a.host, '.'), steps(b.host, '.'))) return false;
  return intersects(steps(a.path, '/'), steps(b.path, '/'));
}

/** Sample URLs a path pattern matches: each `*` and `:name` replaced by a few typical values (empty, a name, nested, a file). */
function samples(path: string): string[] {
  let result = [''];
  const parts = path.split(/(\*|:[A-Za-z_]\w*)/);
  for (const part of parts) {
    const options = part === '*' ? ['', 'q', 'q/q', 'q/q.q'] : /^:[A-Za-z_]/.test(part) ? ['q', 'q.q'] : [part];
    result = result.flatMap((prefix) => options.map((option) => prefix + option));
  }
  return result.slice(0, 64);
}

function toRegExp(path: string): RegExp {
  const source = path.split(/(\*|:[A-Za-z_]\w*)/).map((part) => (part === '*' ? '.*' : /^:[A-Za-z_]/.test(part) ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${source}$`);
}

/**
 * True when (as far as typical URLs show) every URL the `specific` path matches is also matched by `general`: `/*` covers
 * `/assets/*`, `/blog/*` covers `/blog/:slug/og.png`; `/assets/*` and `/*.html` only overlap. Hosts are not compared.
 */
export function headersPathCovers(general: string, specific: string): boolean {
  const pattern = toRegExp(split(general).path);
  return samples(split(specific).path).every((url) => pattern.test(url));
}
