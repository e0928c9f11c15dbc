// Inline disable comments: edgelint-disable-next-line / -disable-line / -disable … -enable, in // /* */ and # syntaxes.
import { languageOf } from './languages';
import { LineIndex } from './line-index';
import type { FileKind, Problem } from './types';

interface Directive {
  type: 'disable-next-line' | 'disable-line' | 'disable' | 'enable';
  /** Empty = all rules. */
  rules: string[];
  line: number;
}

const SLASH = /(?:\/\/|\/\*)\s*edgelint-(disable-next-line|disable-line|disable|enable)\b([^\n]*?)(?:\*\/|$)/gm;
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
      const body = (m[2] ?? '').split(/\s--\s|\s--$/)[0]!.trim();
      const rules = body ? body.split(/[\s,]+/).filter(Boolean) : [];
      directives.push({ type: m[1] as Directive['type'], rules, line: index.position(m.index + m[0].indexOf('edgelint-')).line });
    }
  }
  return directives.sort((a, b) => a.line - b.line);
}

/** Removes problems silenced by directives. Problems without a rule id (parse errors) are never silenced. */
export function applySuppressions(text: string, kind: FileKind | undefined, problems: Problem[]): Problem[] {
  const directives = findDirectives(text, kind);
  if (directives.length === 0) return problems;
  const index = new LineIndex(text);
  const matches = (d: Directive, ruleId: string) => d.rules.length === 0 || d.rules.includes(ruleId);
  return problems.filter((problem) => {
    if (problem.fatal) return true;
    const line = index.position(problem.start).line;
    let blocked = false;
    for (const d of directives) {
      if (d.type === 'disable-line' && d.line === line && matches(d, problem.ruleId)) return false;
      if (d.type === 'disable-next-line' && d.line === line - 1 && matches(d, problem.ruleId)) return false;
      if (d.line <= line && matches(d, problem.ruleId)) {
        if (d.type === 'disable') blocked = true;
        else if (d.type === 'enable') blocked = false;
      }
    }
    return !blocked;
  });
}
