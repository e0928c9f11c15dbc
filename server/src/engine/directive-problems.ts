// Problems about disable comments themselves: unknown rule ids, and (when asked) directives that silenced nothing.
import type { Directive } from './suppressions';
import { UNUSED_DIRECTIVE, type Fix, type Problem, type SeveritySetting, type TextEdit } from './types';

/** What to check about the directives of one file. */
export interface DirectiveChecks {
  /** Every rule id that exists (whether enabled or not). */
  knownRules: ReadonlySet<string>;
  /** Severity of unused disable directives (`reportUnusedDisableDirectives`); `off` reports none. */
  unused: SeveritySetting;
}

/**
 * Unknown ids (ESLint: "Definition for rule … was not found"; a typo would otherwise silence nothing, silently) and unused
 * `edgelint-disable*` directives, with a fix that removes the comment or the unused ids. `used` comes from `suppress`.
 */
export function directiveProblems(text: string, directives: readonly Directive[], used: ReadonlyMap<Directive, ReadonlySet<string>>, checks: DirectiveChecks): Problem[] {
  const problems: Problem[] = [];
  for (const d of directives) {
    for (const r of d.ruleRanges) {
      if (!checks.knownRules.has(r.id)) {
        problems.push({ ruleId: r.id, severity: 'error', message: `Definition for rule '${r.id}' was not found.`, start: r.start, end: r.end });
      }
    }
    if (checks.unused !== 'off' && d.type !== 'enable') problems.push(...unusedProblems(text, d, used.get(d) ?? new Set(), checks));
  }
  return problems;
}

function unusedProblems(text: string, d: Directive, used: ReadonlySet<string>, checks: DirectiveChecks): Problem[] {
  const severity = checks.unused as Exclude<SeveritySetting, 'off'>;
  const name = `edgelint-${d.type}`;
  const problem = (message: string, start: number, end: number, fix: Fix): Problem => ({ ruleId: UNUSED_DIRECTIVE, severity, message, start, end, fix });
  const removeComment: Fix = { title: `Remove the unused ${name} comment`, edits: [removeCommentEdit(text, d)] };
  if (d.rules.length === 0) {
    return used.size > 0 ? [] : [problem(`Unused ${name} directive (no problems were reported).`, d.start, d.end, removeComment)];
  }
  const unused = d.ruleRanges.filter((r) => checks.knownRules.has(r.id) && !used.has(r.id));
  if (unused.length === 0) return [];
  if (unused.length === d.ruleRanges.length) {
    const ids = unused.map((r) => `'${r.id}'`);
    const list = ids.length > 1 ? `${ids.slice(0, -1).join(', ')} or ${ids[ids.length - 1]}` : ids[0];
    return [problem(`Unused ${name} directive (no problems were reported from ${list}).`, d.start, d.end, removeComment)];
  }
  return unused.map((r) => {
    const i = d.ruleRanges.indexOf(r);
    const edit = i < d.ruleRanges.length - 1
      ? { start: r.start, end: d.ruleRanges[i + 1]!.start, text: '' }
      : { start: d.ruleRanges[i - 1]!.end, end: r.end, text: '' };
    return problem(`Unused ${name} directive (no problems were reported from '${r.id}').`, r.start, r.end, { title: `Remove '${r.id}' from the ${name} comment`, edits: [edit] });
  });
}

/** Removes a comment: its whole line when nothing else is on it, else the comment and the blanks that separate it. */
function removeCommentEdit(text: string, d: Directive): TextEdit {
  const lineStart = Math.max(text.lastIndexOf('\n', d.start - 1), text.lastIndexOf('\r', d.start - 1)) + 1;
  let lineEnd = d.end;
  while (lineEnd < text.length && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
  const before = text.slice(lineStart, d.start);
  const after = text.slice(d.end, lineEnd);
  if (!before.trim() && !after.trim()) {
    const breakLength = text.startsWith('\r\n', lineEnd) ? 2 : lineEnd < text.length ? 1 : 0;
    return { start: lineStart, end: lineEnd + breakLength, text: '' };
  }
  if (!after.trim()) return { start: d.start - (before.length - before.trimEnd().length), end: lineEnd, text: '' };
  return { start: d.start, end: d.end + (after.length - after.trimStart().length), text: '' };
}
