// Applies fixes (data: offset edits) to text, skipping overlaps like ESLint; fixFile re-lints until stable (max 10 passes).
import type { Fix, Problem, TextEdit } from './types';

/** Applies non-overlapping edits (sorted by start); an edit overlapping an earlier one is skipped. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let result = '';
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.start < cursor) continue;
    result += text.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return result + text.slice(cursor);
}

/** Applies one fix (all its edits). */
export function applyFix(text: string, fix: Fix): string {
  return applyEdits(text, fix.edits);
}

/** Applies the fixes of the given problems; a fix whose edits overlap an already applied fix waits for the next pass. */
export function applyFixes(text: string, problems: readonly Problem[]): { text: string; applied: number } {
  const fixes = problems.filter((p) => p.fix).map((p) => p.fix!).sort((a, b) => minStart(a) - minStart(b));
  // Taken edits sorted by (start, end): they never overlap, so their ends ascend too, and one binary search per edit
  // finds the only neighbours that can overlap it (a scan of every taken edit is quadratic in the number of fixes).
  const taken: TextEdit[] = [];
  let applied = 0;
  for (const fix of fixes) {
    if (fix.edits.some((e) => overlapsTaken(taken, e))) continue;
    for (const edit of fix.edits) taken.splice(firstAtOrAfter(taken, edit), 0, edit);
    applied++;
  }
  return { text: applyEdits(text, taken), applied };
}

/** Index of the first taken edit that sorts at or after `edit` by (start, end). */
function firstAtOrAfter(taken: readonly TextEdit[], edit: TextEdit): number {
  let lo = 0;
  let hi = taken.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const t = taken[mid]!;
    if (t.start < edit.start || (t.start === edit.start && t.end < edit.end)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function overlapsTaken(taken: readonly TextEdit[], edit: TextEdit): boolean {
  const at = firstAtOrAfter(taken, edit);
  for (const i of [at - 1, at, at + 1]) {
    const t = taken[i];
    if (t && overlaps(edit, t)) return true;
  }
  return false;
}

/** Maximum fix passes, as in ESLint. */
export const MAX_FIX_PASSES = 10;

/**
 * Re-lints and applies fixes until nothing changes or MAX_FIX_PASSES is reached. `mayFix` is asked before each pass that has
 * fixes; when it says no (the text does not parse), the text is left as it is and its problems are still returned.
 */
export function fixUntilStable(
  text: string,
  lint: (text: string) => Problem[],
  mayFix: (text: string, problems: readonly Problem[]) => boolean = () => true,
): { text: string; passes: number; problems: Problem[] } {
  let current = text;
  let problems = lint(current);
  let passes = 0;
  while (passes < MAX_FIX_PASSES) {
    if (!problems.some((p) => p.fix) || !mayFix(current, problems)) break;
    const { text: next, applied } = applyFixes(current, problems);
    if (applied === 0 || next === current) break;
    current = next;
    passes++;
    problems = lint(current);
  }
  return { text: current, passes, problems };
}

function minStart(fix: Fix): number {
  return Math.min(...fix.edits.map((e) => e.start));
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  return a.start < b.end && b.start < a.end || (a.start === b.start && a.end === a.start && b.end === b.start);
}
