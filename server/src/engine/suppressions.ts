// Inline disable comments: edgelint-disable-next-line / -disable-line / -disable … -enable, in // /* */ and # syntaxes.
import { languageOf } from './languages';
import { LineIndex } from './line-index';
import type { FileKind, Problem, SuppressedProblem } from './types';

/** One `edgelint-*` comment. Offsets are 0-based UTF-16. */
export interface Directive {
  type: 'disable-next-line' | 'disable-line' | 'disable' | 'enable';
  /** Empty = all rules. */
  rules: string[];
  /** Each listed rule id with its range in the file. */
  ruleRanges: { id: string; start: number; end: number }[];
  /** 0-based line of the comment. */
  line: number;
  /** The comment itself, from `//`, `/*` or `#` to its end (without the line break). */
  start: number;
  end: number;
  /** The text after ` -- ` (empty when there is none). */
  justification: string;
}

const SLASH = /(?:\/\/|\/\*)\s*edgelint-(disable-next-line|disable-line|disable|enable)\b([^\n]*?)(?:\*\/|$)/gm;
/** What a rule id can look like (`kv-hot-key-write`, `cc-syntax`); anything else ends the id list. */
const RULE_ID_SHAPE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/i;
const HASH = /(?:^|\s)#\s*edgelint-(disable-next-line|disable-line|disable|enable)\b([^\n]*)$/gm;

/** Comment syntaxes by file kind, from the LANGUAGES table (wrangler config: # or //; package.json: none). */
function patternsFor(kind: FileKind | undefined): RegExp[] {
  return kind ? languageOf(kind).comments.map((syntax) => (syntax === '//' ? SLASH : HASH)) : [];
}

/** Finds the disable directives in a file's comments. */
export function findDirectives(text: string, kind: FileKind | undefined): Directive[] {
  if (!text.includes('edgelint-')) return [];
  const index = new LineIndex(text);
  const directives: Directive[] = [];
  for (const pattern of patternsFor(kind)) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const whole = m[0].replace(/\r$/, '');
      const start = m.index + (pattern === HASH ? whole.indexOf('#') : 0);
      const bodyStart = m.index + whole.indexOf('edgelint-') + 'edgelint-'.length + m[1]!.length;
      const raw = (m[2] ?? '').replace(/\r$/, '');
      const dashes = /\s--(?:\s|$)/.exec(raw);
      const list = dashes ? raw.slice(0, dashes.index) : raw;
      // Rule ids run until the first token that cannot be one (`<rule>`, `\nexport` in a string that only looks like a
      // directive): prose after a directive-looking text is not a list of unknown rules.
      const tokens = [...list.matchAll(/[^\s,]+/g)];
      const stop = tokens.findIndex((r) => !RULE_ID_SHAPE.test(r[0]));
      const ruleRanges = (stop < 0 ? tokens : tokens.slice(0, stop)).map((r) => ({ id: r[0], start: bodyStart + r.index!, end: bodyStart + r.index! + r[0].length }));
      directives.push({
        type: m[1] as Directive['type'], rules: ruleRanges.map((r) => r.id), ruleRanges,
        line: index.position(m.index + whole.indexOf('edgelint-')).line,
        start, end: m.index + whole.length,
        justification: dashes ? raw.slice(dashes.index + dashes[0].length).trim() : '',
      });
    }
  }
  return directives.sort((a, b) => a.line - b.line || a.start - b.start);
}

/** What the directives did to one file's problems. */
export interface SuppressionResult {
  /** The problems that are still reported. */
  problems: Problem[];
  /** The problems a directive silenced, with ESLint's `suppressions` (kind `directive` and the justification). */
  suppressed: SuppressedProblem[];
  directives: Directive[];
  /** For each directive, the rule ids of the problems it silenced. */
  used: Map<Directive, Set<string>>;
}

/** Splits problems into reported and silenced ones. Fatal problems (parse/read errors) are never silenced. */
export function suppress(text: string, kind: FileKind | undefined, problems: Problem[]): SuppressionResult {
  const directives = findDirectives(text, kind);
  const used = new Map(directives.map((d) => [d, new Set<string>()]));
  if (directives.length === 0) return { problems, suppressed: [], directives, used };
  const index = new LineIndex(text);
  const kept: Problem[] = [];
  const suppressed: SuppressedProblem[] = [];
  for (const problem of problems) {
    const by = problem.fatal ? undefined : silencer(directives, index.position(problem.start).line, problem.ruleId);
    if (!by) {
      kept.push(problem);
      continue;
    }
    used.get(by)!.add(problem.ruleId);
    suppressed.push({ ...problem, suppressions: [{ kind: 'directive', justification: by.justification }] });
  }
  return { problems: kept, suppressed, directives, used };
}

/** Removes problems silenced by directives (see `suppress`). */
export function applySuppressions(text: string, kind: FileKind | undefined, problems: Problem[]): Problem[] {
  return suppress(text, kind, problems).problems;
}

/** The directive that silences a problem of `ruleId` on `line`, if any. */
function silencer(directives: readonly Directive[], line: number, ruleId: string): Directive | undefined {
  const matches = (d: Directive) => d.rules.length === 0 || d.rules.includes(ruleId);
  let blockedBy: Directive | undefined;
  for (const d of directives) {
    if (d.type === 'disable-line' && d.line === line && matches(d)) return d;
    if (d.type === 'disable-next-line' && d.line === line - 1 && matches(d)) return d;
    if (d.line <= line && matches(d)) {
      if (d.type === 'disable') blockedBy = d;
      else if (d.type === 'enable') blockedBy = undefined;
    }
  }
  return blockedBy;
}
