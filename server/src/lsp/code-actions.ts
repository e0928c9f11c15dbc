// Code actions from cached problems: the fix, suggestions, fix all of a rule, disable for this line, rule docs; source.fixAll.edgelint.
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { docsUrl } from '../engine/define-rule';
import { lineCommentPrefix } from '../engine/file-kind';
import { applyFixes } from '../engine/fixer';
import type { Problem } from '../engine/types';
import { isRule, rangesMeet } from './diagnostics';
import { documentEdit, regionEdit, toTextEdits } from './fix-all';
import type { LintEntry } from './linting';
import { FIX_ALL_KIND, OPEN_DOCS_COMMAND } from './protocol';


/** Whether `kind` was asked for: no `only` filter means quick fixes only (source actions are never offered unasked). */
export function wants(only: readonly string[] | undefined, kind: string): boolean {
  if (!only) return kind === CodeActionKind.QuickFix;
  return only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

/** Quick fixes for the problems whose ranges meet the requested range. `entry` must be the lint of `doc`'s current version. */
export function quickFixes(params: CodeActionParams, doc: TextDocument, entry: LintEntry, documentChanges: boolean): CodeAction[] {
  const actions: CodeAction[] = [];
  const rules: string[] = [];
  const firstDiagnostic = new Map<string, Diagnostic>();
  entry.problems.forEach((problem, i) => {
    const diagnostic = entry.diagnostics[i]!;
    if (!rangesMeet(diagnostic.range, params.range)) return;
    const edit = (fix: NonNullable<Problem['fix']>) => documentEdit(doc, toTextEdits(entry.index, fix.edits), documentChanges);
    if (problem.fix) actions.push({ title: problem.fix.title, kind: CodeActionKind.QuickFix, isPreferred: true, diagnostics: [diagnostic], edit: edit(problem.fix) });
    for (const suggestion of problem.suggestions ?? []) {
      actions.push({ title: suggestion.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: edit(suggestion) });
    }
    if (isRule(problem.ruleId) && !rules.includes(problem.ruleId)) {
      rules.push(problem.ruleId);
      firstDiagnostic.set(problem.ruleId, diagnostic);
    }
  });
  for (const ruleId of rules) {
    const diagnostic = firstDiagnostic.get(ruleId)!;
    // Like fixFile: no bulk fixes in a file that does not parse (a recovered parse may put offsets in unrelated code).
    const fixable = entry.problems.some((p) => p.fatal) ? [] : entry.problems.filter((p) => p.ruleId === ruleId && p.fix);
    if (fixable.length > 0) {
      const fixed = applyFixes(entry.text, fixable).text;
      if (fixed !== entry.text) {
        actions.push({
          title: `Fix all ${ruleId} problems in this file`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic],
          edit: documentEdit(doc, [regionEdit(entry.index, entry.text, fixed)], documentChanges),
        });
      }
    }
    const disable = disableEdit(entry, ruleId, diagnostic.range.start.line);
    if (disable) {
      actions.push({ title: `Disable ${ruleId} for this line`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: documentEdit(doc, [disable], documentChanges) });
    }
    const title = `Show documentation for ${ruleId}`;
    actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title, command: OPEN_DOCS_COMMAND, arguments: [docsUrl(ruleId)] } });
  }
  return actions;
}

/**
 * `// edgelint-disable-next-line <rule>` (or `#` in TOML, _headers, YAML) above the line, with its indentation. None for
 * package.json (JSON has no comments) nor wrangler.json/.jsonc: the engine reads `#` directives there, which JSON cannot hold.
 */
function disableEdit(entry: LintEntry, ruleId: string, line: number) {
  const prefix = lineCommentPrefix(entry.kind, entry.path ?? '');
  if (!prefix) return undefined;
  const start = entry.index.lineStart(line);
  const indent = /^[ \t]*/.exec(entry.text.slice(start, start + 200))![0];
  const eol = entry.text.includes('\r\n') ? '\r\n' : '\n';
  const position = entry.index.position(start);
  return { range: { start: position, end: position }, newText: `${indent}${prefix} edgelint-disable-next-line ${ruleId}${eol}` };
}

/** The source.fixAll.edgelint action for an already computed fixed text. */
export function fixAllAction(doc: TextDocument, entry: LintEntry, fixed: string, documentChanges: boolean): CodeAction {
  return {
    title: 'Fix all auto-fixable edgelint problems', kind: FIX_ALL_KIND,
    edit: documentEdit(doc, [regionEdit(entry.index, entry.text, fixed)], documentChanges),
  };
}
