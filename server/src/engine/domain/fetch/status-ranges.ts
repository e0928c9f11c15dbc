// `cacheTtlByStatus` keys: a status (`404`) or an inclusive range (`200-299`) of three-digit codes (domain.md A5, §E 23).

/** An inclusive status range. */
export interface StatusRange {
  from: number;
  to: number;
}

/** `'404'` → 404–404, `'200-299'` → 200–299 (also reversed, for the caller to report); anything else → undefined. */
export function parseStatusRange(key: string): StatusRange | undefined {
  const match = /^(\d{3})(?:-(\d{3}))?$/.exec(key);
  if (!match) return undefined;
  return { from: Number(match[1]), to: Number(match[2] ?? match[1]) };
}

/** True when the range contains `status`. */
export function rangeCovers(range: StatusRange, status: number): boolean {
  return range.from <= status && status <= range.to;
}
